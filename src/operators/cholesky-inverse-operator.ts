import { InvalidArgumentError } from '../errors.js';
import { kernel } from '../linalg/backend.js';
import { assertFinite, assertSquare, Matrix } from '../linalg/matrix.js';
import { type LinearOperator, vectorOperator } from './linear-operator.js';

/**
 * The inverse A⁻¹ = (LLᵀ)⁻¹ of a symmetric positive definite matrix given its lower Cholesky
 * factor L (from `cholesky(a)`), applied by two triangular solves per column (LAPACK dpotrs):
 * 2d² flops per vector, no inverse formed. Symmetric, d×d. Only L's lower triangle is read; it is
 * checked once, here (square, finite, positive diagonal), and used in place.
 * @throws {InvalidArgumentError} naming 'l' when it is not square or its diagonal is not
 *   positive (not a Cholesky factor).
 * @throws {NonFiniteError} naming 'l' and the entry.
 * @example choleskyInverseOperator(cholesky(A)).matvec(b) // A⁻¹b
 */
export function choleskyInverseOperator(l: Matrix): LinearOperator {
  assertSquare('l', l);
  assertFinite('l', l);
  const d = l.rows;
  for (let i = 0; i < d; i++) {
    const lii = l.data[i * d + i]!;
    if (!(lii > 0)) {
      throw new InvalidArgumentError(
        'l',
        `must be a Cholesky factor with a positive diagonal; entry (${i}, ${i}) is not`,
        lii,
      );
    }
  }
  const solve = (b: Matrix) => kernel('choleskySolve')(l, b);
  const vector = (v: Float64Array) => solve(Matrix.fromRowMajor(d, 1, v)).data;
  return vectorOperator(d, d, vector, vector, { symmetric: true, matmat: solve, rmatmat: solve });
}
