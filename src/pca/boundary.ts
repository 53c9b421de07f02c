import { InvalidArgumentError } from '../errors.js';

/**
 * The population boundary for AR(1) (docs/theory.md §5): the fraction of components γ*(ρ) at which
 * population PCA matches the n → ∞ SSR error (1 − ρ²)/(1 + ρ²):
 * γ*(ρ) = (2/π) arctan(tan(πρ²/(1 + ρ²))/K), K = (1 + ρ)/(1 − ρ). PCA needs γ > γ* to beat SSR.
 * @throws {InvalidArgumentError} naming 'rho' unless 0 ≤ ρ < 1.
 * @example ar1GammaStar(0.5) // 0.1513…
 */
export function ar1GammaStar(rho: number): number {
  if (!(rho >= 0 && rho < 1)) throw new InvalidArgumentError('rho', 'must be in [0, 1)', rho);
  const k = (1 + rho) / (1 - rho);
  return (2 / Math.PI) * Math.atan(Math.tan((Math.PI * rho * rho) / (1 + rho * rho)) / k);
}

/**
 * The smallest fraction γ ∈ [0, 1] at which a PCA error curve (non-increasing in γ) falls to
 * `target` (the SSR error): bisection to `tol`. Returns 0 when PCA with no component already
 * matches (E(0) ≤ target) and 1 when even γ = 1 does not.
 * @throws {InvalidArgumentError} naming 'target' unless finite.
 * @example crossing((g) => ar1PcaError(0.5, g), 0.6) // ≈ ar1GammaStar(0.5)
 */
export function crossing(error: (gamma: number) => number, target: number, tol = 1e-10): number {
  if (!Number.isFinite(target))
    throw new InvalidArgumentError('target', 'must be a finite error', target);
  if (error(0) <= target) return 0;
  if (error(1) > target) return 1;
  let lo = 0;
  let hi = 1;
  while (hi - lo > tol) {
    const mid = 0.5 * (lo + hi);
    if (error(mid) > target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
