import { InvalidArgumentError } from '../errors.js';
import { ledoitPecheTop } from '../rmt/ledoit-peche.js';
import { populationMean } from '../rmt/population.js';
import { sampleSpectrumLaw } from '../rmt/sample-spectrum.js';
import type { SpectralForm } from '../rmt/spectral-form.js';
import { symbolPcaError } from './symbol-energy.js';

/**
 * Population PCA error keeping the top fraction γ of components (n → ∞, docs/theory.md §5):
 * (1/d)(tr Σ − Σ_{top γd} σ_j), over the spectral form's nodes sorted descending, the last node
 * taken in part (so it is exact at γ = p/d for finite d and continuous in γ). A d = ∞ form that
 * carries its spectral symbol is cut at the exact quantile level instead
 * ({@link symbolPcaError}: to ~1e-14, where the nodes would give O(1/nodes)).
 * @throws {InvalidArgumentError} naming 'gamma' unless 0 ≤ γ ≤ 1.
 * @example pcaPopulationError(ar1Covariance(0.5, Infinity).spectrum(), 0.2)
 */
export function pcaPopulationError(form: SpectralForm, gamma: number): number {
  checkGamma(gamma);
  if (form.symbol) return symbolPcaError(form.symbol, gamma);
  const order = Array.from(form.values.keys()).sort((a, b) => form.values[b] - form.values[a]);
  let kept = 0;
  let energy = 0;
  for (const j of order) {
    if (kept >= gamma) break;
    const take = Math.min(form.weights[j], gamma - kept);
    energy += take * form.values[j];
    kept += take;
  }
  return populationMean(form) - energy;
}

/**
 * Closed-form population PCA error for AR(1), d → ∞ (docs/theory.md §5):
 * E_PCA(γ) = 1 − (2/π) arctan(K tan(πγ/2)), K = (1 + ρ)/(1 − ρ).
 * @throws {InvalidArgumentError} naming 'rho' (0 ≤ ρ < 1) or 'gamma'.
 * @example ar1PcaError(0.5, 0.1513) // ≈ 0.6, the SSR irreducible error (1−ρ²)/(1+ρ²)
 */
export function ar1PcaError(rho: number, gamma: number): number {
  checkRho(rho);
  checkGamma(gamma);
  if (gamma === 1) return 0;
  return 1 - (2 / Math.PI) * Math.atan(((1 + rho) / (1 - rho)) * Math.tan((Math.PI * gamma) / 2));
}

/**
 * Finite-α PCA test error (docs/theory.md §5) as a function of γ: p = γd sample eigenvectors v̂_i
 * of Σ̂ (n = αd samples) capture (1/d) Σ_{i≤p} v̂_iᵀΣv̂_i → ∫_{top γ} s/|1 − c − c s m(s)|² dF(s)
 * (Ledoit–Péché, c = 1/α, F and m from the generalised Marchenko–Pastur law of the population);
 * the error is (1/d) tr Σ minus that. When γ exceeds the continuous part (α < 1: an atom 1 − α
 * at 0), the null-space eigenvectors share the remaining Σ-energy equally (their basis is
 * arbitrary). The law is computed once; each γ is then a sum over its quadrature nodes.
 * @throws {InvalidArgumentError} naming 'alpha' (> 0, finite); the function throws for 'gamma'.
 * @example pcaFiniteCurve(ar1Covariance(0.6, 1000).spectrum(), 2)(0.1)
 */
export function pcaFiniteCurve(form: SpectralForm, alpha: number): (gamma: number) => number {
  if (!(alpha > 0) || !Number.isFinite(alpha))
    throw new InvalidArgumentError(
      'alpha',
      'must be a finite number > 0 (use pcaPopulationError for α = ∞)',
      alpha,
    );
  const pop = form;
  const mean = populationMean(pop);
  const law = sampleSpectrumLaw(pop, 1 / alpha);
  const bulk = ledoitPecheTop(law.nodes, law.ratio, 1);
  // Σ-energy left to the null-space eigenvectors, spread over the atom's mass.
  const nullEnergy = Math.max(0, mean - bulk.energy);
  return (gamma: number) => {
    checkGamma(gamma);
    const top = ledoitPecheTop(law.nodes, law.ratio, gamma);
    const rest = Math.max(0, gamma - top.mass);
    const extra = law.atom > 0 ? (Math.min(rest, law.atom) / law.atom) * nullEnergy : 0;
    return Math.max(0, mean - top.energy - extra);
  };
}

/**
 * {@link pcaFiniteCurve} at several fractions γ.
 * @throws {InvalidArgumentError} naming 'alpha' or 'gamma'.
 * @example pcaFiniteError(ar1Covariance(0.6, 1000).spectrum(), 2, [0.1, 0.2])
 */
export function pcaFiniteError(
  form: SpectralForm,
  alpha: number,
  gammas: readonly number[],
): Float64Array {
  gammas.forEach(checkGamma);
  const curve = pcaFiniteCurve(form, alpha);
  return Float64Array.from(gammas, curve);
}

function checkGamma(gamma: number): void {
  if (!(gamma >= 0 && gamma <= 1))
    throw new InvalidArgumentError('gamma', 'must be a fraction of components in [0, 1]', gamma);
}

function checkRho(rho: number): void {
  if (!(rho >= 0 && rho < 1)) throw new InvalidArgumentError('rho', 'must be in [0, 1)', rho);
}
