import { SKETCH_THEORY_PARAMS, sketchSizeAbove } from './theory-params.js';

/** The Marchenko–Pastur edges of the singular values of S·U and their Tracy–Widom scales. */
export interface SketchedSingularValueEdges {
  /** 1 − √(d/l): the limit of σ_min(S·U). */
  lower: number;
  /** 1 + √(d/l): the limit of σ_max(S·U). */
  upper: number;
  /**
   * (1/√d − 1/√l)^{1/3}/(2√l): the Tracy–Widom scale of σ_min(S·U) for a Gaussian sketch, the
   * O(l^{−2/3}) width of its fluctuations and of its distance to `lower`.
   */
  lowerScale: number;
  /** (1/√d + 1/√l)^{1/3}/(2√l): the same for σ_max(S·U). */
  upperScale: number;
}

/**
 * The edges 1 ± √(d/l) of the singular values of S·U, where U is an n×d matrix with orthonormal
 * columns and S an l×n sketch with E[SᵀS] = I (docs/theory.md §12.1). For a Gaussian sketch S·U is
 * an l×d Gaussian matrix with entries of variance 1/l, so its squared singular values follow the
 * Marchenko–Pastur law of ratio d/l, and σ_min, σ_max tend to the edges as l, d → ∞ (Bai–Yin); the
 * same limits hold for the other sketches of `SketchDistribution` by universality. At finite size
 * the extremes sit inside the edges by about 1.2 Tracy–Widom scales (Johnstone 2001), and Gordon's
 * inequalities E σ_max ≤ 1 + √(d/l), E σ_min ≥ 1 − √(d/l) hold exactly for a Gaussian sketch.
 * S is then a subspace embedding with distortion ε ≈ 2√(d/l) + d/l (Mahoney's survey, "Subspace
 * Embeddings"; Dereziński and Mahoney, "Algorithmic Gaussianization").
 * @param d the column dimension of U (integer ≥ 1).
 * @param l the sketch size (integer > d; at l = d the lower edge is a hard edge at 0).
 * @throws {InvalidArgumentError} naming 'd' or 'l'.
 * @example sketchedSingularValueEdges(50, 200) // { lower: 0.5, upper: 1.5, … }
 */
export function sketchedSingularValueEdges(d: number, l: number): SketchedSingularValueEdges {
  SKETCH_THEORY_PARAMS.d.check('d', d);
  sketchSizeAbove(d).check('l', l);
  const root = Math.sqrt(d / l);
  const [sd, sl] = [1 / Math.sqrt(d), 1 / Math.sqrt(l)];
  return {
    lower: 1 - root,
    upper: 1 + root,
    lowerScale: Math.cbrt(sd - sl) / (2 * Math.sqrt(l)),
    upperScale: Math.cbrt(sd + sl) / (2 * Math.sqrt(l)),
  };
}

/**
 * The limiting condition number (1 + √(d/l))/(1 − √(d/l)) of A·R⁻¹, where R is the triangular
 * factor of the QR decomposition of the sketch S·A (an l×d sketch, E[SᵀS] = I) of a full-rank n×d
 * matrix A: the preconditioner of sketch-and-precondition least squares (Blendenpik, LSRN;
 * docs/theory.md §12.3). A·R⁻¹ has the singular values 1/σ_i(S·U), so its condition number is
 * σ_max(S·U)/σ_min(S·U), whatever the conditioning of A; l = 2d gives about 5.8, l = 4d exactly 3.
 * @param d the column dimension of A (integer ≥ 1).
 * @param l the sketch size (integer > d).
 * @throws {InvalidArgumentError} naming 'd' or 'l'.
 * @example preconditionedConditionNumber(50, 200) // 3 (1.5/0.5)
 */
export function preconditionedConditionNumber(d: number, l: number): number {
  const { lower, upper } = sketchedSingularValueEdges(d, l);
  return upper / lower;
}
