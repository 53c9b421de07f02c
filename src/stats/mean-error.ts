/** Mean of a sample and the standard error of that mean. */
export interface MeanError {
  mean: number;
  /**
   * Sample standard deviation / √n (divisor n − 1); NaN for fewer than two values, whose spread
   * one cannot estimate (a difference from it then counts as infinitely many standard errors).
   */
  stderr: number;
  n: number;
}

/**
 * Mean and standard error of the mean (unbiased variance, divisor n − 1).
 * @example meanError([1, 2, 3]) // { mean: 2, stderr: 0.577…, n: 3 }
 */
export function meanError(sample: ArrayLike<number>): MeanError {
  const n = sample.length;
  if (n === 0) return { mean: NaN, stderr: NaN, n };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sample[i] / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sample[i] - mean) ** 2;
  return { mean, stderr: n > 1 ? Math.sqrt(ss / (n - 1) / n) : NaN, n };
}
