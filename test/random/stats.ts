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

/** Standard normal CDF through erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
