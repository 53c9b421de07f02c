/**
 * The trailing update of the blocked tridiagonalisation (BLAS dsyr2k, lower, column-major):
 * A(s:n, s:n) ← A − V Wᵀ − W Vᵀ with V = panel columns k0…k0+nb−1 of `a` and W from the panel.
 * This is where half the reduction's flops go, so the operands are first packed row-wise as
 * X_i = [V_i | W_i] and Y_j = [W_j | V_j] (length 2nb) and every entry becomes one dot product
 * A(i, j) −= X_i·Y_j, computed in 4×2 register blocks (6 loads per 8 multiply-adds).
 */
export interface Syr2kWork {
  x: Float64Array;
  y: Float64Array;
}

/** Scratch sized for an n×n reduction with panel width nb. */
export function syr2kWork(n: number, nb: number): Syr2kWork {
  return { x: new Float64Array(n * 2 * nb), y: new Float64Array(n * 2 * nb) };
}

/**
 * Applies the rank-2nb update to the lower triangle of A(s:n, s:n), s = k0 + nb.
 * Columns jFrom…jTo−1 (relative to s) only, so that callers can split the work between threads.
 * @example syr2kLower(a, n, k0, nb, w, work, 0, n - k0 - nb) // whole trailing matrix
 */
export function syr2kLower(a: Float64Array, n: number, k0: number, nb: number, w: Float64Array, work: Syr2kWork, jFrom: number, jTo: number): void {
  const s = k0 + nb;
  const nt = n - s;
  const { x, y } = work;
  const K = 2 * nb;
  for (let jj = jFrom; jj < jTo; jj += 2) {
    const j1 = Math.min(jj + 1, jTo - 1);
    const y0 = jj * K;
    const y1 = j1 * K;
    const c0 = s + (s + jj) * n;
    const c1 = s + (s + j1) * n;
    let ii = jj;
    for (; ii + 3 < nt; ii += 4) {
      const x0 = ii * K;
      const x1 = x0 + K;
      const x2 = x1 + K;
      const x3 = x2 + K;
      let s00 = 0, s10 = 0, s20 = 0, s30 = 0, s01 = 0, s11 = 0, s21 = 0, s31 = 0;
      for (let p = 0; p < K; p++) {
        const b0 = y[y0 + p]!;
        const b1 = y[y1 + p]!;
        const a0 = x[x0 + p]!;
        const a1 = x[x1 + p]!;
        const a2 = x[x2 + p]!;
        const a3 = x[x3 + p]!;
        s00 += a0 * b0;
        s10 += a1 * b0;
        s20 += a2 * b0;
        s30 += a3 * b0;
        s01 += a0 * b1;
        s11 += a1 * b1;
        s21 += a2 * b1;
        s31 += a3 * b1;
      }
      // Entries above the diagonal are garbage storage (never read), so whole blocks are written.
      a[c0 + ii] = a[c0 + ii]! - s00;
      a[c0 + ii + 1] = a[c0 + ii + 1]! - s10;
      a[c0 + ii + 2] = a[c0 + ii + 2]! - s20;
      a[c0 + ii + 3] = a[c0 + ii + 3]! - s30;
      if (j1 !== jj) {
        a[c1 + ii] = a[c1 + ii]! - s01;
        a[c1 + ii + 1] = a[c1 + ii + 1]! - s11;
        a[c1 + ii + 2] = a[c1 + ii + 2]! - s21;
        a[c1 + ii + 3] = a[c1 + ii + 3]! - s31;
      }
    }
    for (; ii < nt; ii++) {
      const xi = ii * K;
      let s0 = 0;
      let s1 = 0;
      for (let p = 0; p < K; p++) {
        s0 += x[xi + p]! * y[y0 + p]!;
        s1 += x[xi + p]! * y[y1 + p]!;
      }
      a[c0 + ii] = a[c0 + ii]! - s0;
      if (j1 !== jj) a[c1 + ii] = a[c1 + ii]! - s1;
    }
  }
}

/** Packs X_i = [V_i | W_i] and Y_i = [W_i | V_i] for the rows s…n−1 (done once per panel). */
export function packSyr2k(a: Float64Array, n: number, k0: number, nb: number, w: Float64Array, work: Syr2kWork): void {
  const s = k0 + nb;
  const K = 2 * nb;
  const { x, y } = work;
  for (let p = 0; p < nb; p++) {
    const vp = (k0 + p) * n;
    const wp = p * n;
    for (let i = s; i < n; i++) {
      const r = (i - s) * K;
      const vi = a[vp + i]!;
      const wi = w[wp + i]!;
      x[r + p] = vi;
      x[r + nb + p] = wi;
      y[r + p] = wi;
      y[r + nb + p] = vi;
    }
  }
}
