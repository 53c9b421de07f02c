/**
 * Kolmogorov distance sup_x |F_emp(x) − F(x)| between the empirical distribution of `samples`
 * and a distribution function `cdf`, evaluated on both sides of every jump.
 * @example kolmogorovDistance([0.5], (x) => x) // 0.5
 */
export function kolmogorovDistance(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    worst = Math.max(worst, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  return worst;
}
