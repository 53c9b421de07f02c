import { Matrix } from '../../../matrix.js';
import { allocate, wantsParallel } from '../pool/pool.js';
import { copyOut, SLOT, scratch } from '../pool/scratch.js';
import { substitute } from '../triangular/substitute.js';

/**
 * X solving L Lᵀ X = B for a lower Cholesky factor L (LAPACK dpotrs): a forward sweep L Y = B and
 * a backward sweep Lᵀ X = Y, each blocked: substitute within a block of rows, then update the
 * remaining rows with the packed micro-kernel (in parallel for large right-hand sides); both sweeps
 * are the triangular solve's (../triangular/substitute.ts). Only the lower triangle of L is read.
 * @example choleskySolve(cholesky(a), b) // A⁻¹B
 */
export function choleskySolve(l: Matrix, b: Matrix): Matrix {
  const n = l.rows;
  const k = b.cols;
  const shared = wantsParallel(2 * n * n * k);
  const x = shared ? scratch(SLOT.work, n * k, true) : allocate(n * k, false);
  x.set(b.data);
  substitute(l.data, n, x, k, false, false, shared); // Y = L⁻¹B
  substitute(l.data, n, x, k, false, true, shared); // X = L⁻ᵀY
  return Matrix.fromRowMajor(n, k, shared ? copyOut(x) : x);
}
