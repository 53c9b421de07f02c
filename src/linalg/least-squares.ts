import { InvalidArgumentError } from '../errors.js';
import { kernel } from './backend.js';
import { rankDeficientError } from './backends/rank-error.js';
import type { QrPivoted } from './kernels.js';
import { assertFinite, type Matrix } from './matrix.js';

/**
 * Thin QR with column pivoting (LAPACK dgeqp3 + dorgqr, Businger–Golub pivoting): A[:, perm] =
 * Q·R with k = min(m, n), Q m×k with orthonormal columns, R k×n upper triangular (trapezoidal
 * when m < n). Each step moves the remaining column of largest norm to the front, so
 * |R_00| ≥ |R_11| ≥ … and |R_ii| bounds the norm of every later column of R's trailing block:
 * the diagonal reveals numerical rank (Golub and Van Loan, Matrix Computations, §5.4.2).
 * The sign of each row of R (and column of Q) follows LAPACK's Householder convention; on near
 * ties the two backends may pick different pivots.
 * @returns `{ q, r, perm }`, perm[j] being the column of A in position j.
 * @throws {InvalidArgumentError} when A is empty.
 * @throws {NonFiniteError} naming the first NaN or ±∞ entry of A.
 * @example const { q, r, perm } = qrPivoted(a); // column j of Q·R is column perm[j] of a
 */
export function qrPivoted(a: Matrix): QrPivoted {
  assertNonEmpty(a);
  assertFinite('a', a);
  return kernel('qrPivoted')(a);
}

/**
 * Least-squares solution X (n×k) of min ‖A·X − B‖_F for a tall A (m×n, m ≥ n) of full column rank
 * and B (m×k), column by column, through Householder QR (LAPACK dgels; the JS backend applies
 * Qᵀ to B and solves R·X = QᵀB). Backward stable: the error of X is governed by κ(A) +
 * κ(A)²·‖A·X − B‖/(‖A‖·‖X‖), not by the κ(A)² of the normal equations (Golub and Van Loan,
 * §5.3.8). Only exactly zero diagonal entries of R are caught; a numerically rank-deficient A
 * gives a solution dominated by rounding errors.
 * @param a - A, m×n with m ≥ n.
 * @param b - B, m×k (k right-hand sides).
 * @returns X, a new n×k matrix.
 * @throws {InvalidArgumentError} when A is empty or wide (m < n), B's row count differs from A's,
 *   or A is rank deficient: 'a must have full column rank; diagonal entry (j, j) of its QR factor
 *   R is zero'.
 * @throws {NonFiniteError} naming the first NaN or ±∞ entry of A or B.
 * @example lstsqQr(Matrix.fromRows([[1, 0], [0, 1], [1, 1]]), Matrix.fromRows([[1], [1], [0]]))
 * // [[1/3], [1/3]]
 */
export function lstsqQr(a: Matrix, b: Matrix): Matrix {
  assertNonEmpty(a);
  if (a.rows < a.cols) {
    throw new InvalidArgumentError(
      'a',
      `must have at least as many rows as columns for a least-squares solve; shape is ${a.rows}×${a.cols}`,
    );
  }
  if (b.rows !== a.rows)
    throw new InvalidArgumentError('b', `must have ${a.rows} rows to match a`, b.rows);
  assertFinite('a', a);
  assertFinite('b', b);
  // LAPACK dgels returns X = 0 for an all-zero A instead of reporting R(0, 0) = 0 as the JS
  // backend does; the scan stops at A's first nonzero entry.
  if (!a.data.some((v) => v !== 0)) throw rankDeficientError(0);
  return kernel('lstsqQr')(a, b);
}

function assertNonEmpty(a: Matrix): void {
  if (a.rows === 0 || a.cols === 0)
    throw new InvalidArgumentError('a', `must not be empty; shape is ${a.rows}×${a.cols}`);
}
