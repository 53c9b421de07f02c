import { InvalidArgumentError } from '../errors.js';
import { matmul } from '../linalg/api.js';
import { assertFinite, Matrix } from '../linalg/matrix.js';
import { covarianceFactor } from './covariance-factor.js';
import type { Seed } from './seed.js';
import { type RandomStream, randomStream } from './stream.js';

/**
 * A rows×cols matrix of iid N(0, 1) entries. Row i is drawn from child stream `split(i)` of the
 * seed's stream, so any worker can generate any subset of rows, in any order, and get the same
 * numbers; a taller matrix from the same seed extends a shorter one. A stream passed as the
 * seed is used through its children only, so it gives the same matrix however much it was used.
 * @throws {InvalidArgumentError} naming 'rows', 'cols' or 'seed'.
 * @example gaussianMatrix(1000, 200, 7) // X with E[XᵀX/n] = I
 */
export function gaussianMatrix(rows: number, cols: number, seed: Seed | RandomStream): Matrix {
  return gaussianRows(rows, cols, seed);
}

// Rows per block of gaussianRows: 4 rows of d = 500 are 16 KiB, inside the L1 cache, and the
// AR(1) recursion takes four rows at a time.
const ROW_BLOCK = 4;

/**
 * {@link gaussianMatrix} with `afterBlock(data, firstRow, rowCount)` called on each block of 4
 * rows (fewer in the last) as soon as it is drawn: a sampler that transforms its rows in place
 * (the AR(1) recursion) does so while they are in the cache, instead of reading the whole n×d
 * matrix back from memory in a second pass. Same numbers.
 * @throws {InvalidArgumentError} naming 'rows', 'cols' or 'seed'.
 * @example gaussianRows(8, 3, 1, (data, first, count) => {}) // equals gaussianMatrix(8, 3, 1)
 */
export function gaussianRows(
  rows: number,
  cols: number,
  seed: Seed | RandomStream,
  afterBlock?: (data: Float64Array, firstRow: number, rowCount: number) => void,
): Matrix {
  checkCount('rows', rows);
  checkCount('cols', cols);
  const stream = randomStream(seed);
  const out = Matrix.zeros(rows, cols);
  for (let first = 0; first < rows; first += ROW_BLOCK) {
    const count = Math.min(ROW_BLOCK, rows - first);
    for (let i = first; i < first + count; i++)
      stream.split(i).fill(out.data.subarray(i * cols, (i + 1) * cols), 'normal');
    afterBlock?.(out.data, first, count);
  }
  return out;
}

/**
 * n samples x = F g with g ~ N(0, I_k), as the rows of X = G Fᵀ for the n×k Gaussian matrix
 * G = gaussianMatrix(n, k, seed); the rows have covariance F Fᵀ.
 * @throws {InvalidArgumentError} naming 'n' or 'factor' (non-finite entries).
 * @example sampleWithFactor(500, Matrix.diagonal([1, 2, 3]), 1) // covariance diag(1, 4, 9)
 */
export function sampleWithFactor(n: number, factor: Matrix, seed: Seed | RandomStream): Matrix {
  checkCount('n', n);
  assertFinite('factor', factor);
  if (n === 0 || factor.rows === 0 || factor.cols === 0) return Matrix.zeros(n, factor.rows);
  return matmul(gaussianMatrix(n, factor.cols, seed), factor, { transB: true });
}

/**
 * n samples from N(0, Σ) as the rows of an n×d matrix: X = G Fᵀ with Σ = F Fᵀ, F the Cholesky
 * factor when Σ is positive definite and V·diag(√max(λ, 0)) from `eigh` when it is only
 * positive semidefinite. Both use the same G = gaussianMatrix(n, d, seed).
 * @param options.tol eigenvalues below −tol·‖Σ‖₂ reject Σ (default 1e-10).
 * @throws {InvalidArgumentError} naming 'sigma' (not square, symmetric, finite or PSD) or 'n'.
 * @example sampleWithCovariance(1000, Matrix.fromRows([[1, 0.5], [0.5, 1]]), 3)
 */
export function sampleWithCovariance(
  n: number,
  sigma: Matrix,
  seed: Seed | RandomStream,
  options: { tol?: number } = {},
): Matrix {
  checkCount('n', n);
  return sampleWithFactor(n, covarianceFactor(sigma, options.tol), seed);
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new InvalidArgumentError(name, 'must be a non-negative integer', value);
}
