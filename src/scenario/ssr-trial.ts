import type { CovarianceModel } from '../covariance/model.js';
import type { Seed } from '../random/seed.js';
import type { RandomStream } from '../random/stream.js';
import { fitSsr } from '../ssr/estimator.js';
import { populationErrorInPlace } from '../ssr/population-error.js';
import { type MeanError, meanError } from '../stats/mean-error.js';

/** The errors of one fitted Â: exact generalisation error under Σ and training error. */
// A type, not an interface, so that it is a valid experiment trial record (an index signature).
export type SsrTrialErrors = { gen: number; train: number };

/**
 * The number of samples of a simulation at sample ratio α and dimension d: n = round(α·d), at
 * least 1. Every simulation rounds this way, and its theory is evaluated at α = n/d.
 * @example sampleCount(2.5, 100) // 250
 */
export function sampleCount(alpha: number, d: number): number {
  return Math.max(1, Math.round(alpha * d));
}

/**
 * One masked-SSR Monte Carlo trial (docs/theory.md §1–§2): n rows of N(0, Σ) drawn from `seed`,
 * Â at ridge λ without centring (the zero-mean theory), its exact generalisation error
 * tr((I − Â)ᵀΣ(I − Â))/d and its training error. Cost: one n×d Gram matrix and one d×d
 * Cholesky inverse.
 * @throws {InvalidArgumentError} when the model has d = ∞ (nothing to sample).
 * @example ssrTrial(ar1Covariance(0.5, 100), 200, 0.1, 7).gen
 */
export function ssrTrial(
  model: CovarianceModel,
  n: number,
  lambda: number,
  seed: Seed | RandomStream,
): SsrTrialErrors {
  const fit = fitSsr(model.sample(n, seed), { lambda, centre: false });
  return { gen: populationErrorInPlace(fit, model.matrix()), train: fit.trainError };
}

/**
 * `trials` independent {@link ssrTrial}s, trial t drawn from `seedOf(t)`, summarised as mean ±
 * standard error of each error; `onTrial(t)` runs after each trial (progress bars, cancellation).
 * @example ssrTrials(ar1Covariance(0.5, 60), 120, 0.1, 8, (t) => randomStream(1).child('trial', t)).gen.mean
 */
export function ssrTrials(
  model: CovarianceModel,
  n: number,
  lambda: number,
  trials: number,
  seedOf: (trial: number) => Seed | RandomStream,
  onTrial?: (trial: number) => void,
): { gen: MeanError; train: MeanError } {
  const gen: number[] = [];
  const train: number[] = [];
  for (let t = 0; t < trials; t++) {
    const e = ssrTrial(model, n, lambda, seedOf(t));
    gen.push(e.gen);
    train.push(e.train);
    onTrial?.(t);
  }
  return { gen: meanError(gen), train: meanError(train) };
}
