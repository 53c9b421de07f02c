import { InvalidArgumentError } from '../errors.js';
import { assertFinite, Matrix } from '../linalg/matrix.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import type { SketchDistribution, SketchingOperator } from './types.js';

/**
 * What one sketch family implements. {@link assembleSketch} checks shapes and finiteness around
 * it, so a core receives finite inputs of the right shape and returns fresh matrices.
 */
export interface SketchCore {
  /** S·A for A with `cols` rows. */
  left(a: Matrix): Matrix;
  /** A·Sᵀ for A with `cols` columns. */
  right(a: Matrix): Matrix;
  /** S as a dense matrix. */
  dense(): Matrix;
  /** S·A for an operator; absent: {@link operatorByColumns} (A's columns, no dense S). */
  operator?(a: LinearOperator): Matrix;
  /**
   * Whether every entry of the input reaches the result (dense, saso, srht): a non-finite input
   * then shows in the result, which is scanned instead of the input. Otherwise (laso) the input
   * is scanned first.
   */
  readonly mixesAll: boolean;
}

/** Entries of the dense blocks the apply methods work with (32 MiB of float64). */
export const BLOCK_ENTRIES = 2 ** 22;

/**
 * The {@link SketchingOperator} of a family's core: validates shapes (errors name `a` or `x`)
 * and rejects non-finite inputs with the position of the first offending entry.
 */
export function assembleSketch(
  distribution: SketchDistribution,
  rows: number,
  cols: number,
  core: SketchCore,
): SketchingOperator {
  // `outRows`×`outCols` is the result's shape; an empty result needs no core.
  const guard = (
    name: string,
    a: Matrix,
    run: (a: Matrix) => Matrix,
    outRows: number,
    outCols: number,
  ): Matrix => {
    if (outRows === 0 || outCols === 0) return Matrix.zeros(outRows, outCols);
    if (!core.mixesAll) assertFinite(name, a);
    const out = run(a);
    if (core.mixesAll && !allFinite(out.data)) assertFinite(name, a);
    return out;
  };
  return {
    distribution,
    rows,
    cols,
    applyLeft: (a) => guard('a', checkRows(a, cols), (m) => core.left(m), rows, a.cols),
    applyRight: (a) => guard('a', checkCols(a, cols), (m) => core.right(m), a.rows, rows),
    applyVector: (x) => {
      const column = Matrix.fromRowMajor(cols, 1, checkVector(x, cols));
      return guard('x', column, (m) => core.left(m), rows, 1).data;
    },
    applyOperator: (a) => {
      checkRows(a, cols);
      if (a.cols === 0) return Matrix.zeros(rows, 0);
      const out = core.operator
        ? core.operator(a)
        : operatorByColumns(a, rows, (m) => core.left(m));
      if (!allFinite(out.data)) {
        const k = out.data.findIndex((v) => !Number.isFinite(v));
        throw new InvalidArgumentError(
          'a',
          `must have finite products; entry (${Math.floor(k / out.cols)}, ${k % out.cols}) of S·A is not`,
          out.data[k],
        );
      }
      return out;
    },
    toDense: () => core.dense(),
  };
}

/**
 * S·A for an operator A (n × k) through its matmat products with blocks of columns of I_k:
 * S·A[:, block] = S·(A·I[:, block]), at most {@link BLOCK_ENTRIES} entries of A at a time. Costs
 * k operator columns and never forms S.
 */
export function operatorByColumns(
  a: LinearOperator,
  rows: number,
  left: (x: Matrix) => Matrix,
): Matrix {
  const { rows: n, cols: k } = a;
  const out = Matrix.zeros(rows, k);
  const width = Math.max(1, Math.min(k, Math.floor(BLOCK_ENTRIES / Math.max(n, 1))));
  for (let c0 = 0; c0 < k; c0 += width) {
    const b = Math.min(width, k - c0);
    const e = Matrix.zeros(k, b);
    for (let c = 0; c < b; c++) e.data[(c0 + c) * b + c] = 1;
    const columns = a.matmat(e);
    if (columns.rows !== n || columns.cols !== b)
      throw new InvalidArgumentError(
        'a',
        `must return an ${n}×${b} matrix from matmat of a ${k}×${b} one`,
        `${columns.rows}×${columns.cols}`,
      );
    const y = left(columns).data;
    for (let i = 0; i < rows; i++) out.data.set(y.subarray(i * b, (i + 1) * b), i * k + c0);
  }
  return out;
}

/** Whether every entry is finite (one multiply-add per entry; NaN and ±∞ poison the sum). */
export function allFinite(data: Float64Array): boolean {
  let poison = 0;
  for (let k = 0; k < data.length; k++) poison += data[k]! * 0;
  return poison === 0;
}

function checkRows<T extends { rows: number; cols: number }>(a: T, n: number): T {
  if (a.rows !== n)
    throw new InvalidArgumentError('a', `must have ${n} rows (the sketch's cols)`, a.rows);
  return a;
}

function checkCols(a: Matrix, n: number): Matrix {
  if (a.cols !== n)
    throw new InvalidArgumentError('a', `must have ${n} columns (the sketch's cols)`, a.cols);
  return a;
}

function checkVector(x: Float64Array, n: number): Float64Array {
  if (!(x instanceof Float64Array))
    throw new InvalidArgumentError('x', 'must be a Float64Array', String(x));
  if (x.length !== n) throw new InvalidArgumentError('x', `must have ${n} entries`, x.length);
  return x;
}
