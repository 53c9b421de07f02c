import { PANEL, type Packed } from './pack.js';
import { multiplyPacked } from './packed-product.js';
import { allocate } from './pool.js';

/**
 * The trailing update of the blocked tridiagonalisation (BLAS dsyr2k, lower, column-major):
 * A(s:n, s:n) ← A − V Wᵀ − W Vᵀ, V = panel columns k0…k0+nb−1 of `a`, W from the panel, s = k0+nb.
 * Half of the reduction's flops are here, so it is cast as one product on the shared packed
 * micro-kernel: with X_i = [V_i | W_i] and Y_j = [W_j | V_j] (length 2nb), A(i, j) −= Y_j·X_i,
 * i.e. C −= Y·Xᵀ on the row-major view of the column-major block, upper part only (= A's lower
 * triangle). It runs on the worker pool when `a` is SharedArrayBuffer-backed and the update is large.
 * @example syr2kLower(a, n, k0, nb, w, shared)
 */
export function syr2kLower(a: Float64Array, n: number, k0: number, nb: number, w: Float64Array, shared: boolean): void {
  const s = k0 + nb;
  const nt = n - s;
  if (nt <= 0) return;
  const x = pack(a, w, n, k0, nb, s, nt, false, shared);
  const y = pack(a, w, n, k0, nb, s, nt, true, shared);
  multiplyPacked(y, x, a, s * n + s, n, { alpha: -1, part: 'upper' });
}

/**
 * Packs rows s…n−1 of [V | W] (or [W | V] when `swapped`) in the micro-kernel's panel layout
 * (see pack.ts): panels of 4 rows stored k-major, k = 2nb. V and W columns are contiguous in
 * memory, so each is read once, front to back.
 */
function pack(a: Float64Array, w: Float64Array, n: number, k0: number, nb: number, s: number, nt: number, swapped: boolean, shared: boolean): Packed {
  const k = 2 * nb;
  const data = allocate(Math.ceil(nt / PANEL) * PANEL * k, shared);
  const stride = PANEL * k;
  for (let p = 0; p < nb; p++) {
    const vp = (k0 + p) * n + s;
    const wp = p * n + s;
    const pv = swapped ? nb + p : p;
    const pw = swapped ? p : nb + p;
    for (let i = 0; i < nt; i++) {
      const base = (i >> 2) * stride + (i & 3);
      data[base + PANEL * pv] = a[vp + i]!;
      data[base + PANEL * pw] = w[wp + i]!;
    }
  }
  return { data, rows: nt, k };
}
