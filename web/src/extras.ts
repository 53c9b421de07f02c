import { ar1Covariance } from '../../src/covariance/ar1.js';
import type { CovarianceModel } from '../../src/covariance/model.js';
import { ar1GammaStar } from '../../src/pca/boundary.js';
import type { SpectralForm } from '../../src/rmt/spectral-form.js';
import { bbpTheory } from '../../src/ssr/bbp.js';
import { comparePca } from '../../src/ssr/compare-pca.js';
import { ssrSpectrumTheory } from '../../src/ssr/spectrum-theory.js';

/** BBP overlap and outlier vs θ for Σ = I + θuuᵀ at one (α, λ) (docs/theory.md §4). */
export interface BbpCurve {
  threshold: number;
  points: Array<{ theta: number; overlap: number; outlier: number | null }>;
}

/**
 * SSR vs PCA at one (α, λ) (docs/theory.md §5): PCA error vs γ, SSR's error and the crossing γ*.
 */
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
  return {
    threshold: theory.threshold,
    points: theory.points.map((p) => ({ theta: p.theta, overlap: p.overlap, outlier: p.outlier })),
  };
}

/**
 * SSR's error at (α, λ) against PCA's error with the top γd components, for the current model.
 * @example pcaCurve(ar1Covariance(0.5, Infinity).spectrum(), 2, 0.1).gammaStar
 */
export function pcaCurve(form: SpectralForm, alpha: number, lambda: number): PcaCurve {
  const c = comparePca(form, alpha, { lambda, gammas: GAMMAS });
  return { ssrError: c.ssrError, gammaStar: c.gammaStar, points: c.pca };
}

/**
 * The deterministic-equivalent spectral density of Â with its bulk edges and outliers
 * (docs/theory.md §3).
 */
export interface SpectrumView {
  method: string;
  /**
   * RMS of Δ_k/Δ̄ − 1: how far the `mp` map's Δ ≈ Δ̄I assumption is from exact (0 for d = ∞
   * symbols).
   */
  deltaSpread: number;
  points: Array<{ x: number; density: number }>;
  edges: Array<[number, number]>;
  outliers: number[];
}

/**
 * The spectrum of Â at (α, λ). A diagonal Σ gets the exact `diagonal` method; any other Σ the
 * `mp` map (exact for d = ∞ symbols and spread spikes; for a finite dense Σ an approximation whose
 * error the Δ spread measures), because the exact `general` method costs seconds at d = 300 in JS.
 * @example spectrumView(ar1Covariance(0.5, Infinity), 2, 0.1).edges
 */
export function spectrumView(model: CovarianceModel, alpha: number, lambda: number): SpectrumView {
  const s = ssrSpectrumTheory(model, alpha, lambda, { gridPoints: 240, spreadLimit: Infinity });
  const points: SpectrumView['points'] = [];
  s.grid.forEach((x, i) => {
    const density = s.density[i]!;
    if (Number.isFinite(x) && Number.isFinite(density)) points.push({ x, density });
  });
  return {
    method: s.method,
    deltaSpread: s.deltaSpread,
    points,
    edges: s.edges,
    outliers: s.outliers,
  };
}

/** The γ*(ρ) phase diagram of AR(1) (docs/theory.md §5): PCA beats SSR above the line. */
export interface PhaseDiagram {
  points: Array<{ rho: number; population: number; finite: number }>;
}

/** ρ grid of the phase diagram: 0 to 0.9 in steps of 0.05. */
export const RHOS = Array.from({ length: 19 }, (_, i) => Number((i * 0.05).toFixed(2)));

/**
 * γ*(ρ) at α = ∞ (closed form `ar1GammaStar`) and at the current α with SSR at its optimal λ*
 * against Ledoit–Péché PCA (`comparePca`, d → ∞), as in the paper's diagram (experiment 5).
 * @example phaseDiagram(2).points[10] // ρ = 0.5
 */
export function phaseDiagram(alpha: number): PhaseDiagram {
  return {
    points: RHOS.map((rho) => ({
      rho,
      population: ar1GammaStar(rho),
      finite: comparePca(ar1Covariance(rho, Infinity).spectrum(), alpha, { gammas: [] }).gammaStar,
    })),
  };
}
