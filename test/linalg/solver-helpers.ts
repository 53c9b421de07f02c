// Helpers of the solver conformance tests (conformance-solvers.test.ts and the large sizes).
import { Matrix } from '../../src/linalg/matrix.js';

/** |A|·|x| entrywise, the scale of the rounding errors of A·x. */
export function absProduct(a: Matrix, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let j = 0; j < a.cols; j++) s += Math.abs(a.data[i * a.cols + j]! * x[j]!);
    out[i] = s;
  }
  return out;
}

/** The upper (else lower) triangle of a square matrix, zeros elsewhere. */
export function triangle(t: Matrix, upper: boolean): Matrix {
  const d = t.rows;
  const out = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++)
      if (upper ? j >= i : j <= i) out.data[i * d + j] = t.data[i * d + j]!;
  return out;
}

/** The columns of a matrix, as arrays. */
export function columns(m: Matrix): Float64Array[] {
  return Array.from({ length: m.cols }, (_, j) => m.col(j));
}
