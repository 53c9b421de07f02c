import { InvalidArgumentError } from '../errors.js';
import { crossing } from '../pca/boundary.js';
import { pcaFiniteCurve, pcaPopulationError } from '../pca/theory.js';
import type { SpectralForm } from '../rmt/spectral-form.js';
import { optimalLambda } from './optimal.js';
import { SSR_PARAMS } from './params.js';
import { irreducibleError, ssrTheory } from './theory.js';

/** SSR against PCA with a fraction γ = p/d of components, at one sample ratio. */
export interface PcaComparison {
  /** α = n/d (Infinity: the population comparison). */
  alpha: number;
  /** The λ used for SSR (λ* when optimal), or null for α = ∞. */
  lambda: number | null;
  /** SSR generalisation error per coordinate (docs/theory.md §2). */
  ssrError: number;
  /** The smallest γ at which PCA's error reaches SSR's (PCA beats SSR above it). */
  gammaStar: number;
  /** PCA test error per coordinate at each requested γ. */
  pca: Array<{ gamma: number; error: number }>;
}

/** γ = 0.05, 0.10, …, 1. */
export const DEFAULT_GAMMAS = Array.from({ length: 20 }, (_, i) => Math.round((i + 1) * 5) / 100);

/**
 * SSR versus PCA (docs/theory.md §5). α = ∞: SSR's irreducible error (1/d) Σ_k 1/[Σ⁻¹]_kk against
 * population PCA (1/d)(tr Σ − top γd eigenvalues). Finite α: SSR's deterministic-equivalent
 * error at λ (default: the optimal λ*) against the Ledoit–Péché PCA error of the top γd sample
 * eigenvectors. γ* is where the PCA curve (non-increasing in γ) crosses the SSR error; for AR(1)
 * at α = ∞ it is the closed form ar1GammaStar(ρ), at finite α the new boundary γ*(ρ, α). For a
 * spiked Σ = I + θuuᵀ, γ* ≤ 1/d: one component already beats SSR (the paper's claim).
 * @throws {InvalidArgumentError} naming 'alpha', 'lambda' or 'gamma'.
 * @example comparePca(ar1Covariance(0.5, Infinity).spectrum(), Infinity).gammaStar // 0.1513…
 */
export function comparePca(
  form: SpectralForm,
  alpha: number,
  options: { lambda?: number | 'opt'; gammas?: readonly number[] } = {},
): PcaComparison {
  const { lambda = 'opt', gammas = DEFAULT_GAMMAS } = options;
  for (const g of gammas)
    if (!(g >= 0 && g <= 1))
      throw new InvalidArgumentError('gamma', 'must be a fraction of components in [0, 1]', g);
  let ssrError: number;
  let used: number | null;
  let curve: (gamma: number) => number;
  if (alpha === Infinity) {
    ssrError = irreducibleError(form);
    used = null;
    curve = (g) => pcaPopulationError(form, g);
  } else {
    SSR_PARAMS.alpha.check('alpha', alpha);
    if (lambda === 'opt') {
      const best = optimalLambda(form, alpha).point;
      ssrError = best.genError;
      used = best.lambda;
    } else {
      SSR_PARAMS.lambda.check('lambda', lambda);
      ssrError = ssrTheory(form, [{ alpha, lambda }])[0].genError;
      used = lambda;
    }
    curve = pcaFiniteCurve(form, alpha);
  }
  return {
    alpha,
    lambda: used,
    ssrError,
    gammaStar: crossing(curve, ssrError, 1e-13),
    pca: gammas.map((gamma) => ({ gamma, error: curve(gamma) })),
  };
}
