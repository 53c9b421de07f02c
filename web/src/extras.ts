import type { SpectralForm } from '../../src/random/covariance/index.js';
import { bbpTheory } from '../../src/ssr/bbp.js';
import { comparePca } from '../../src/ssr/compare-pca.js';

/** BBP overlap and outlier vs θ for Σ = I + θuuᵀ at one (α, λ) (THEORY.md §4). */
export interface BbpCurve {
  threshold: number;
  points: Array<{ theta: number; overlap: number; outlier: number | null }>;
}

/** SSR vs PCA at one (α, λ) (THEORY.md §5): PCA error vs γ, SSR's error and the crossing γ*. */
export interface PcaCurve {
  ssrError: number;
  gammaStar: number;
  points: Array<{ gamma: number; error: number }>;
}

/** θ grid of the BBP view: 0 to 6 in steps of 0.05. */
export const THETAS = Array.from({ length: 121 }, (_, i) => Number((i * 0.05).toFixed(2)));
/** γ grid of the PCA view: 0.01 to 1 in steps of 0.01. */
export const GAMMAS = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);

/**
 * The BBP transition of the spiked model at the current α and λ (d = ∞, or the spiked model's d).
 * @example bbpCurve(2, 0.1, Infinity).threshold // 1/√2
 */
export function bbpCurve(alpha: number, lambda: number, d: number): BbpCurve {
  const theory = bbpTheory(THETAS, alpha, lambda, { d });
  return { threshold: theory.threshold, points: theory.points.map((p) => ({ theta: p.theta, overlap: p.overlap, outlier: p.outlier })) };
}

/**
 * SSR's error at (α, λ) against PCA's error with the top γd components, for the current model.
 * @example pcaCurve(ar1Covariance(0.5, Infinity).spectrum(), 2, 0.1).gammaStar
 */
export function pcaCurve(form: SpectralForm, alpha: number, lambda: number): PcaCurve {
  const c = comparePca(form, alpha, { lambda, gammas: GAMMAS });
  return { ssrError: c.ssrError, gammaStar: c.gammaStar, points: c.pca };
}
