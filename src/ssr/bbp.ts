import { InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import { type SpectralForm, spectralForm } from '../rmt/spectral-form.js';
import { SSR_PARAMS } from './params.js';
import { spectrumScales } from './spectrum-delta.js';

/**
 * One spike strength θ: the outlier eigenvalue of Â (null below threshold) and the squared overlap.
 */
export interface BbpPoint {
  theta: number;
  /** Outlier eigenvalue of Â, or null when θ is at or below the threshold. */
  outlier: number | null;
  /** Squared overlap (vᵀu)² of Â's top eigenvector with the spike (0 below threshold). */
  overlap: number;
  /** The sample-covariance outlier s* = (1 + θ)(1 + c/θ) behind it (null below threshold). */
  sampleOutlier: number | null;
}

/** The BBP transition of Â for Σ = I + θuuᵀ at one (α, λ). */
export interface BbpTheory {
  /** θ_c = √c = 1/√α (docs/theory.md §4). */
  threshold: number;
  alpha: number;
  lambda: number;
  kappa: number;
  points: BbpPoint[];
}

/**
 * The spiked model Σ = I + θuuᵀ with u spread over the coordinates (docs/theory.md §4), d → ∞ (or
 * finite d: the spike's weight 1/d enters κ and Δ̄): Â has an outlier iff θ > √c (c = 1/α); the
 * top eigenvalue of Σ̂ is then s* = (1 + θ)(1 + c/θ) and maps through §3 (Δ ≈ Δ̄I, spread spike)
 * to a* = 1 − (λ/κ)/(Δ̄(s* + λ)); the squared overlap of its eigenvector with u is
 * (1 − c/θ²)/(1 + c/θ) (Â's right eigenvector D^{1/2}w ≈ √Δ̄·w), 0 below the threshold.
 * @throws {InvalidArgumentError} naming 'theta' (θ ≥ 0), 'alpha', 'lambda' or 'd'.
 * @example bbpTheory([0.9, 1.5, 3], 2, 0.1).points.map((p) => p.overlap) // 0.25, 0.58, 0.81
 */
export function bbpTheory(
  thetas: readonly number[],
  alpha: number,
  lambda: number,
  options: { d?: number } = {},
): BbpTheory {
  SSR_PARAMS.alpha.check('alpha', alpha);
  SSR_PARAMS.lambda.check('lambda', lambda);
  const d = options.d ?? Infinity;
  if (d !== Infinity) SSR_PARAMS.d.check('d', d);
  const c = 1 / alpha;
  const threshold = Math.sqrt(c);
  let kappa = 0;
  const points = thetas.map((theta): BbpPoint => {
    if (!(theta >= 0) || !Number.isFinite(theta))
      throw new InvalidArgumentError('theta', 'must be a finite spike strength ≥ 0', theta);
    const scales = spectrumScales(spikedForm(theta, d), alpha, lambda);
    kappa = scales.kappa;
    if (theta <= threshold) return { theta, outlier: null, overlap: 0, sampleOutlier: null };
    const s = (1 + theta) * (1 + c / theta);
    const outlier = 1 - scales.shrink / (scales.mean * (s + lambda));
    const overlap = (1 - c / (theta * theta)) / (1 + c / theta);
    return { theta, outlier, overlap, sampleOutlier: s };
  });
  return { threshold, alpha, lambda, kappa, points };
}

/**
 * The spectral form of I + θuuᵀ for the theory of κ and Δ̄ (both depend on the spectrum only):
 * eigenvalues 1 (weight 1 − 1/d) and 1 + θ (weight 1/d), one coordinate class; d = ∞ drops the
 * spike.
 */
function spikedForm(theta: number, d: number): SpectralForm {
  const values = d === Infinity ? Float64Array.of(1) : Float64Array.of(1, 1 + theta);
  const weights = d === Infinity ? Float64Array.of(1) : Float64Array.of(1 - 1 / d, 1 / d);
  return spectralForm(
    {
      d,
      values,
      weights,
      coordinates: {
        kind: 'mixing',
        weights: Matrix.fromRowMajor(1, values.length, weights),
        multiplicity: Float64Array.of(1),
      },
    },
    'theta',
  );
}
