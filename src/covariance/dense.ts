import type { Matrix } from '../linalg/matrix.js';
import { type CovarianceModel, matrixModel } from './model.js';

/**
 * A covariance given as an explicit symmetric positive semidefinite matrix. Its theory uses one
 * eigendecomposition (computed on first use, then cached for every α and λ).
 * @throws {InvalidArgumentError} naming 'sigma' when Σ is not square, finite or symmetric, and
 *   from `spectrum()` when it has a negative eigenvalue (not positive semidefinite).
 * @example denseCovariance(Matrix.fromRows([[1, 0.5], [0.5, 1]])).spectrum().values // [0.5, 1.5]
 */
export function denseCovariance(sigma: Matrix, name = 'dense'): CovarianceModel {
  return matrixModel(name, `dense covariance, d = ${sigma.rows}`, sigma);
}
