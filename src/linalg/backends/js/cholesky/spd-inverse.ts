import { Matrix } from '../../../matrix.js';
import { allocate, wantsParallel } from '../pool/pool.js';
import { copyOut, SLOT, scratch, zeroed } from '../pool/scratch.js';
import { mirrorUpper } from '../products/mirror.js';
import { packRows } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';
import { factorLower } from './potrf.js';
import { invertLowerInPlace } from './triangular-inverse.js';

/**
 * A⁻¹ of a symmetric positive definite A through its Cholesky factor, the LAPACK dpotrf + dpotri
 * route: A = LLᵀ, W = L⁻¹ (blocked dtrtri), A⁻¹ = WᵀW (dlauum: a Gram product of the triangular
 * W that skips its zero tiles). Returned full and exactly symmetric. About n³ flops in all.
 * @throws {NotPositiveDefiniteError} ('a', order) for the first non-positive leading minor.
 * @example spdInverse(Matrix.fromRows([[2, 1], [1, 2]])) // [[2/3, −1/3], [−1/3, 2/3]]
 */
export function spdInverse(a: Matrix): Matrix {
  const n = a.rows;
  const shared = wantsParallel(n * n * n);
  const work = scratch(SLOT.work, n * n, shared);
  work.set(a.data);
  factorLower(work, n);
  // The factorisation leaves scratch above the diagonal; the triangular steps need zeros there.
  for (let i = 0; i < n; i++) work.fill(0, i * n + i + 1, (i + 1) * n);
  invertLowerInPlace(work, n);
  // Row i of the packed Wᵀ is column i of W, non-zero from p = i on.
  const wt = packRows(work, 0, n, n, n, true, SLOT.packA, shared);
  const c = shared ? zeroed(SLOT.work2, n * n, true) : allocate(n * n, false);
  multiplyPacked(wt, wt, c, 0, n, { part: 'upper', aShape: 'upper', bShape: 'upper' });
  const out = shared ? copyOut(c) : c;
  mirrorUpper(out, n);
  return Matrix.fromRowMajor(n, n, out);
}
