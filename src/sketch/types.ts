import type { Matrix } from '../linalg/matrix.js';
import type { LinearOperator } from '../operators/linear-operator.js';

/**
 * The distribution of a sketching matrix S (l × n, l ≪ n), scaled so that E[SᵀS] = I_n:
 * - `gaussian`: iid N(0, 1/l) entries;
 * - `uniform`: iid uniform on [−√3, √3]/√l (unit variance before scaling);
 * - `rademacher`: iid ±1/√l;
 * - `saso`: a short-axis-sparse operator (CountSketch for vecNnz = 1, OSNAP otherwise): each
 *   column holds `vecNnz` nonzeros ±1/√vecNnz in distinct rows;
 * - `laso`: row sampling, l rows of the identity drawn with replacement with probabilities
 *   p_i (uniform, or the leverage scores of the matrix being sketched), scaled by 1/√(l·p_i);
 * - `srht`: √(n′/l)·P·H·D/√n′ with D random signs, H the n′ × n′ Walsh–Hadamard matrix on the
 *   zero-padded length n′ = 2^⌈log₂ n⌉ and P a uniform choice of l of its n′ rows.
 */
export type SketchDistribution =
  | { readonly kind: 'gaussian' }
  | { readonly kind: 'uniform' }
  | { readonly kind: 'rademacher' }
  | { readonly kind: 'saso'; readonly vecNnz: number }
  | { readonly kind: 'laso'; readonly sampling: 'uniform' | 'leverage' }
  | { readonly kind: 'srht' };

export type SketchKind = SketchDistribution['kind'];

/**
 * A seeded sketching operator S of shape `rows` (the sketch size l) × `cols` (the ambient
 * dimension n), made by `sketchingOperator` (which states the seeding of each family and what a
 * larger l or n extends). Its entries depend only on the distribution, the shape and the seed:
 * the same seed gives the same S on any backend and worker count. Sparse (saso, laso) and SRHT
 * sketches are applied without ever forming S densely; dense ones are generated in blocks of
 * rows. The apply methods never mutate their arguments and return fresh results.
 * @example
 * const s = sketchingOperator({ kind: 'srht' }, 200, a.rows, 1);
 * s.applyLeft(a); // S·A, 200 × a.cols
 */
export interface SketchingOperator {
  readonly distribution: SketchDistribution;
  readonly rows: number;
  readonly cols: number;
  /**
   * S·A for A with `cols` rows (result rows × A.cols).
   * @throws {InvalidArgumentError} naming `a` for a wrong shape, or a `NonFiniteError` with
   * the row and column of its first non-finite entry.
   */
  applyLeft(a: Matrix): Matrix;
  /**
   * A·Sᵀ for A with `cols` columns (result A.rows × rows).
   * @throws {InvalidArgumentError} naming `a`, as {@link SketchingOperator.applyLeft}.
   */
  applyRight(a: Matrix): Matrix;
  /**
   * S·x for x of length `cols`.
   * @throws {InvalidArgumentError} naming `x`.
   */
  applyVector(x: Float64Array): Float64Array;
  /**
   * S·A for an operator A with `cols` rows, through A's products only (result rows × A.cols):
   * dense sketches call `rmatmat` on blocks of rows of S (S·A = (Aᵀ·Sᵀ)ᵀ, about l columns of
   * products in all); sparse and SRHT sketches call `matmat` on blocks of columns of the
   * identity (A's k columns) and sketch those, never forming S.
   * @throws {InvalidArgumentError} naming `a` for a wrong shape or non-finite products.
   */
  applyOperator(a: LinearOperator): Matrix;
  /** S as a dense matrix: for tests and small problems only (costs rows·cols memory). */
  toDense(): Matrix;
}
