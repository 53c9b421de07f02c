import { InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import { type MpFitOptions, mpFit } from './mp-fit.js';

/** Correlation-trap metrics: W against its randomised form (entries permuted). */
export interface TrapMetrics {
  /** Jensen–Shannon distance between the two spectra (WeightWatcher's rand_distance). */
  rand_distance: number;
  max_rand_eval: number;
  /** max_rand_eval / λ_max. */
  ww_softrank: number;
  /** λ_max − max_rand_eval. */
  ww_maxdist: number;
  rand_sigma_mp: number;
  rand_bulk_max: number;
  /** Outliers of the randomised spectrum above its Tracy–Widom threshold: the correlation traps. */
  rand_num_spikes: number;
  traps: number[];
}

/**
 * W with its entries randomly permuted (same values, same Frobenius norm, correlations destroyed):
 * by a seed (Fisher–Yates on a seeded stream) or an explicit permutation of 0…NM−1.
 * @throws {InvalidArgumentError} naming 'permutation' if it has the wrong length or repeats.
 * @example randomizeMatrix(W, 7)
 */
export function randomizeMatrix(w: Matrix, by: Seed | RandomStream | Int32Array): Matrix {
  const n = w.data.length;
  const p = by instanceof Int32Array ? by : randomStream(by).permutation(n);
  if (p.length !== n)
    throw new InvalidArgumentError('permutation', `must have ${n} entries`, p.length);
  const seen = new Uint8Array(n);
  const out = Matrix.zeros(w.rows, w.cols);
  for (let k = 0; k < n; k++) {
    const from = p[k]!;
    if (!(from >= 0 && from < n) || seen[from])
      throw new InvalidArgumentError('permutation', 'must be a permutation of 0…n−1', from);
    seen[from] = 1;
    out.data[k] = w.data[from]!;
  }
  return out;
}

/**
 * Compares the ESD of W with that of its randomised form. rand_distance is WeightWatcher's
 * jensen_shannon_distance of the two ascending eigenvalue vectors read as distributions:
 * √(½KL(p̂‖m̂) + ½KL(q̂‖m̂)), p̂ = p/Σp, q̂ = q/Σq, m̂ = (p + q)/Σ(p + q), natural logs. The traps
 * are the randomised eigenvalues above the Tracy–Widom threshold of an MP fit of the randomised
 * spectrum (mpFit): a random matrix has none, so each marks entries whose values, not positions,
 * create a large mode (e.g. a few huge weights, or a large mean).
 * @throws {InvalidArgumentError} if the spectra differ in length.
 * @example correlationTraps(esd.evals, randomEsd.evals, N, M).rand_num_spikes
 */
export function correlationTraps(
  evals: ArrayLike<number>,
  randEvals: ArrayLike<number>,
  N: number,
  M: number,
  options: MpFitOptions = {},
): TrapMetrics {
  if (evals.length !== randEvals.length)
    throw new InvalidArgumentError(
      'randEvals',
      `must have ${evals.length} values`,
      randEvals.length,
    );
  const p = Float64Array.from(evals).sort();
  const q = Float64Array.from(randEvals).sort();
  const fit = mpFit(q, N, M, options);
  const lambdaMax = p[p.length - 1]!;
  const maxRand = q[q.length - 1]!;
  const traps: number[] = [];
  for (let i = q.length - 1; i >= 0 && q[i]! > fit.spike_threshold; i--) traps.push(q[i]!);
  return {
    rand_distance: jensenShannonDistance(p, q),
    max_rand_eval: maxRand,
    ww_softrank: maxRand / lambdaMax,
    ww_maxdist: lambdaMax - maxRand,
    rand_sigma_mp: fit.sigma_mp,
    rand_bulk_max: fit.bulk_max,
    rand_num_spikes: fit.num_spikes,
    traps,
  };
}

/**
 * Jensen–Shannon distance of two non-negative vectors normalised to sum 1 (scipy's
 * jensenshannon with the mixture (p + q)/Σ(p + q), as WeightWatcher computes it).
 * @example jensenShannonDistance([1, 0], [0, 1]) // √ln 2
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i]!;
    sq += q[i]!;
  }
  let kp = 0;
  let kq = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i]! / sp;
    const b = q[i]! / sq;
    const m = (p[i]! + q[i]!) / (sp + sq);
    if (a > 0) kp += a * Math.log(a / m);
    if (b > 0) kq += b * Math.log(b / m);
  }
  return Math.sqrt(Math.max(0, (kp + kq) / 2));
}
