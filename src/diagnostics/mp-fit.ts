import { InvalidArgumentError } from '../errors.js';

/** A Marchenko–Pastur fit of the bulk of an ESD, in the units of λ = s². */
export interface MpFit {
  /** Estimated entry standard deviation σ of a noise matrix with this bulk. */
  sigma_mp: number;
  /** MP edges σ²(√N ∓ √M)² of the bulk. */
  bulk_min: number;
  bulk_max: number;
  /** λ above this are spikes: σ²(μ + q·s) with Johnstone's Tracy–Widom centring μ and scale s. */
  spike_threshold: number;
  num_spikes: number;
  /** bulk_max / λ_max (WeightWatcher's mp_softrank). */
  mp_softrank: number;
  iterations: number;
  converged: boolean;
}

/** Options of {@link mpFit}. */
export interface MpFitOptions {
  /** Tracy–Widom (β = 1) quantile q of the spike margin: 2.0234 (99 %, default), 0.9793 (95 %). */
  twQuantile?: number;
  maxIterations?: number;
}

/**
 * Fits the Marchenko–Pastur law to the bulk of the eigenvalues λ = s² of an N×M matrix (N ≥ M),
 * separating spikes by a Tracy–Widom margin. For iid entries of variance σ², λ/N follows MP with
 * ratio M/N and mean σ², and the largest λ is σ²(μ + s·TW₁) with (Johnstone 2001)
 *   μ = (√(N−1) + √M)², s = (√(N−1) + √M)(1/√(N−1) + 1/√M)^{1/3}.
 * Starting with no spikes, σ² = mean of the M − k smallest λ / N, threshold σ²(μ + q·s),
 * k = #{λ > threshold}, repeated until k is stable. On pure noise this is the entry variance
 * (Σλ = ‖W‖²_F) and finds no spikes with probability ≈ the TW quantile's level; spikes above the
 * BBP threshold are separated and left out of σ.
 * (WeightWatcher fits σ by a kernel-density residual after rescaling; this estimator is exact on
 * noise and deterministic, which the numpy reference reproduces to 1e-12.)
 * @throws {InvalidArgumentError} unless N ≥ M ≥ 1 and there are M eigenvalues.
 * @example mpFit(weightEsd(W).evals, N, M).num_spikes
 */
export function mpFit(evals: ArrayLike<number>, N: number, M: number, options: MpFitOptions = {}): MpFit {
  if (!(Number.isInteger(M) && M >= 1 && Number.isInteger(N) && N >= M)) throw new InvalidArgumentError('N, M', 'must be integers with N ≥ M ≥ 1', [N, M]);
  if (evals.length !== M) throw new InvalidArgumentError('evals', `must hold M = ${M} eigenvalues`, evals.length);
  const q = options.twQuantile ?? 2.0234;
  const maxIterations = options.maxIterations ?? 100;
  const sorted = Float64Array.from(evals).sort();
  const prefix = new Float64Array(M + 1);
  for (let i = 0; i < M; i++) prefix[i + 1] = prefix[i]! + sorted[i]!;
  const a = Math.sqrt(Math.max(N - 1, 1));
  const b = Math.sqrt(M);
  const mu = (a + b) ** 2;
  const s = (a + b) * Math.cbrt(1 / a + 1 / b);
  let spikes = 0;
  let variance = 0;
  let threshold = 0;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    variance = prefix[M - spikes]! / ((M - spikes) * N);
    threshold = variance * (mu + q * s);
    let next = 0;
    while (next < M && sorted[M - 1 - next]! > threshold) next++;
    if (next >= M) next = M - 1;
    if (next === spikes) {
      converged = true;
      break;
    }
    spikes = next;
  }
  const bulkMax = variance * (Math.sqrt(N) + b) ** 2;
  return {
    sigma_mp: Math.sqrt(variance),
    bulk_min: variance * (Math.sqrt(N) - b) ** 2,
    bulk_max: bulkMax,
    spike_threshold: threshold,
    num_spikes: spikes,
    mp_softrank: bulkMax / sorted[M - 1]!,
    iterations,
    converged,
  };
}
