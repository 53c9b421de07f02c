import { SKETCH_THEORY_PARAMS, sketchSizeAbove } from './theory-params.js';

/**
 * The expected factor 1 + d/(l − d − 1) by which sketch-and-solve multiplies the optimal squared
 * residual: E‖A·x̃ − b‖² = (1 + d/(l − d − 1))·‖A·x* − b‖² for x̃ = argmin ‖S(A·x − b)‖ with an l×n
 * Gaussian sketch (E[SᵀS] = I), any full-rank n×d matrix A and any b (docs/theory.md §12.2). The
 * formula is exact at every finite size for a Gaussian sketch; for other sketches it is the
 * proportional limit (Dereziński and Mahoney, "Algorithmic Gaussianization").
 * @param d the number of columns of A (integer ≥ 1).
 * @param l the sketch size (integer > d + 1; at l = d + 1 the expectation is infinite).
 * @throws {InvalidArgumentError} naming 'd' or 'l'.
 * @example sketchAndSolveResidualFactor(50, 201) // 1 + 50/150 = 1.333…
 */
export function sketchAndSolveResidualFactor(d: number, l: number): number {
  return 1 + excessRatio(d, l);
}

/**
 * The expected excess squared residual of sketch-and-solve least squares,
 * E‖A·x̃ − b‖² − ‖A·x* − b‖² = E‖A(x̃ − x*)‖² = d/(l − d − 1)·‖A·x* − b‖², for an l×n Gaussian
 * sketch with E[SᵀS] = I (docs/theory.md §12.2; Mahoney's survey, "Algorithmic Gaussianization").
 * Exact at every finite size: with U = orth(A) and r = b − A·x*, x̃ − x* solves S·U·y = S·r in the
 * least-squares sense, S·r is independent of S·U, and E tr((UᵀSᵀSU)⁻¹) = l·d/(l − d − 1) (inverse
 * Wishart). The result has the units of b².
 * @param d the number of columns of A (integer ≥ 1).
 * @param l the sketch size (integer > d + 1).
 * @param optimalResidualSq ‖A·x* − b‖² ≥ 0, the optimal squared residual.
 * @throws {InvalidArgumentError} naming 'd', 'l' or 'optimalResidualSq'.
 * @example sketchAndSolveExcessRisk(50, 201, 10) // 10·50/150 = 3.333…
 */
export function sketchAndSolveExcessRisk(d: number, l: number, optimalResidualSq: number): number {
  SKETCH_THEORY_PARAMS.squaredNorm.check('optimalResidualSq', optimalResidualSq);
  return excessRatio(d, l) * optimalResidualSq;
}

/**
 * The Halko–Martinsson–Tropp factor 1 + k/(l − k − 1) = 1 + k/(p − 1) of the randomized range
 * finder with l = k + p Gaussian test vectors and no power iterations: Q = orth(A·Ω) for an n×l
 * Gaussian Ω satisfies E‖A − QQᵀA‖²_F ≤ (1 + k/(p − 1))·‖A − A_k‖²_F, where A_k is the best rank-k
 * approximation (HMT 2011, Theorem 10.5 and its proof; docs/theory.md §12.4). It is an upper
 * bound: the l − k extra directions also capture part of the tail, so the error is usually lower.
 * @param k the target rank (integer ≥ 1).
 * @param l the number of test vectors (integer > k + 1, i.e. oversampling p ≥ 2).
 * @throws {InvalidArgumentError} naming 'k' or 'l'.
 * @example lowRankErrorFactor(10, 15) // 1 + 10/4 = 3.5
 */
export function lowRankErrorFactor(k: number, l: number): number {
  SKETCH_THEORY_PARAMS.d.check('k', k);
  sketchSizeAbove(k + 1).check('l', l);
  return 1 + k / (l - k - 1);
}

function excessRatio(d: number, l: number): number {
  SKETCH_THEORY_PARAMS.d.check('d', d);
  sketchSizeAbove(d + 1).check('l', l);
  return d / (l - d - 1);
}
