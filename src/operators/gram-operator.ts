import { interval } from '../constraints.js';
import { InvalidArgumentError } from '../errors.js';
import { kernel } from '../linalg/backend.js';
import { assertFinite, type Matrix } from '../linalg/matrix.js';
import { type LinearOperator, vectorOperator } from './linear-operator.js';

/** The ridge λ of {@link gramOperator}: λ ≥ 0. */
export const gramLambda = interval(0, Infinity, '[)');

/**
 * The Gram operator G = XᵀX/n + λI of an n×d data matrix X (docs/theory.md, Conventions:
 * Σ̂ + λI), applied without forming G: G·V = Xᵀ(X·V)/n + λV, two gemms of cost 4ndk for a d×k
 * block V, against d²(n + k) to form G first. Symmetric, d×d. X is checked for finite entries
 * once, here; it is used in place (not copied), so it must not be changed afterwards.
 * @throws {InvalidArgumentError} naming 'x' when X is empty, 'lambda' unless λ ≥ 0.
 * @throws {NonFiniteError} naming 'x' and the entry.
 * @example gramOperator(X, 0.01).matvec(v) // (XᵀX/n + 0.01·I)·v
 */
export function gramOperator(x: Matrix, lambda = 0): LinearOperator {
  if (x.rows === 0 || x.cols === 0)
    throw new InvalidArgumentError('x', `must not be empty; shape is ${x.rows}×${x.cols}`);
  gramLambda.check('lambda', lambda);
  assertFinite('x', x);
  const d = x.cols;
  const scale = 1 / x.rows;
  const apply = (v: Matrix): Matrix => {
    const gemm = kernel('gemm'); // looked up per product: follows setBackend
    const y = gemm(x, gemm(x, v, false, false, 1), true, false, scale);
    if (lambda !== 0) for (let k = 0; k < y.data.length; k++) y.data[k]! += lambda * v.data[k]!;
    return y;
  };
  // Vectors go through gemv: OpenBLAS's gemm is many times slower for a single column.
  const vector = (v: Float64Array) => {
    const gemv = kernel('gemv');
    const y = gemv(x, gemv(x, v, false, 1), true, scale);
    if (lambda !== 0) for (let k = 0; k < d; k++) y[k]! += lambda * v[k]!;
    return y;
  };
  return vectorOperator(d, d, vector, vector, { symmetric: true, matmat: apply, rmatmat: apply });
}
