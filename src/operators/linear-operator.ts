import { InvalidArgumentError } from '../errors.js';
import { matmul } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { assertLength } from '../linalg/vector.js';

/**
 * A linear map known only through its products: the input of the matrix-free algorithms
 * (sketching, LSQR, Lanczos, trace estimators). `rows × cols` is its shape; `matvec` takes a
 * vector of length `cols`, `rmatvec` (the transpose) one of length `rows`. `matmat`/`rmatmat`
 * apply it to the columns of a matrix at once, so that a BLAS-3 backend does the work when the
 * operator is dense. `symmetric` promises Aᵀ = A (then rows = cols and rmatvec = matvec).
 * Operators never mutate their arguments.
 */
export interface LinearOperator {
  readonly rows: number;
  readonly cols: number;
  readonly symmetric?: boolean;
  /** A·x, x of length cols. */
  matvec(x: Float64Array): Float64Array;
  /** Aᵀ·y, y of length rows. */
  rmatvec(y: Float64Array): Float64Array;
  /** A·X, X of shape cols × k. */
  matmat(x: Matrix): Matrix;
  /** Aᵀ·Y, Y of shape rows × k. */
  rmatmat(y: Matrix): Matrix;
}

/**
 * The operator of an explicit dense matrix (products through the active backend's gemm).
 * @example denseOperator(Matrix.identity(3)).matvec(Float64Array.of(1, 2, 3)) // [1, 2, 3]
 */
export function denseOperator(a: Matrix, options: { symmetric?: boolean } = {}): LinearOperator {
  const column = (name: string, v: Float64Array, length: number) => {
    assertLength(name, v, length);
    return Matrix.fromRowMajor(length, 1, v);
  };
  return {
    rows: a.rows,
    cols: a.cols,
    symmetric: options.symmetric ?? false,
    matvec: (x) => matmul(a, column('x', x, a.cols)).data,
    rmatvec: (y) => matmul(a, column('y', y, a.rows), { transA: true }).data,
    matmat: (x) => matmul(a, x),
    rmatmat: (y) => matmul(a, y, { transA: true }),
  };
}

/**
 * An operator from its vector products alone; `matmat`/`rmatmat` apply them column by column
 * (use a dedicated constructor when a blocked product is cheaper).
 * @example vectorOperator(3, 3, (x) => x, (y) => y) // the identity
 */
export function vectorOperator(
  rows: number,
  cols: number,
  matvec: (x: Float64Array) => Float64Array,
  rmatvec: (y: Float64Array) => Float64Array,
  options: { symmetric?: boolean } = {},
): LinearOperator {
  const columns = (x: Matrix, inner: number, outer: number, map: typeof matvec) => {
    if (x.rows !== inner)
      throw new InvalidArgumentError('x', `must have ${inner} rows`, `${x.rows}×${x.cols}`);
    const out = Matrix.zeros(outer, x.cols);
    const column = new Float64Array(inner);
    for (let j = 0; j < x.cols; j++) {
      for (let i = 0; i < inner; i++) column[i] = x.data[i * x.cols + j]!;
      const image = map(column);
      for (let i = 0; i < outer; i++) out.data[i * x.cols + j] = image[i]!;
    }
    return out;
  };
  return {
    rows,
    cols,
    symmetric: options.symmetric ?? false,
    matvec: (x) => {
      assertLength('x', x, cols);
      return matvec(x);
    },
    rmatvec: (y) => {
      assertLength('y', y, rows);
      return rmatvec(y);
    },
    matmat: (x) => columns(x, cols, rows, matvec),
    rmatmat: (y) => columns(y, rows, cols, rmatvec),
  };
}

/** A matrix as an operator (itself when it already is one). */
export function asOperator(a: Matrix | LinearOperator): LinearOperator {
  return a instanceof Matrix ? denseOperator(a) : a;
}

/**
 * The transpose Aᵀ of an operator (its products swapped).
 * @example transposeOperator(denseOperator(A)).matvec(y) // Aᵀ·y
 */
export function transposeOperator(a: LinearOperator): LinearOperator {
  return {
    rows: a.cols,
    cols: a.rows,
    symmetric: a.symmetric ?? false,
    matvec: (x) => a.rmatvec(x),
    rmatvec: (y) => a.matvec(y),
    matmat: (x) => a.rmatmat(x),
    rmatmat: (y) => a.matmat(y),
  };
}
