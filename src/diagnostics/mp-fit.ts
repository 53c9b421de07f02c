import { InvalidArgumentError } from '../errors.js';
import { marchenkoPastur } from '../rmt/laws/marchenko-pastur.js';

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

/**
 * The median of the Marchenko–Pastur law of ratio c ≤ 1 and scale 1, by bisection on its CDF.
 * @example mpMedian(1) // ≈ 0.6490
 */
export function mpMedian(c: number): number {
  const law = marchenkoPastur(c);
  let [lo, hi] = law.support;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (law.cdf(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
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
 * ratio c = M/N and scale σ², and the largest λ is σ²(μ + s·TW₁) with (Johnstone 2001)
 *   μ = (√(N−1) + √M)², s = (√(N−1) + √M)(1/√(N−1) + 1/√M)^{1/3}.
 * Quantile matching: starting with no spikes, σ² = median of the M − k smallest λ / (N·m_c),
 * m_c the median of MP(c, 1); threshold σ²(μ + q·s); k = #{λ > threshold} (at most M/2), repeated
 * until k is stable. The median makes the bulk estimate robust to spikes and heavy tails (a mean
 * would chase the tail down, one spike at a time); on noise it is within ~1/M of σ² (eigenvalue
 * rigidity), and no spike is found with probability ≈ the TW quantile's level.
 * (WeightWatcher fits σ by a kernel-density residual after rescaling; this estimator is
 * deterministic, which the numpy reference reproduces to 1e-12.)
 * @throws {InvalidArgumentError} unless N ≥ M ≥ 1 and there are M eigenvalues.
 * @example mpFit(weightEsd(W).evals, N, M).num_spikes
 */
export function mpFit(
  evals: ArrayLike<number>,
  N: number,
  M: number,
  options: MpFitOptions = {},
): MpFit {
  if (!(Number.isInteger(M) && M >= 1 && Number.isInteger(N) && N >= M))
    throw new InvalidArgumentError('N, M', 'must be integers with N ≥ M ≥ 1', [N, M]);
  if (evals.length !== M)
    throw new InvalidArgumentError('evals', `must hold M = ${M} eigenvalues`, evals.length);
  const q = options.twQuantile ?? 2.0234;
  const maxIterations = options.maxIterations ?? 100;
  const sorted = Float64Array.from(evals).sort();
  const mc = mpMedian(M / N);
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
    const m = M - spikes;
    const median = m % 2 ? sorted[(m - 1) / 2]! : (sorted[m / 2 - 1]! + sorted[m / 2]!) / 2;
    variance = median / (N * mc);
    threshold = variance * (mu + q * s);
    let next = 0;
    while (next < M && sorted[M - 1 - next]! > threshold) next++;
    if (next > M / 2) next = Math.floor(M / 2);
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
