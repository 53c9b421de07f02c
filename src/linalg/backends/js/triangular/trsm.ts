import { Matrix } from '../../../matrix.js';
import { allocate, wantsParallel } from '../pool/pool.js';
import { copyOut, SLOT, scratch } from '../pool/scratch.js';
import { substitute } from './substitute.js';

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

/** op(T)·X = B by blocked substitution on whole rows of X (./substitute.ts) on a copy of B. */
function solveLeft(t: Matrix, b: Matrix, upper: boolean, trans: boolean): Matrix {
  const n = t.rows;
  const k = b.cols;
  const shared = wantsParallel(n * n * k);
  const x = shared ? scratch(SLOT.work, n * k, true) : allocate(n * k, false);
  x.set(b.data);
  substitute(t.data, n, x, k, upper, trans, shared);
  return Matrix.fromRowMajor(n, k, shared ? copyOut(x) : x);
}
