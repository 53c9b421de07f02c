import { Matrix } from '../../../matrix.js';
import { wantsParallel } from '../pool/pool.js';
import { SLOT, scratch } from '../pool/scratch.js';
import { factorLower } from './potrf.js';

export { choleskySolve } from './solve.js';
export { spdInverse } from './spd-inverse.js';

/**
 * Lower Cholesky factor L of a symmetric positive definite A = LLᵀ (LAPACK dpotrf), zeros above
 * the diagonal. Only the lower triangle of A is read. Blocked right-looking (see potrf.ts).
 * @throws {NotPositiveDefiniteError} ('a', order) naming the first leading minor that is not
 *   positive, like LAPACK's info.
 * @example cholesky(Matrix.fromRows([[4, 2], [2, 3]])) // [[2, 0], [1, √2]]
 */
export function cholesky(a: Matrix): Matrix {
  const n = a.rows;
  const work = scratch(SLOT.work, n * n, wantsParallel((n * n * n) / 3));
  work.set(a.data);
  factorLower(work, n);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out.set(work.subarray(i * n, i * n + i + 1), i * n);
  return Matrix.fromRowMajor(n, n, out);
}
