import { InvalidArgumentError } from '../errors.js';
import type { SpectralForm } from '../rmt/spectral-form.js';
import { dfPerDimension, solveKappa } from './kappa.js';

/** What the spectrum theory needs from (Σ, α, λ): κ, the scale λ/κ and Δ = diag((Σ + κI)⁻¹). */
export interface SpectrumScales {
  kappa: number;
  /** λ/κ; its limit 1 − rank/α when λ = 0 and α > rank. */
  shrink: number;
  /** Δ per coordinate class (d entries for a finite Σ, one class for a d → ∞ symbol). */
  delta: Float64Array;
  /** Fraction of coordinates in each class (sums to 1). */
  multiplicity: Float64Array;
  /** Mean of Δ over coordinates, Δ̄ = (1/d) tr R. */
  mean: number;
  /** Root-mean-square of Δ_k/Δ̄ − 1: how far Δ is from a multiple of I. */
  spread: number;
}

/**
 * κ(λ, α) from the SSR theory (docs/theory.md §2) and Δ = diag(R), R = (Σ + κI)⁻¹, from the
 * spectral form's coordinate weights (Δ_k = Σ_j W_kj/(σ_j + κ)), so that D = diag(Q) ≈ (κ/λ)Δ and
 * the eigenvalues of Â are a = 1 − (λ/κ)/ν, ν over the spectrum of N = Δ^{1/2} Σ̂ Δ^{1/2} + λΔ
 * (docs/theory.md §3). λ = 0 is allowed when α exceeds the rank fraction of Σ (κ = 0, Δ =
 * diag(Σ⁻¹)).
 * @throws {InvalidArgumentError} naming 'lambda' when λ = 0 and α ≤ rank fraction (Â is then
 *   the projector limit, whose spectrum this theory does not cover), or 'alpha'.
 * @example spectrumScales(ar1Covariance(0.5, 1000).spectrum(), 2, 0.1).spread
 */
export function spectrumScales(form: SpectralForm, alpha: number, lambda: number): SpectrumScales {
  const { rank } = dfPerDimension(form, 0);
  if (lambda === 0 && !(alpha > rank)) {
    throw new InvalidArgumentError(
      'lambda',
      `must be > 0 when α ≤ ${rank} (the spectrum theory covers the ridge and the invertible ridgeless case)`,
      lambda,
    );
  }
  const kappa = solveKappa(form, alpha, lambda).value;
  const shrink = kappa > 0 ? lambda / kappa : 1 - rank / alpha;
  const { values, coordinates } = form;
  const inv = Float64Array.from(values, (s) => 1 / (s + kappa));
  let delta: Float64Array;
  let multiplicity: Float64Array;
  if (coordinates.kind === 'identity') {
    delta = inv;
    multiplicity = new Float64Array(values.length).fill(1 / values.length);
  } else {
    const { weights, multiplicity: mult } = coordinates;
    const J = weights.cols;
    delta = new Float64Array(weights.rows);
    for (let k = 0; k < weights.rows; k++) {
      let sum = 0;
      for (let j = 0; j < J; j++) sum += weights.data[k * J + j] * inv[j];
      delta[k] = sum;
    }
    multiplicity = mult;
  }
  if (delta.some((v) => !(v > 0) || !Number.isFinite(v))) {
    throw new InvalidArgumentError(
      'sigma',
      'must be positive definite for the spectrum theory at λ = 0 (diag(Σ⁻¹) is not finite)',
      lambda,
    );
  }
  let mean = 0;
  for (let k = 0; k < delta.length; k++) mean += multiplicity[k] * delta[k];
  let spread = 0;
  for (let k = 0; k < delta.length; k++) spread += multiplicity[k] * (delta[k] / mean - 1) ** 2;
  return { kappa, shrink, delta, multiplicity, mean, spread: Math.sqrt(spread) };
}
