import { householder } from './tridiag-householder.js';

/**
 * One panel of the blocked Householder tridiagonalisation (LAPACK dlatrd, lower).
 *
 * Storage: `a` is n×n column-major, lower triangle used (a[i + j·n] = A(i, j), i ≥ j). A row-major
 * symmetric matrix is its own column-major transpose, so the caller passes the row-major data
 * unchanged. Columns are contiguous, which makes every inner loop below a unit-stride sweep.
 *
 * Reduces columns k0 … k0+nb−1. The trailing matrix A(k0+nb:, k0+nb:) is NOT updated here; instead
 * W (n×nb, column-major, w[i + c·n]) is built so that the caller can apply the rank-2nb update
 * A ← A − V Wᵀ − W Vᵀ in one level-3 sweep, V being the reflectors stored in the panel columns with
 * their leading 1 written in place (the caller restores the off-diagonal afterwards).
 */
export interface PanelWork {
  /** W, n×nb column-major. */
  w: Float64Array;
  /** The current reflector v as a contiguous copy (length n, indices j+1…n−1 used). */
  v: Float64Array;
  /** β out-parameter of the reflector generation. */
  beta: Float64Array;
}

/**
 * Reduces panel columns k0 … k0+nb−1 of `a` in place, filling e[j], tau[j] and W.
 * @example reducePanel(a, n, 0, 32, work, e, tau) // then apply the syr2k update with W
 */
export function reducePanel(a: Float64Array, n: number, k0: number, nb: number, work: PanelWork, e: Float64Array, tau: Float64Array): void {
  const { w, v, beta } = work;
  for (let c = 0; c < nb; c++) {
    const j = k0 + c;
    const cj = j * n;
    // Bring column j up to date with the reflectors already generated in this panel.
    for (let p = 0; p < c; p++) {
      const vp = (k0 + p) * n;
      const wp = p * n;
      const f1 = w[j + wp]!;
      const f2 = a[j + vp]!;
      for (let i = j; i < n; i++) a[i + cj] = a[i + cj]! - a[i + vp]! * f1 - w[i + wp]! * f2;
    }
    if (j >= n - 1) continue;
    const s = j + 1;
    tau[j] = householder(a[s + cj]!, a, s + 1 + cj, n - s - 1, beta);
    e[j] = beta[0]!;
    a[s + cj] = 1;
    const tj = tau[j]!;
    const wc = c * n;
    for (let i = s; i < n; i++) v[i] = a[i + cj]!;
    symvLower(a, n, s, v, w, wc);
    // Correct A·v for the pending panel update: subtract (V Wᵀ + W Vᵀ) v.
    for (let p = 0; p < c; p++) {
      const wp = p * n;
      const vp = (k0 + p) * n;
      let sw = 0;
      let sv = 0;
      for (let i = s; i < n; i++) {
        sw += w[i + wp]! * v[i]!;
        sv += a[i + vp]! * v[i]!;
      }
      for (let i = s; i < n; i++) w[i + wc] = w[i + wc]! - a[i + vp]! * sw - w[i + wp]! * sv;
    }
    let dot = 0;
    for (let i = s; i < n; i++) {
      const y = w[i + wc]! * tj;
      w[i + wc] = y;
      dot += y * v[i]!;
    }
    const alpha = -0.5 * tj * dot;
    for (let i = s; i < n; i++) w[i + wc] = w[i + wc]! + alpha * v[i]!;
  }
}

/**
 * y = A(s:n, s:n)·v reading only the lower triangle, four columns at a time: each pass over y then
 * serves eight multiply-adds per loaded y entry (this loop carries half the reduction's flops).
 */
function symvLower(a: Float64Array, n: number, s: number, v: Float64Array, y: Float64Array, yo: number): void {
  for (let i = s; i < n; i++) y[yo + i] = 0;
  let col = s;
  for (; col + 3 < n; col += 4) {
    const b0 = col * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    const v0 = v[col]!;
    const v1 = v[col + 1]!;
    const v2 = v[col + 2]!;
    const v3 = v[col + 3]!;
    // The 4×4 diagonal block, from its lower triangle.
    const a10 = a[b0 + col + 1]!, a20 = a[b0 + col + 2]!, a30 = a[b0 + col + 3]!;
    const a21 = a[b1 + col + 2]!, a31 = a[b1 + col + 3]!, a32 = a[b2 + col + 3]!;
    let t0 = a[b0 + col]! * v0 + a10 * v1 + a20 * v2 + a30 * v3;
    let t1 = a10 * v0 + a[b1 + col + 1]! * v1 + a21 * v2 + a31 * v3;
    let t2 = a20 * v0 + a21 * v1 + a[b2 + col + 2]! * v2 + a32 * v3;
    let t3 = a30 * v0 + a31 * v1 + a32 * v2 + a[b3 + col + 3]! * v3;
    for (let i = col + 4; i < n; i++) {
      const x0 = a[b0 + i]!;
      const x1 = a[b1 + i]!;
      const x2 = a[b2 + i]!;
      const x3 = a[b3 + i]!;
      const vi = v[i]!;
      y[yo + i] = y[yo + i]! + x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
      t0 += x0 * vi;
      t1 += x1 * vi;
      t2 += x2 * vi;
      t3 += x3 * vi;
    }
    y[yo + col] = y[yo + col]! + t0;
    y[yo + col + 1] = y[yo + col + 1]! + t1;
    y[yo + col + 2] = y[yo + col + 2]! + t2;
    y[yo + col + 3] = y[yo + col + 3]! + t3;
  }
  for (; col < n; col++) {
    const b0 = col * n;
    const v0 = v[col]!;
    let t0 = a[b0 + col]! * v0;
    for (let i = col + 1; i < n; i++) {
      const x0 = a[b0 + i]!;
      y[yo + i] = y[yo + i]! + x0 * v0;
      t0 += x0 * v[i]!;
    }
    y[yo + col] = y[yo + col]! + t0;
  }
}
