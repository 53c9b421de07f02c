import type { QrPivoted } from '../../../kernels.js';
import { Matrix } from '../../../matrix.js';
import { householder, norm, reflect } from './householder.js';

/** LAPACK's tol3z: below this, a downdated norm has lost too many digits and is recomputed. */
const RECOMPUTE = Math.sqrt(2.220446049250313e-16);

/**
 * Thin QR with column pivoting, A[:, perm] = Q R with k = min(m, n) (LAPACK dgeqp3 + dorgqr,
 * unblocked as in dlaqp2): step i swaps the remaining column of largest norm into place (the
 * first one on ties, like idamax), so |R_00| ≥ |R_11| ≥ …. The remaining norms are downdated
 * after each step, ν_j ← ν_j·√(1 − (R_ij/ν_j)²), and recomputed from the column when the
 * downdate has cancelled more than half the digits since the last recomputation (the safeguard of
 * Drmač and Bujanović, LAPACK Working Note 176). Works on a column-major copy so that every
 * column and reflector is contiguous.
 * @example qrPivoted(Matrix.fromRows([[1, 3], [0, 4]])).perm // Int32Array [1, 0]
 */
export function qrPivoted(a: Matrix): QrPivoted {
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const w = a.transpose().data; // column j is w[j·m .. (j + 1)·m)
  const perm = new Int32Array(n);
  const vn1 = new Float64Array(n); // current estimates of the remaining column norms
  const vn2 = new Float64Array(n); // the norms when last computed exactly
  for (let j = 0; j < n; j++) {
    perm[j] = j;
    vn1[j] = norm(w, j * m, (j + 1) * m);
    vn2[j] = vn1[j]!;
  }
  const tau = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let p = i;
    for (let j = i + 1; j < n; j++) if (vn1[j]! > vn1[p]!) p = j;
    if (p !== i) {
      swapColumns(w, i * m, p * m, m);
      [perm[i], perm[p]] = [perm[p]!, perm[i]!];
      vn1[p] = vn1[i]!;
      vn2[p] = vn2[i]!;
    }
    const col = i * m;
    tau[i] = householder(w, col + i, col + m);
    for (let j = i + 1; j < n; j++) {
      reflect(w, col + i, col + m, tau[i]!, j * m + i);
      downdate(w, vn1, vn2, j, i, m);
    }
  }
  const r = new Float64Array(k * n);
  for (let i = 0; i < k; i++) for (let j = i; j < n; j++) r[i * n + j] = w[j * m + i]!;
  return { q: formQ(w, tau, m, k), r: Matrix.fromRowMajor(k, n, r), perm };
}

/** Downdates ν_j after step i has fixed R_ij = w[j·m + i] (dlaqp2's norm update). */
function downdate(
  w: Float64Array,
  vn1: Float64Array,
  vn2: Float64Array,
  j: number,
  i: number,
  m: number,
): void {
  if (vn1[j] === 0) return;
  const ratio = Math.abs(w[j * m + i]!) / vn1[j]!;
  const temp = Math.max(0, (1 - ratio) * (1 + ratio));
  const scaled = vn1[j]! / vn2[j]!;
  if (temp * scaled * scaled > RECOMPUTE) {
    vn1[j] = vn1[j]! * Math.sqrt(temp);
  } else {
    vn1[j] = i + 1 < m ? norm(w, j * m + i + 1, (j + 1) * m) : 0;
    vn2[j] = vn1[j]!;
  }
}

function swapColumns(w: Float64Array, p: number, q: number, m: number): void {
  for (let r = 0; r < m; r++) {
    const t = w[p + r]!;
    w[p + r] = w[q + r]!;
    w[q + r] = t;
  }
}

/**
 * Q = H_0 H_1 ⋯ H_{k−1} applied to the first k columns of the identity (LAPACK dorg2r), the
 * reflectors being stored below the diagonal of the column-major `w`; returned row-major m×k.
 * H_i only touches rows and columns from i on: the columns before are still unit vectors there.
 */
function formQ(w: Float64Array, tau: Float64Array, m: number, k: number): Matrix {
  const qc = new Float64Array(m * k); // column-major
  for (let c = 0; c < k; c++) qc[c * m + c] = 1;
  for (let i = k - 1; i >= 0; i--) {
    for (let c = i; c < k; c++) reflect(w, i * m + i, (i + 1) * m, tau[i]!, c * m + i, qc);
  }
  const q = new Float64Array(m * k);
  for (let c = 0; c < k; c++) for (let r = 0; r < m; r++) q[r * k + c] = qc[c * m + r]!;
  return Matrix.fromRowMajor(m, k, q);
}
