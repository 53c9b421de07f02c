import { InvalidArgumentError, NotPositiveDefiniteError } from '../errors.js';
import { cholesky, gram } from '../linalg/api.js';
import type { Matrix } from '../linalg/matrix.js';
import { choleskyInverseOperator } from '../operators/cholesky-inverse-operator.js';
import { type LinearOperator, vectorOperator } from '../operators/linear-operator.js';
import { prepare } from './estimator.js';
import { choleskyInverseDiagonal } from './inverse-diagonal.js';

/** The symmetric form of the SSR matrix as an operator, with what it was built from. */
export interface SsrSymmetricOperator {
  /** M = I − D^{−1/2} Q D^{−1/2} (d×d, symmetric): Â = D^{1/2} M D^{−1/2}. */
  operator: LinearOperator;
  /** D = diag(Q), Q = (Σ̂ + λI)⁻¹. */
  diagQ: Float64Array;
  /** Lower Cholesky factor L of Σ̂ + λI = LLᵀ. */
  factor: Matrix;
  n: number;
  d: number;
  lambda: number;
  centred: boolean;
}

/**
 * The SSR matrix Â = I − Q D⁻¹ of data X (n×d) at ridge λ > 0 (docs/theory.md §1, §3) as the
 * symmetric operator M = D^{−1/2} Â D^{1/2} = I − D^{−1/2} Q D^{−1/2}, D = diag(Q),
 * Q = (Σ̂ + λI)⁻¹: Â = D^{1/2} M D^{−1/2}, so M has Â's eigenvalues (docs/theory.md §13.7).
 * Built from one Gram (dsyrk, n·d² flops), one Cholesky Σ̂ + λI = LLᵀ (d³/3) and D from L by
 * blocked triangular solves ({@link choleskyInverseDiagonal}, ≈ 0.4·d³); Q is never formed.
 * A product M·V (d×k) is a diagonal scaling, two triangular solves (dpotrs, 2d²k flops) and a
 * scaling: the cost of a dense product, with no eigendecomposition (4d³/3 and more) anywhere.
 * Columns are not centred by default, as in {@link ssrEigen}; `centre: true` centres them.
 * @throws {InvalidArgumentError} naming 'lambda' unless finite and > 0 (the ridgeless limit and
 *   a λ below the rounding level of a singular Σ̂ need `ssrEigen`), or 'data' (fewer than 2
 *   columns, no rows, a non-finite entry with its row and column).
 * @example ssrSymmetricOperator(X, 0.1).operator.matvec(v) // (I − D^{-1/2} Q D^{-1/2}) v
 */
export function ssrSymmetricOperator(
  data: Matrix,
  lambda: number,
  options: { centre?: boolean } = {},
): SsrSymmetricOperator {
  const prepared = prepare(data, { lambda, centre: options.centre ?? false });
  if (!(prepared.lambda > 0) || !Number.isFinite(prepared.lambda))
    throw new InvalidArgumentError(
      'lambda',
      'must be finite and > 0 for the matrix-free spectrum (λ = 0 needs the exact path)',
      lambda,
    );
  const { xc, centred } = prepared;
  const d = xc.cols;
  const a = gram(xc);
  for (let k = 0; k < d; k++) a.data[k * d + k] += lambda;
  let factor: Matrix;
  try {
    factor = cholesky(a);
  } catch (error) {
    if (!(error instanceof NotPositiveDefiniteError)) throw error;
    throw new InvalidArgumentError(
      'lambda',
      'is below the rounding level of the singular Σ̂ (Σ̂ + λI failed Cholesky); use the exact path',
      lambda,
    );
  }
  const diagQ = choleskyInverseDiagonal(factor);
  const root = Float64Array.from(diagQ, (q) => 1 / Math.sqrt(q));
  const q = choleskyInverseOperator(factor);
  const block = (x: Matrix): Matrix => {
    const k = x.cols;
    const y = x.clone();
    for (let i = 0; i < d; i++) for (let c = 0; c < k; c++) y.data[i * k + c]! *= root[i]!;
    const z = q.matmat(y);
    for (let i = 0; i < d; i++)
      for (let c = 0; c < k; c++)
        z.data[i * k + c] = x.data[i * k + c]! - root[i]! * z.data[i * k + c]!;
    return z;
  };
  const vector = (v: Float64Array): Float64Array => {
    const z = q.matvec(Float64Array.from(v, (x, i) => x * root[i]!));
    for (let i = 0; i < d; i++) z[i] = v[i]! - root[i]! * z[i]!;
    return z;
  };
  return {
    operator: vectorOperator(d, d, vector, vector, {
      symmetric: true,
      matmat: block,
      rmatmat: block,
    }),
    diagQ,
    factor,
    n: xc.rows,
    d,
    lambda,
    centred,
  };
}
