import type { Complex } from '../rmt/laws/complex.js';
import type { Glue } from './glue.js';
import type { StieltjesSheets } from './joukowski.js';

/** Options of {@link freeForm}. */
export interface FreeFormOptions {
  /** [a, b] containing every eigenvalue (default: detected from the edge eigenvalues, refined). */
  support?: readonly [number, number];
  /** Refine a detected support to where the glue fits best (default true; docs/theory.md §14.3). */
  refineSupport?: boolean;
  /** Polynomial degree K (default 10, at most ⌊2√n_s⌋). */
  degree?: number;
  /** 'jacobi' (weight (1 − u)^α(1 + u)^β, default) or 'chebyshev' (α = β = −½). */
  basis?: 'jacobi' | 'chebyshev';
  /** Jacobi parameters (default ½, ½: square-root edges). */
  alpha?: number;
  beta?: number;
  /** Damping of the coefficients (default 'none'; 'jackson' smears edges the glue then misses). */
  damping?: 'jackson' | 'none';
  /** Degrees of the Padé glue R = wP/Q (default p = 0, q = 1: exact for the MP/Wigner family). */
  padeP?: number;
  padeQ?: number;
  /** How many Taylor coefficients of R at w = 0 are fixed to the sample's (mass, mean, second
   * moment), 0–3 (default 1: the mass), capped at p + 1. */
  fixedMoments?: number;
  /** Fit the glue to the fitted series on the cut ('series', default) or to the sample's own
   * Stieltjes transform on |w| = glueRadius ('sample': exact, smooth, no basis; near-hard edges,
   * docs/theory.md §14.5). With 'sample' the support is not refined unless asked. */
  glue?: 'series' | 'sample';
  /** Circle |w| = r of the 'sample' glue fit, 0 < r < 1 (default 0.5). */
  glueRadius?: number;
  /** Matrix order n_s when the input is a density estimate. */
  size?: number;
}

/** A fitted density with its Stieltjes transform on both sheets (docs/theory.md §14.1). */
export interface FreeForm {
  /** Order n_s of the matrix the spectrum came from. */
  size: number;
  support: [number, number];
  basis: 'jacobi' | 'chebyshev';
  alpha: number;
  beta: number;
  degree: number;
  /** Coefficients ψ_k of ρ(x) = w(u)/h · Σ ψ_k P_k^{(α,β)}(u), u = (x − c)/h (damped if asked). */
  coefficients: Float64Array;
  /** μ_j = ∫ρ(x) U_j(u) dx of the fit: m(z) = −(2/h) Σ μ_j w^{j+1} on the first sheet. */
  chebyshevMoments: Float64Array;
  /** First two moments of the input spectrum. */
  mean: number;
  secondMoment: number;
  density(x: number): number;
  /** m(z) = ∫ρ(x)/(x − z) dx of the fit (first sheet; z off the support or Im z ≥ 0). */
  stieltjes(z: Complex): Complex;
  /** (1/π) p.v.∫ρ(y)/(x − y) dy = −Re m(x + i0)/π. */
  hilbert(x: number): number;
  /** The second branch at z: the glue continued through the cut from above. */
  secondBranch(z: Complex): Complex;
  glue: Glue;
  /** The glue on both sheets: what decompression's characteristics use. */
  sheets: StieltjesSheets;
  /** The fit's own series (first sheet only): what compression's characteristics use. */
  firstSheet: StieltjesSheets;
}
