import { InvalidArgumentError } from '../errors.js';
import type { SpectralForm } from '../rmt/spectral-form.js';
import { coordinateRatio, irreducibleRatio } from './coordinate-ratio.js';
import { dfPerDimension, solveKappa } from './kappa.js';

/** One (α, λ) point of the deterministic-equivalent theory. */
export interface TheoryPoint {
  /** Sample ratio α = n/d. */
  alpha: number;
  /** Ridge λ. */
  lambda: number;
  /** Effective ridge κ(λ). */
  kappa: number;
  /** df₁ = tr[Σ(Σ+κI)⁻¹] and df₂ = tr[Σ²(Σ+κI)⁻²]; `Infinity` when d = ∞. */
  df1: number;
  df2: number;
  /** df₁/n and df₂/n: the finite quantities that enter the equations (also for d = ∞). */
  df1OverN: number;
  df2OverN: number;
  /** Generalisation error per coordinate (in units of Σ's entries); `Infinity` at α = 1, λ = 0. */
  genError: number;
  /** Training error per coordinate, (λ/κ)²·genError (0 for the ridgeless interpolator). */
  trainError: number;
  /** Whether the κ solve converged, its iterations and residual |κ(1 − df₁/n) − λ|. */
  converged: boolean;
  iterations: number;
  residual: number;
}

/**
 * The deterministic equivalent of masked SSR (docs/theory.md §2) at each (α, λ): κ from
 * λ = κ(1 − df₁/n), then L_gen = ρ(κ)/(1 − df₂/n) with ρ(κ) = (1/d) Σ_k [RΣR]_kk/[R]_kk² and
 * L_tr = (λ/κ)² L_gen. For κ = 0 (λ = 0, α > 1) λ/κ is its limit 1 − df₂(0)/n. All points share
 * the one spectral form (one eigendecomposition); the coordinate averages of a curve are two
 * matrix products.
 * @throws {InvalidArgumentError} naming 'alpha' or 'lambda' for a value out of range, or so
 * extreme that the result would overflow (NaN or κ = ∞).
 * @example ssrTheory(ar1Covariance(0.5, Infinity).spectrum(), [{ alpha: 2, lambda: 0.1 }])[0].genError
 */
export function ssrTheory(
  form: SpectralForm,
  points: ReadonlyArray<{ alpha: number; lambda: number }>,
): TheoryPoint[] {
  const solutions = points.map(({ alpha, lambda }) => solveKappa(form, alpha, lambda));
  const kappas = Float64Array.from(solutions, (s) => s.value);
  const ratios = coordinateRatio(form, kappas);
  return points.map(({ alpha, lambda }, i) => {
    const { value: kappa, converged, iterations, residual } = solutions[i];
    const { tau1, tau2, rank } = dfPerDimension(form, kappa);
    const df2OverN = tau2 / alpha;
    const inflation = 1 - df2OverN;
    const genError = inflation > 0 ? ratios[i] / inflation : Infinity;
    // λ/κ → F′(0) = 1 − r/α as λ → 0 when κ = 0 (α > r).
    const shrink = kappa > 0 ? lambda / kappa : 1 - rank / alpha;
    const trainError = shrink === 0 ? 0 : shrink * shrink * genError;
    if (!Number.isFinite(kappa) || Number.isNaN(genError) || Number.isNaN(trainError)) {
      // Extreme inputs (λ ≈ 1e308, α ≈ 1e-320) overflow double precision: refuse, never NaN.
      const huge = lambda > 1;
      throw new InvalidArgumentError(
        huge ? 'lambda' : 'alpha',
        `is too extreme for double precision: the theory overflows at α = ${alpha}, λ = ${lambda}`,
        huge ? lambda : alpha,
      );
    }
    return {
      alpha,
      lambda,
      kappa,
      df1: form.d === Infinity ? Infinity : tau1 * form.d,
      df2: form.d === Infinity ? Infinity : tau2 * form.d,
      df1OverN: tau1 / alpha,
      df2OverN,
      genError,
      trainError,
      converged,
      iterations,
      residual,
    };
  });
}

/**
 * The n → ∞ irreducible SSR error (1/d) Σ_k 1/[Σ⁻¹]_kk (docs/theory.md §2): the error of the best
 * linear prediction of each coordinate from the others; 0 for coordinates that are exact linear
 * combinations of the others (singular Σ).
 * @example irreducibleError(ar1Covariance(0.5, Infinity).spectrum()) // 0.6 = (1−ρ²)/(1+ρ²)
 */
export function irreducibleError(form: SpectralForm): number {
  return irreducibleRatio(form);
}
