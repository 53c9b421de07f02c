import { readFileSync } from 'node:fs';
import { Matrix } from '../../src/linalg/matrix.js';

/** Machine epsilon of float64. */
export const EPS = 2.220446049250313e-16;

export interface MatrixJson {
  rows: number;
  cols: number;
  data: number[];
}

export function fromJson(m: MatrixJson): Matrix {
  return Matrix.fromRowMajor(m.rows, m.cols, m.data);
}

export function loadFixture<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${relative}`, import.meta.url), 'utf8')) as T;
}

/** Reference product in plain loops (independent of every backend). */
export function naiveProduct(a: Matrix, b: Matrix): Matrix {
  const out = Matrix.zeros(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k]!;
      for (let j = 0; j < b.cols; j++) out.data[i * b.cols + j] += aik * b.data[k * b.cols + j]!;
    }
  }
  return out;
}

export function frobenius(m: Matrix | Float64Array): number {
  const d = m instanceof Matrix ? m.data : m;
  let s = 0;
  for (let k = 0; k < d.length; k++) s += d[k]! * d[k]!;
  return Math.sqrt(s);
}

/** max |a − b| over entries. */
export function maxAbsDiff(a: Matrix | ArrayLike<number>, b: Matrix | ArrayLike<number>): number {
  const x = a instanceof Matrix ? a.data : a;
  const y = b instanceof Matrix ? b.data : b;
  if (x.length !== y.length) throw new Error(`length mismatch ${x.length} vs ${y.length}`);
  let m = 0;
  for (let k = 0; k < x.length; k++) m = Math.max(m, Math.abs(x[k]! - y[k]!));
  return m;
}

/** ‖QᵀQ − I‖_max for a matrix with (supposedly) orthonormal columns. */
export function orthogonalityError(q: Matrix): number {
  const qtq = naiveProduct(q.transpose(), q);
  return maxAbsDiff(qtq, Matrix.identity(q.cols));
}

/** U diag(s) Vt. */
export function scaleColumnsProduct(u: Matrix, s: ArrayLike<number>, vt: Matrix): Matrix {
  const us = u.clone();
  for (let i = 0; i < us.rows; i++)
    for (let j = 0; j < us.cols; j++) us.data[i * us.cols + j] *= s[j]!;
  return naiveProduct(us, vt);
}

/**
 * A deterministic rows×cols matrix with entries in [−0.5, 0.5) (fixed LCG, independent of
 * src/random).
 */
export function lcgMatrix(rows: number, cols: number, seed: number): Matrix {
  let state = seed >>> 0;
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[k] = state / 2 ** 32 - 0.5;
  }
  return Matrix.fromRowMajor(rows, cols, data);
}
