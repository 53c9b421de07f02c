import type { Svd } from '../../../kernels.js';
import { Matrix } from '../../../matrix.js';
import { completeOrthonormal } from './complete.js';
import { NEGLIGIBLE_SQUARED_NORM, orthogonalizeColumns } from './jacobi.js';
import { PRECONDITION_MIN, precondition } from './precondition.js';

/**
 * After scaling to max|a| ≈ 1, columns the Jacobi sweeps left alone as negligible are treated as
 * zero: U's column is rebuilt by Gram–Schmidt instead of normalised (σ itself is kept).
 */
const ZERO_NORM = Math.sqrt(NEGLIGIBLE_SQUARED_NORM);

/**
 * Thin singular value decomposition A = U diag(s) Vᵀ of an m×n matrix, k = min(m, n), by one-sided
 * Jacobi (Hestenes; Demmel & Veselić 1992): s descending, U (m×k) and V (n×k) with orthonormal
 * columns even when A is rank-deficient (columns of U for zero singular values are completed by
 * Gram–Schmidt). For m < n it decomposes Aᵀ and swaps the factors. From k = 24 on, the columns are
 * first rotated by the eigenvectors of AᵀA (precondition.ts), which cuts the sweeps from
 * 10–13 to 2–4; the result is then backward stable (errors of order ε‖A‖, like LAPACK's), while
 * smaller problems keep plain Jacobi's high relative accuracy for tiny singular values.
 * @throws {ConvergenceError} ('svd') if the Jacobi sweeps do not converge (not seen in practice).
 * @example svd(Matrix.fromRows([[3, 0], [0, -2]])).s // Float64Array [3, 2]
 */
export function svd(a: Matrix): Svd {
  const { rows, cols } = a;
  const wide = rows < cols;
  const m = wide ? cols : rows;
  const k = wide ? rows : cols;
  // g: the k columns of the tall orientation as rows of length m. For a wide A those are A's rows.
  const g0 = wide ? a.data.slice() : a.transpose().data;
  if (k === 0) return empty(rows, cols);
  let max = 0;
  for (let i = 0; i < g0.length; i++) max = Math.max(max, Math.abs(g0[i]!));
  // A power-of-two scale to max|a| ≈ 1 keeps squared norms far from overflow and underflow,
  // exactly.
  const exponent = max > 0 ? -Math.round(Math.log2(max)) : 0;
  scaleByPowerOfTwo(g0, exponent);
  const { g, v } = k >= PRECONDITION_MIN ? precondition(g0, m, k) : { g: g0, v: identity(k) };
  orthogonalizeColumns(g, m, k, v);

  const norms = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let ss = 0;
    for (let i = 0; i < m; i++) ss += g[j * m + i]! * g[j * m + i]!;
    norms[j] = Math.sqrt(ss);
  }
  const order = Array.from({ length: k }, (_, j) => j).sort(
    (i, j) => norms[j]! - norms[i]! || i - j,
  );
  const s = new Float64Array(k);
  const left = new Float64Array(k * m); // rows: left singular vectors (length m)
  const right = new Float64Array(k * k); // rows: right singular vectors (length k)
  const missing: boolean[] = [];
  for (let r = 0; r < k; r++) {
    const j = order[r]!;
    const sigma = norms[j]!;
    const zero = !(sigma > ZERO_NORM);
    s[r] = sigma;
    missing.push(zero);
    if (!zero) for (let i = 0; i < m; i++) left[r * m + i] = g[j * m + i]! / sigma;
    right.set(v.subarray(j * k, (j + 1) * k), r * k);
  }
  if (missing.some(Boolean)) completeOrthonormal(left, m, k, missing);
  scaleByPowerOfTwo(s, -exponent);
  // Tall: U = leftᵀ (m×k), Vᵀ = right (k×n). Wide: Aᵀ = left-based factors swapped.
  if (wide) {
    return {
      u: Matrix.fromRowMajor(k, k, right).transpose(),
      s,
      vt: Matrix.fromRowMajor(k, m, left),
    };
  }
  return {
    u: Matrix.fromRowMajor(k, m, left).transpose(),
    s,
    vt: Matrix.fromRowMajor(k, k, right),
  };
}

/**
 * x ← 2^e·x in two exact steps, so that |e| up to ~2000 (subnormal to huge input) cannot overflow
 * 2^e.
 */
function scaleByPowerOfTwo(x: Float64Array, e: number): void {
  if (e === 0) return;
  const half = Math.trunc(e / 2);
  const f1 = 2 ** half;
  const f2 = 2 ** (e - half);
  for (let i = 0; i < x.length; i++) x[i] = x[i]! * f1 * f2;
}

function identity(k: number): Float64Array {
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  return v;
}

function empty(rows: number, cols: number): Svd {
  return { u: Matrix.zeros(rows, 0), s: new Float64Array(0), vt: Matrix.zeros(0, cols) };
}
