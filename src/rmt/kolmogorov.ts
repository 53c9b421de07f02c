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

/**
 * sup |F(x) − G(x)| over the given points: the Kolmogorov distance between two continuous
 * distribution functions, sampled (e.g. an SLQ estimate against the deterministic equivalent).
 * @example distributionDistance(est.cdf, theory.cdf, est.grid)
 */
export function distributionDistance(
  f: (x: number) => number,
  g: (x: number) => number,
  points: ArrayLike<number>,
): number {
  let worst = 0;
  for (let i = 0; i < points.length; i++)
    worst = Math.max(worst, Math.abs(f(points[i]!) - g(points[i]!)));
  return worst;
}
