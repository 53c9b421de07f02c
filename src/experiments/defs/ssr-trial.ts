import type { RandomStream } from '../../random/stream.js';
import { type SsrTrialErrors, sampleCount, ssrTrial } from '../../scenario/ssr-trial.js';
import { ssrTheory, type TheoryPoint } from '../../ssr/theory.js';
import { paramsKey } from '../keys.js';
import { experimentModel } from '../models.js';

/**
 * A grid point of the masked-SSR error experiments: covariance model, dimension, α = n/d and ridge
 * λ.
 */
export type SsrPoint = { model: string; d: number; alpha: number; lambda: number };

/**
 * `simulate` of the experiments whose grid points are {@link SsrPoint}s: one masked-SSR trial
 * ({@link ssrTrial}) on the experiment's model, with data from the stream's child for (model, d,
 * α), so every λ at the same α sees the same data.
 * @example simulateSsrPoint({ model: 'ar1:0.5', d: 100, alpha: 2, lambda: 0.1 }, trialStream('error-vs-alpha', 0))
 */
export function simulateSsrPoint(params: SsrPoint, stream: RandomStream): SsrTrialErrors {
  const { model, d, alpha, lambda } = params;
  const data = stream.child('data', paramsKey({ model, d, alpha }));
  return ssrTrial(experimentModel(model, d), sampleCount(alpha, d), lambda, data);
}

/**
 * Allowances for the finite-n term, in units of |v|/(n(1 − df₂/n)²): above the largest measured
 * relative bias of the simulation (d = 60–400, ρ ∈ {0, 0.5, 0.8}, α = 0.25–8, λ = 0.001–1, up to
 * 400 trials per point): |coefficient| ≤ 0.8 for L_gen (−1/n at large α: each coordinate is
 * regressed on d − 1 others, not d) and ≤ 1.8 for L_tr (largest below α = 1).
 */
export const FINITE_SIZE = { gen: 1, train: 2.5 } as const;

/**
 * The deterministic equivalent at the simulated sample size (α = n/d with n = round(αd)) and the
 * allowance for its finite-n term, FINITE_SIZE[quantity]·|v|/(n(1 − df₂/n)²): the simulated bias
 * of the theory scales as 1/(n(1 − df₂/n)²) (it grows towards the interpolation peak).
 * @example ssrPointTheory(form, 100, 2, 0.1).finiteSize('gen')
 */
export function ssrPointTheory(
  form: Parameters<typeof ssrTheory>[0],
  d: number,
  alpha: number,
  lambda: number,
): { point: TheoryPoint; finiteSize: (quantity: 'gen' | 'train') => number } {
  const n = sampleCount(alpha, d);
  const [point] = ssrTheory(form, [{ alpha: n / d, lambda }]);
  const scale = 1 / (n * (1 - point.df2OverN) ** 2);
  return {
    point,
    finiteSize: (q) =>
      FINITE_SIZE[q] * scale * Math.abs(q === 'gen' ? point.genError : point.trainError),
  };
}
