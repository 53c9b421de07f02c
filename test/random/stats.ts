/** Small statistics helpers for the Monte Carlo tests of src/random (test-only). */

/** Sample mean and (unbiased) variance. */
export function moments(x: ArrayLike<number>): { mean: number; variance: number; fourth: number } {
  const n = x.length;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += x[k]!;
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  for (let k = 0; k < n; k++) {
    const d = (x[k]! - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  return { mean, variance: m2 / (n - 1), fourth: m4 / n };
}

/** Kolmogorov–Smirnov statistic sup |F_n − F| of a sample against a continuous CDF. */
export function ksStatistic(x: ArrayLike<number>, cdf: (t: number) => number): number {
  const sorted = Float64Array.from(x).sort();
  const n = sorted.length;
  let d = 0;
  for (let k = 0; k < n; k++) {
    const f = cdf(sorted[k]!);
    d = Math.max(d, (k + 1) / n - f, f - k / n);
  }
  return d;
}

/**
 * √n·D above which the KS test rejects at level 0.001 (the Kolmogorov distribution's quantile
 * 1.9495); a fixed seed passing it is a 1-in-1000 event for a wrong generator to fake.
 */
export const KS_CRITICAL_0_001 = 1.9495;

export { normalCdf } from '../../src/stats/normal-cdf.js';
