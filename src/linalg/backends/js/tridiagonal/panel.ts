import { householder } from './householder.js';
import { panelDots, subtractPanel } from './panel-update.js';
import { type SymvWork, symmetricProduct } from './symv.js';

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
  /** Scratch of the (possibly multi-threaded) symmetric matrix-vector product. */
  symv: SymvWork;
  /** Coefficient scratch of length ≥ nb for the low-rank corrections. */
  f: Float64Array;
  g: Float64Array;
}

/**
 * Reduces panel columns k0 … k0+nb−1 of `a` in place, filling e[j], tau[j] and W.
 * @example reducePanel(a, n, 0, 32, work, e, tau) // then apply the syr2k update with W
 */
export function reducePanel(
  a: Float64Array,
  n: number,
  k0: number,
  nb: number,
  work: PanelWork,
  e: Float64Array,
  tau: Float64Array,
): void {
  const { w, v, beta, symv, f, g } = work;
  for (let c = 0; c < nb; c++) {
    const j = k0 + c;
    const cj = j * n;
    // Bring column j up to date with the reflectors already generated in this panel:
    // A(j:, j) −= V(j:, :)·W(j, :)ᵀ + W(j:, :)·V(j, :)ᵀ.
    for (let p = 0; p < c; p++) {
      f[p] = w[p * n + j]!;
      g[p] = a[(k0 + p) * n + j]!;
    }
    subtractPanel(a, cj, j, n, a, w, n, k0, c, f, g);
    if (j >= n - 1) continue;
    const s = j + 1;
    tau[j] = householder(a[s + cj]!, a, s + 1 + cj, n - s - 1, beta);
    e[j] = beta[0]!;
    a[s + cj] = 1;
    const tj = tau[j]!;
    const wc = c * n;
    for (let i = s; i < n; i++) v[i] = a[i + cj]!;
    symmetricProduct(a, n, s, v, w, wc, symv);
    // Correct A·v for the pending panel update: subtract (V Wᵀ + W Vᵀ) v.
    panelDots(a, w, n, k0, c, v, s, n, f, g);
    subtractPanel(w, wc, s, n, a, w, n, k0, c, f, g);
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
