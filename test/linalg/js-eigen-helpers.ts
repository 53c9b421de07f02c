// Shared helpers of the JS eigensolver and SVD tests (js-eigen.test.ts, js-svd.test.ts).
import { Matrix } from '../../src/linalg/matrix.js';

/**
 * max |x_i|: the 2-norm of a symmetric matrix given its eigenvalues (or σ₁ given singular values).
 */
export function spectralNorm(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

/** Deterministic symmetric test matrix (a fixed LCG, independent of src/random). */
export function lcgSymmetric(d: number, seed: number): Matrix {
  let state = seed >>> 0;
  const data = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      data[i * d + j] = data[j * d + i] = state / 2 ** 32 - 0.5;
    }
  }
  return Matrix.fromRowMajor(d, d, data);
}

/** Whether v is sorted ascending (ties allowed). */
export function isAscending(v: ArrayLike<number>): boolean {
  for (let i = 1; i < v.length; i++) if (v[i]! < v[i - 1]!) return false;
  return true;
}
