import { InvalidArgumentError } from '../errors.js';
import { populationMean } from '../rmt/population.js';
import type { SpectralForm } from '../rmt/spectral-form.js';
import { SSR_PARAMS } from './params.js';

/** Result of an iterative solve: the caller decides whether to throw when not converged. */
export interface Solution {
  value: number;
  converged: boolean;
  iterations: number;
  residual: number;
}

/**
 * Per-dimension degrees of freedom at effective ridge κ: τ₁ = df₁/d = (1/d) tr[Σ(Σ+κI)⁻¹] and
 * τ₂ = df₂/d = (1/d) tr[Σ²(Σ+κI)⁻²] (docs/theory.md §2), plus the rank fraction (τ₁ at κ = 0⁺).
 * @example dfPerDimension(diagonalSpectrum(Float64Array.of(1, 1)), 1) // { tau1: 0.5, tau2: 0.25, rank: 1 }
 */
export function dfPerDimension(
  form: SpectralForm,
  kappa: number,
): { tau1: number; tau2: number; rank: number } {
  const { values, weights } = form;
  const zero = zeroThreshold(form);
  let tau1 = 0;
  let tau2 = 0;
  let rank = 0;
  for (let j = 0; j < values.length; j++) {
    const s = values[j];
    if (s <= zero) continue;
    const t = weights[j];
    const f = s / (s + kappa);
    rank += t;
    tau1 += t * f;
    tau2 += t * f * f;
  }
  return { tau1, tau2, rank };
}

/** Eigenvalues at or below this are zero (rounding noise of a singular Σ). */
export function zeroThreshold(form: SpectralForm): number {
  let max = 0;
  for (const s of form.values) max = Math.max(max, s);
  return 1e-12 * max;
}

/**
 * The effective ridge κ(λ, α): the root of λ = κ(1 − df₁(κ)/n), df₁/n = τ₁(κ)/α (docs/theory.md
 * §2). The map F(κ) = κ(1 − τ₁/α) is convex with F(0) = 0, so there is one positive root for λ > 0,
 * bracketed by [λ, λ + (tr Σ/d)/α]; Newton (F′ = 1 − τ₂/α) started at the right end decreases
 * monotonically, with bisection as the safeguard. λ = 0: κ = 0 when α exceeds the rank
 * fraction r of Σ (r = 1 for Σ ≻ 0); otherwise the ridgeless κ₀ > 0 solving τ₁(κ₀) = α.
 * At α = r, λ = 0 (interpolation peak) κ = 0 and the errors diverge.
 * @throws {InvalidArgumentError} naming 'alpha' (must be > 0) or 'lambda' (must be ≥ 0).
 * @example solveKappa(diagonalSpectrum(Float64Array.of(1, 2)), 0.5, 0).value // κ₀ > 0 for α < 1
 */
export function solveKappa(
  form: SpectralForm,
  alpha: number,
  lambda: number,
  options: { tol?: number; maxIterations?: number } = {},
): Solution {
  SSR_PARAMS.alpha.check('alpha', alpha);
  SSR_PARAMS.lambda.check('lambda', lambda);
  if (lambda === Infinity) throw new InvalidArgumentError('lambda', 'must be finite', lambda);
  const { tol = 4 * Number.EPSILON, maxIterations = 300 } = options;
  const F = (kappa: number) => {
    const { tau1, tau2 } = dfPerDimension(form, kappa);
    return { value: kappa * (1 - tau1 / alpha) - lambda, slope: 1 - tau2 / alpha };
  };
  if (lambda === 0 && dfPerDimension(form, 0).rank <= alpha)
    return { value: 0, converged: true, iterations: 0, residual: 0 };
  let hi = lambda + populationMean(form) / alpha;
  let lo = lambda;
  if (lambda === 0) {
    // Ridgeless α < r: find a left end where F < 0, i.e. τ₁(lo) > α.
    lo = hi;
    while (F(lo).value >= 0 && lo > Number.MIN_VALUE) lo /= 8;
  }
  let kappa = hi;
  let residual = Infinity;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { value, slope } = F(kappa);
    residual = Math.abs(value);
    if (value === 0) return { value: kappa, converged: true, iterations: iteration, residual };
    if (value > 0) hi = kappa;
    else lo = kappa;
    let next = kappa - value / slope;
    if (!(slope > 0) || !(next > lo && next < hi))
      next = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (Math.abs(next - kappa) <= tol * next || hi - lo <= tol * hi) {
      return {
        value: next,
        converged: true,
        iterations: iteration,
        residual: Math.abs(F(next).value),
      };
    }
    kappa = next;
  }
  return { value: kappa, converged: false, iterations: maxIterations, residual };
}
