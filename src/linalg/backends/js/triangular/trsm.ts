import { Matrix } from '../../../matrix.js';
import { allocate, wantsParallel } from '../pool/pool.js';
import { copyOut, SLOT, scratch } from '../pool/scratch.js';
import { packRows } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';

/** Rows per block of the substitutions; the rest of each sweep is a packed GEMM update. */
const NB = 64;

/**
 * X solving op(T)·X = B (`left`) or X·op(T) = B (BLAS dtrsm, non-unit diagonal) for a square
 * triangular T; only the `upper` (else lower) triangle of T is read, so the other may hold
 * anything (a factorisation's reflectors, say). The right-hand form is the left-hand one
 * transposed: op(T)ᵀ·Xᵀ = Bᵀ. Inputs are trusted (api.ts checks that the diagonal has no zero)
 * and never mutated.
 * @example trsm(Matrix.fromRows([[2, 1], [0, 4]]), Matrix.fromRows([[3], [4]]), true, false, true)
 * // [[1], [1]]
 */
export function trsm(t: Matrix, b: Matrix, upper: boolean, trans: boolean, left: boolean): Matrix {
  if (left) return solveLeft(t, b, upper, trans);
  return solveLeft(t, b.transpose(), upper, !trans).transpose();
}

/**
 * op(T)·X = B by blocked substitution on whole rows of X (like cholesky/solve.ts): within a block
 * of NB rows, row by row; the rows not yet solved are then updated with one packed product.
 * op(T)[r][p] = T[r·rs + p·cs]; op(T) is lower triangular when `upper` equals `trans`.
 */
function solveLeft(t: Matrix, b: Matrix, upper: boolean, trans: boolean): Matrix {
  const n = t.rows;
  const k = b.cols;
  const shared = wantsParallel(n * n * k);
  const x = shared ? scratch(SLOT.work, n * k, true) : allocate(n * k, false);
  x.set(b.data);
  const T = t.data;
  const rs = trans ? 1 : n;
  const cs = trans ? n : 1;
  if (upper === trans) {
    for (let i0 = 0; i0 < n; i0 += NB) {
      const i1 = Math.min(n, i0 + NB);
      for (let r = i0; r < i1; r++) {
        for (let p = i0; p < r; p++) axpy(x, r * k, -T[r * rs + p * cs]!, p * k, k);
        divide(x, r * k, T[r * rs + r * cs]!, k);
      }
      if (i1 < n) {
        // X_below −= op(T)_below,I · X_I
        const a = packRows(T, i1 * rs + i0 * cs, n, n - i1, i1 - i0, trans, SLOT.packA, shared);
        const y = packRows(x, i0 * k, k, k, i1 - i0, true, SLOT.packB, shared);
        multiplyPacked(a, y, x, i1 * k, k, { alpha: -1 });
      }
    }
  } else {
    for (let i0 = Math.floor((n - 1) / NB) * NB; i0 >= 0; i0 -= NB) {
      const i1 = Math.min(n, i0 + NB);
      for (let r = i1 - 1; r >= i0; r--) {
        for (let p = r + 1; p < i1; p++) axpy(x, r * k, -T[r * rs + p * cs]!, p * k, k);
        divide(x, r * k, T[r * rs + r * cs]!, k);
      }
      if (i0 > 0) {
        // X_above −= op(T)_above,I · X_I
        const a = packRows(T, i0 * cs, n, i0, i1 - i0, trans, SLOT.packA, shared);
        const y = packRows(x, i0 * k, k, k, i1 - i0, true, SLOT.packB, shared);
        multiplyPacked(a, y, x, 0, k, { alpha: -1 });
      }
    }
  }
  return Matrix.fromRowMajor(n, k, shared ? copyOut(x) : x);
}

/** x[to..to+len] += s · x[from..from+len] (rows of the same array). */
function axpy(x: Float64Array, to: number, s: number, from: number, len: number): void {
  for (let j = 0; j < len; j++) x[to + j] += s * x[from + j]!;
}

function divide(x: Float64Array, at: number, d: number, len: number): void {
  for (let j = 0; j < len; j++) x[at + j] /= d;
}
