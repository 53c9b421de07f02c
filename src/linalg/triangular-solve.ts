import { InvalidArgumentError, NonFiniteError } from '../errors.js';
import { kernel } from './backend.js';
import { assertFinite, type Matrix } from './matrix.js';

/**
 * Solves a triangular system (BLAS dtrsm): X with op(T)·X = B (`side: 'left'`, the default) or
 * X·op(T) = B (`side: 'right'`), op(T) = Tᵀ when `trans`. T is square and triangular: only its
 * upper triangle (the default) or, with `lower`, its lower triangle is read, diagonal included;
 * the other triangle may hold anything, even NaN (a factorisation's leftovers, say). The cost is
 * d²·k multiply-adds for T d×d and k right-hand sides, and the solution is backward stable:
 * (op(T) + δT)·X = B with |δT| ≤ c·d·ε·|T| entrywise (Higham, Accuracy and Stability of
 * Numerical Algorithms, §8.1). Finiteness is read off the solution (a NaN or ±∞ off T's diagonal
 * or in B reaches X, since NaN·0 and ∞·0 are NaN and no backend skips zeros; the diagonal is
 * checked directly): scanning the
 * triangle first cost as much as the solve itself with one right-hand side, which is how a
 * preconditioner R⁻¹ is applied inside LSQR. The inputs are scanned only to name the entry.
 * @param t - the d×d triangular matrix T.
 * @param b - B, d×k for `side: 'left'`, k×d for `side: 'right'`.
 * @param options - `lower`: T is lower triangular (default upper); `trans`: solve with Tᵀ
 *   (default false); `side`: 'left' (default) or 'right'.
 * @returns X, a new matrix of B's shape.
 * @throws {InvalidArgumentError} when T is not square, B's shape does not match, `side` is not
 *   'left' or 'right', or T is singular: 't is singular: diagonal entry (k, k) is zero'.
 * @throws {NonFiniteError} naming a NaN or ±∞ in T's referenced triangle or in B.
 * @throws {InvalidArgumentError} ('t', 'is too close to singular for b: …') when finite inputs
 *   give a solution that overflows float64.
 * @example triangularSolve(Matrix.fromRows([[2, 1], [0, 4]]), Matrix.fromRows([[3], [4]])) // [[1], [1]]
 * @example triangularSolve(r, b, { trans: true }) // Rᵀ·X = B for the R of a QR factorisation
 */
export function triangularSolve(
  t: Matrix,
  b: Matrix,
  options: { lower?: boolean; trans?: boolean; side?: 'left' | 'right' } = {},
): Matrix {
  const { lower = false, trans = false, side = 'left' } = options;
  if (side !== 'left' && side !== 'right')
    throw new InvalidArgumentError('side', "must be 'left' or 'right'", side);
  if (t.rows !== t.cols)
    throw new InvalidArgumentError('t', `must be square; shape is ${t.rows}×${t.cols}`);
  const d = t.rows;
  const left = side === 'left';
  const matched = left ? b.rows : b.cols;
  if (matched !== d) {
    throw new InvalidArgumentError(
      'b',
      `must have ${d} ${left ? 'rows' : 'columns'} to match t (side '${side}')`,
      matched,
    );
  }
  for (let k = 0; k < d; k++) {
    const v = t.data[k * d + k]!;
    if (v === 0)
      throw new InvalidArgumentError('t', `is singular: diagonal entry (${k}, ${k}) is zero`);
    // b/±∞ = 0: an infinite diagonal entry would not show in the solution.
    if (!Number.isFinite(v)) throw new NonFiniteError('t', k, k, v);
  }
  const x = kernel('trsm')(t, b, !lower, trans, left);
  let poison = 0; // stays 0 unless some entry of x is NaN or ±∞
  for (let k = 0; k < x.data.length; k++) poison += x.data[k]! * 0;
  // Without right-hand sides nothing reached x, so T is scanned after all.
  if (poison === 0 && x.data.length > 0) return x;
  assertTriangleFinite('t', t, lower);
  assertFinite('b', b);
  if (x.data.length === 0) return x;
  throw new InvalidArgumentError(
    't',
    'is too close to singular for b: the solution overflows float64',
  );
}

/** Rejects a NaN or ±∞ in the lower (else upper) triangle of the square `t`, naming it. */
function assertTriangleFinite(name: string, t: Matrix, lower: boolean): void {
  const d = t.rows;
  for (let i = 0; i < d; i++) {
    for (let j = lower ? 0 : i; j < (lower ? i + 1 : d); j++) {
      const v = t.data[i * d + j]!;
      if (!Number.isFinite(v)) throw new NonFiniteError(name, i, j, v);
    }
  }
}
