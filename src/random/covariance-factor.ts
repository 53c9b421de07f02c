import { InvalidArgumentError, NotPositiveDefiniteError } from '../errors.js';
import { cholesky, eigh } from '../linalg/api.js';
import { assertFinite, assertSquare, assertSymmetric, type Matrix } from '../linalg/matrix.js';

/**
 * A factor F with Σ = F Fᵀ: the lower Cholesky factor when Σ is positive definite, otherwise the
 * symmetric-eigendecomposition factor V·diag(√max(λ, 0)) (eigenvalues in [−tol·‖Σ‖₂, 0) are
 * rounding noise of a PSD matrix and are set to 0).
 * @param tol relative tolerance on negative eigenvalues (default 1e-10).
 * @throws {InvalidArgumentError} naming 'sigma' when it is not square, finite or symmetric, or has
 *   an eigenvalue below −tol·‖Σ‖₂ (the value is the smallest eigenvalue).
 * @example covarianceFactor(Matrix.fromRows([[4, 2], [2, 2]])) // [[2, 0], [1, 1]]
 */
export function covarianceFactor(sigma: Matrix, tol = 1e-10): Matrix {
  assertSquare('sigma', sigma);
  assertFinite('sigma', sigma);
  assertSymmetric('sigma', sigma);
  if (!(tol >= 0) || !Number.isFinite(tol))
    throw new InvalidArgumentError('tol', 'must be a finite number ≥ 0', tol);
  try {
    return cholesky(sigma);
  } catch (error) {
    if (!(error instanceof NotPositiveDefiniteError)) throw error;
  }
  const { values, vectors } = eigh(sigma);
  const d = values.length;
  const norm = Math.max(Math.abs(values[0]!), Math.abs(values[d - 1]!));
  if (values[0]! < -tol * norm) {
    throw new InvalidArgumentError(
      'sigma',
      `must be positive semidefinite; its smallest eigenvalue is below −tol·‖Σ‖₂ = ${-tol * norm}`,
      values[0]!,
    );
  }
  const factor = vectors.clone();
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt(Math.max(values[j]!, 0));
    for (let i = 0; i < d; i++) factor.data[i * d + j]! *= s;
  }
  return factor;
}
