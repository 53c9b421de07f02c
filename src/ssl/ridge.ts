import { InvalidArgumentError } from '../errors.js';
import { eigh, gram, matmul } from '../linalg/api.js';
import type { Matrix } from '../linalg/matrix.js';
import { SSL_PARAMS } from './params.js';

/** A fitted linear map x ↦ x·coef (rows are samples). */
export interface RidgeFit {
  /** Coefficients (d×k): predictions are X·coef. */
  coef: Matrix;
  lambda: number;
  /** Numerical rank of XᵀX/n used by the fit (d when λ > 0). */
  rank: number;
}

/**
 * Multi-output ridge regression argmin_β ‖Y − Xβ‖²/n + λ‖β‖² (docs/theory.md §16.4):
 * β = (XᵀX/n + λI)⁻¹XᵀY/n through one symmetric eigendecomposition of XᵀX/n; λ = 0 gives the
 * minimum-norm least-squares fit (eigenvalues below 1e-10·max are dropped), which is what the
 * "linear" downstream estimator means when the features are rank-deficient.
 * @throws {InvalidArgumentError} naming 'y' when the row counts differ, 'lambda' when λ < 0.
 * @example ridgeFit(Matrix.fromRows([[1], [2]]), Matrix.fromRows([[2], [4]]), 0).coef.get(0, 0) // 2
 */
export function ridgeFit(x: Matrix, y: Matrix, lambda: number): RidgeFit {
  SSL_PARAMS.lambda.check('lambda', lambda);
  if (x.rows !== y.rows)
    throw new InvalidArgumentError('y', `must have ${x.rows} rows like the features`, y.rows);
  const n = x.rows;
  const d = x.cols;
  const { values, vectors } = eigh(gram(x, 1 / n));
  const xty = matmul(x, y, { transA: true, alpha: 1 / n });
  // coef = V diag(1/(μ + λ)) Vᵀ XᵀY/n, dropping null directions when λ = 0.
  const proj = matmul(vectors, xty, { transA: true });
  const top = Math.max(...values, 0);
  let rank = 0;
  for (let j = 0; j < d; j++) {
    const mu = values[j]!;
    const keep = lambda > 0 || mu > 1e-10 * top;
    if (keep && mu + lambda > 0) rank++;
    const w = keep && mu + lambda > 0 ? 1 / (mu + lambda) : 0;
    for (let c = 0; c < y.cols; c++) proj.data[j * y.cols + c]! *= w;
  }
  return { coef: matmul(vectors, proj), lambda, rank };
}

/** Predictions X·coef of a {@link RidgeFit}. @example predict(fit, x) */
export function predict(fit: RidgeFit, x: Matrix): Matrix {
  if (x.cols !== fit.coef.rows)
    throw new InvalidArgumentError('x', `must have ${fit.coef.rows} columns`, x.cols);
  return matmul(x, fit.coef);
}
