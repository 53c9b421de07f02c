import type { Matrix } from '../../../matrix.js';

/**
 * alpha · op(A) · x (BLAS dgemv) with loops that stream A's rows once, in memory order: without
 * transpose each entry of the result is a dot product of a row of A with x; with transpose the
 * result accumulates the rows of A scaled by alpha·x[i], four rows per sweep over it. Zero
 * entries of x are not skipped, so a NaN or ±∞ anywhere in A reaches the result (api.ts relies
 * on this to check A's finiteness from the result). alpha = 0 gives zeros, as in BLAS.
 * Inputs are trusted (validated by `linalg/api.ts`) and never mutated.
 * @example gemv(Matrix.fromRows([[1, 2], [3, 4]]), new Float64Array([1, 1]), true, 1) // [4, 6]
 */
export function gemv(a: Matrix, x: Float64Array, trans: boolean, alpha: number): Float64Array {
  const { rows: m, cols: n, data } = a;
  const y = new Float64Array(trans ? n : m);
  if (alpha === 0) return y;
  if (!trans) {
    for (let i = 0; i < m; i++) y[i] = alpha * dot(data, i * n, x, n);
    return y;
  }
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const s0 = alpha * x[i]!;
    const s1 = alpha * x[i + 1]!;
    const s2 = alpha * x[i + 2]!;
    const s3 = alpha * x[i + 3]!;
    const o0 = i * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    for (let j = 0; j < n; j++)
      y[j] += s0 * data[o0 + j]! + s1 * data[o1 + j]! + s2 * data[o2 + j]! + s3 * data[o3 + j]!;
  }
  for (; i < m; i++) {
    const s = alpha * x[i]!;
    const o = i * n;
    for (let j = 0; j < n; j++) y[j] += s * data[o + j]!;
  }
  return y;
}

/** Σ_j a[off + j]·x[j] over j < n, with four partial sums (independent multiply-add chains). */
function dot(a: Float64Array, off: number, x: Float64Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    s0 += a[off + j]! * x[j]!;
    s1 += a[off + j + 1]! * x[j + 1]!;
    s2 += a[off + j + 2]! * x[j + 2]!;
    s3 += a[off + j + 3]! * x[j + 3]!;
  }
  for (; j < n; j++) s0 += a[off + j]! * x[j]!;
  return s0 + s1 + (s2 + s3);
}
