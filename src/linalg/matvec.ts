import { InvalidArgumentError, NonFiniteError } from '../errors.js';
import { kernel } from './backend.js';
import { assertFinite, type Matrix } from './matrix.js';

/**
 * Matrix-vector product y = alpha·op(A)·x (BLAS dgemv), op(A) = Aᵀ when `trans`: y has A's row
 * count (x its column count), or the other way round when transposed. On the native backend the
 * synchronous call reads A in place, without a copy, so a product with a large A runs at memory
 * bandwidth: A's finiteness is read off the result (a NaN or ±∞ in A makes an entry of y NaN or
 * ±∞, since NaN·0 and ∞·0 are NaN and no backend skips zero entries of x), and A is scanned only
 * to name the offending entry, or in full when alpha = 0 (BLAS then skips the product).
 * @param a - the m×n matrix A.
 * @param x - a Float64Array of n entries, or m when `trans`.
 * @param options - `trans`: multiply by Aᵀ (default false); `alpha`: scale factor (default 1).
 * @returns a new Float64Array of m entries, or n when `trans`.
 * @throws {InvalidArgumentError} when x is not a Float64Array, has the wrong length, alpha is not
 *   finite, or finite entries overflow float64 in the product.
 * @throws {NonFiniteError} naming the first NaN or ±∞ entry of x (as entry (k, 0)) or of A.
 * @example matvec(Matrix.fromRows([[1, 2], [3, 4]]), new Float64Array([1, 1])) // [3, 7]
 * @example matvec(a, u, { trans: true, alpha: 2 }) // 2·Aᵀu, as in an LSQR step
 */
export function matvec(
  a: Matrix,
  x: Float64Array,
  options: { trans?: boolean; alpha?: number } = {},
): Float64Array {
  const { trans = false, alpha = 1 } = options;
  if (!(x instanceof Float64Array))
    throw new InvalidArgumentError(
      'x',
      'must be a Float64Array',
      Object.prototype.toString.call(x),
    );
  const length = trans ? a.rows : a.cols;
  if (x.length !== length) {
    throw new InvalidArgumentError(
      'x',
      `must have ${length} entries to match the ${trans ? 'rows' : 'columns'} of a (${a.rows}×${a.cols}${trans ? ', transposed' : ''})`,
      x.length,
    );
  }
  if (!Number.isFinite(alpha)) throw new InvalidArgumentError('alpha', 'must be finite', alpha);
  for (let k = 0; k < x.length; k++)
    if (!Number.isFinite(x[k]!)) throw new NonFiniteError('x', k, 0, x[k]!);
  if (alpha === 0) assertFinite('a', a);
  const y = kernel('gemv')(a, x, trans, alpha);
  let poison = 0; // stays 0 unless some entry of y is NaN or ±∞
  for (let k = 0; k < y.length; k++) poison += y[k]! * 0;
  if (poison === 0) return y;
  assertFinite('a', a);
  throw new InvalidArgumentError(
    'a',
    'has entries whose products with x overflow float64; rescale a or x',
  );
}
