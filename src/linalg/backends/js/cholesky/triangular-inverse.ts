import { isShared } from '../pool/pool.js';
import { SLOT, zeroed } from '../pool/scratch.js';
import { packRows } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';

/** Block size of the inversion; its products have this inner (or outer) dimension. */
const NB = 64;

/**
 * Inverts, in place, the lower triangular n×n matrix held in the lower triangle of `w` (LAPACK
 * dtrtri, lower, non-unit); the strict upper triangle must be zero and stays zero. Blocked from
 * the bottom-right: with W22 = L22⁻¹ done, W11 = L11⁻¹ and W21 = −(W22·L21)·W11, both products on
 * the packed micro-kernel, skipping the known zero tiles of the triangular factors.
 * @example invertLowerInPlace(work, n)
 */
export function invertLowerInPlace(w: Float64Array, n: number): void {
  const shared = isShared(w);
  for (let j0 = Math.floor((n - 1) / NB) * NB; j0 >= 0; j0 -= NB) {
    const jb = Math.min(NB, n - j0);
    const j1 = j0 + jb;
    const m2 = n - j1;
    let t: Float64Array | undefined;
    if (m2 > 0) {
      // T = W22 · L21 (m2×jb), W22 lower triangular.
      const w22 = packRows(w, j1 * n + j1, n, m2, m2, false, SLOT.packA, shared);
      const l21 = packRows(w, j1 * n + j0, n, jb, m2, true, SLOT.packB, shared);
      t = zeroed(SLOT.temp, m2 * jb, shared);
      multiplyPacked(w22, l21, t, 0, jb, { aShape: 'lower' });
    }
    invertDiagonalBlock(w, n, j0, jb);
    if (t) {
      // W21 = −T · W11; row j of the packed W11ᵀ is column j of W11, non-zero from p = j on.
      const packedT = packRows(t, 0, jb, m2, jb, false, SLOT.packA, shared);
      const w11 = packRows(w, j0 * n + j0, n, jb, jb, true, SLOT.packB, shared);
      for (let r = j1; r < n; r++) w.fill(0, r * n + j0, r * n + j1);
      multiplyPacked(packedT, w11, w, j1 * n + j0, n, { alpha: -1, bShape: 'upper' });
    }
  }
}

/**
 * Unblocked in-place inverse of the jb×jb lower triangular block at (j0, j0), row by row:
 * W[i][j] = −(Σ_{j ≤ p < i} L[i][p]·W[p][j]) / L[i][i]. Going left to right along row i keeps the
 * entries L[i][p], p > j, that are still needed.
 */
function invertDiagonalBlock(w: Float64Array, n: number, j0: number, jb: number): void {
  for (let i = j0; i < j0 + jb; i++) {
    const ri = i * n;
    const lii = w[ri + i]!;
    for (let j = j0; j < i; j++) {
      let s = 0;
      for (let p = j; p < i; p++) s += w[ri + p]! * w[p * n + j]!;
      w[ri + j] = -s / lii;
    }
    w[ri + i] = 1 / lii;
  }
}
