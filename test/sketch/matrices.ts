import { matmul, svd } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { norm2 } from '../../src/linalg/vector.js';
import { randomStream } from '../../src/random/stream.js';

/** n singular values spaced geometrically from 1 down to 1/cond. */
export function geometric(n: number, cond: number): number[] {
  return Array.from({ length: n }, (_, j) => cond ** (-j / (n - 1)));
}

/** A vector of m iid N(0, 1) entries from `seed`. */
export function gaussianVector(m: number, seed: number): Float64Array {
  return randomStream(seed).fill(new Float64Array(m), 'normal');
}

/** The minimum-norm least-squares solution through the SVD: an independent exact reference. */
export function pseudoInverseSolve(a: Matrix, b: Float64Array): Float64Array {
  const { u, s, vt } = svd(a);
  const utb = matmul(u, Matrix.fromRowMajor(b.length, 1, b), { transA: true }).data;
  for (let j = 0; j < s.length; j++) utb[j]! /= s[j]!;
  return matmul(vt, Matrix.fromRowMajor(s.length, 1, utb), { transA: true }).data;
}

/** ‖b − A·x‖₂. */
export function residualNorm(a: Matrix, x: Float64Array, b: Float64Array): number {
  const ax = matmul(a, Matrix.fromRowMajor(x.length, 1, x)).data;
  let s = 0;
  for (let i = 0; i < b.length; i++) s += (b[i]! - ax[i]!) ** 2;
  return Math.sqrt(s);
}

/** max |x_i − y_i| / ‖y‖₂. */
export function relativeDifference(x: Float64Array, y: Float64Array): number {
  let worst = 0;
  let size = 0;
  for (let i = 0; i < y.length; i++) {
    worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
    size += y[i]! ** 2;
  }
  return worst / Math.sqrt(size);
}

/** ‖Aᵀ(b − A·x)‖₂ = η·‖A‖₂·‖r‖: σ_min² times it bounds ‖x − x*‖ (docs/theory.md §12.3). */
export function normalEquationsResidual(a: Matrix, b: Float64Array, x: Float64Array): number {
  const ax = matmul(a, Matrix.fromRowMajor(x.length, 1, x)).data;
  const r = b.map((v, i) => v - ax[i]!);
  return norm2(matmul(a, Matrix.fromRowMajor(r.length, 1, r), { transA: true }).data);
}
