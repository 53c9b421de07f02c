import { spikeDirection } from '../covariance/spiked.js';
import { InvalidArgumentError } from '../errors.js';
import { gaussianMatrix } from '../random/gaussian.js';
import type { Seed } from '../random/seed.js';
import { SSR_PARAMS } from './params.js';
import { ssrEigen } from './spectrum.js';

/** One simulated spiked data set: the top of Â's spectrum and its eigenvector's overlap with u. */
export interface BbpSample {
  theta: number;
  /** Largest eigenvalue of Â. */
  outlier: number;
  /** Second largest (the bulk edge when there is one outlier). */
  next: number;
  /** (vᵀu)², v the unit right eigenvector of Â for its largest eigenvalue. */
  overlap: number;
}

/**
 * The spike direction: spread (a normalised Gaussian draw, as in `spikedCovariance`) or
 * localised on the first `localized` coordinates, u = (1, …, 1, 0, …)/√k.
 * @throws {InvalidArgumentError} naming 'localized' unless it is an integer in [1, d].
 * @example spikeVector(100, 0, 1) // e₁
 */
export function spikeVector(d: number, seed: Seed, localized?: number): Float64Array {
  if (localized === undefined) return spikeDirection(d, seed);
  if (!Number.isInteger(localized) || localized < 1 || localized > d)
    throw new InvalidArgumentError('localized', `must be an integer in [1, ${d}]`, localized);
  const u = new Float64Array(d);
  for (let k = 0; k < localized; k++) u[k] = 1 / Math.sqrt(localized);
  return u;
}

/**
 * Simulates the BBP transition (docs/theory.md §4): n = round(αd) samples of N(0, I + θuuᵀ) drawn
 * exactly as x = z + (√(1+θ) − 1)(uᵀz)u, the SSR matrix Â at λ, its largest eigenvalue and the
 * squared overlap of the corresponding right eigenvector (symmetric similarity, see `ssrEigen`)
 * with u. Each θ uses the same Gaussian draws z (common random numbers).
 * @throws {InvalidArgumentError} naming 'theta', 'd', 'alpha', 'lambda' or 'localized'.
 * @example bbpSimulation([0.9, 1.5, 3], 800, 2, 0.1, 1)
 */
export function bbpSimulation(
  thetas: readonly number[],
  d: number,
  alpha: number,
  lambda: number,
  seed: Seed,
  options: { localized?: number } = {},
): BbpSample[] {
  SSR_PARAMS.d.check('d', d);
  SSR_PARAMS.alpha.check('alpha', alpha);
  SSR_PARAMS.lambda.check('lambda', lambda);
  const n = Math.max(1, Math.round(alpha * d));
  const u = spikeVector(d, seed, options.localized);
  const z = gaussianMatrix(n, d, seed);
  return thetas.map((theta) => {
    if (!(theta >= 0) || !Number.isFinite(theta))
      throw new InvalidArgumentError('theta', 'must be a finite spike strength ≥ 0', theta);
    const x = z.clone();
    const shift = Math.sqrt(1 + theta) - 1;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let k = 0; k < d; k++) dot += x.data[i * d + k] * u[k];
      for (let k = 0; k < d; k++) x.data[i * d + k] += shift * dot * u[k];
    }
    const { values, vectors } = ssrEigen(x, lambda, { vectors: true });
    let dot = 0;
    for (let k = 0; k < d; k++) dot += vectors!.data[k * d + d - 1] * u[k];
    return { theta, outlier: values[d - 1], next: values[d - 2], overlap: dot * dot };
  });
}
