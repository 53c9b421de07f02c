import { Matrix } from '../linalg/matrix.js';

/**
 * Column-wise level-1 operations on row-major n×k blocks, for k independent recurrences run side
 * by side. Each column's arithmetic (the order of its sums) is the same whatever k, so a
 * recurrence gives the same numbers alone or in a batch.
 */

/** The Euclidean norms of the columns of `m`. */
export function columnNorms(m: Matrix): Float64Array {
  const k = m.cols;
  const sums = new Float64Array(k);
  const d = m.data;
  for (let i = 0; i < d.length; i += k)
    for (let c = 0; c < k; c++) sums[c] += d[i + c]! * d[i + c]!;
  return sums.map(Math.sqrt);
}

/** The dot products of the matching columns of two n×k blocks. */
export function columnDots(a: Matrix, b: Matrix): Float64Array {
  const k = a.cols;
  const out = new Float64Array(k);
  for (let i = 0; i < a.data.length; i += k)
    for (let c = 0; c < k; c++) out[c] += a.data[i + c]! * b.data[i + c]!;
  return out;
}

/**
 * Removes from each masked column c of `w` (in place) its components along column c of every
 * block in `basis`, by classical Gram–Schmidt applied twice ("twice is enough": Giraud et al.
 * 2005), which leaves w_c orthogonal to the basis to working precision.
 */
export function orthogonalizeColumns(w: Matrix, basis: Matrix[], mask: Uint8Array): void {
  const k = w.cols;
  const wd = w.data;
  for (let pass = 0; pass < 2; pass++) {
    const dots = basis.map((q) => columnDots(q, w));
    for (let b = 0; b < basis.length; b++) {
      const qd = basis[b]!.data;
      const h = dots[b]!;
      for (let c = 0; c < k; c++) if (!mask[c]) h[c] = 0;
      for (let i = 0; i < wd.length; i += k)
        for (let c = 0; c < k; c++) wd[i + c]! -= h[c]! * qd[i + c]!;
    }
  }
}

/** A copy of `m` with column c multiplied by factors[c]. */
export function scaleColumns(m: Matrix, factors: ArrayLike<number>): Matrix {
  const k = m.cols;
  const out = new Float64Array(m.data.length);
  for (let i = 0; i < out.length; i += k)
    for (let c = 0; c < k; c++) out[i + c] = m.data[i + c]! * factors[c]!;
  return Matrix.fromRowMajor(m.rows, k, out);
}
