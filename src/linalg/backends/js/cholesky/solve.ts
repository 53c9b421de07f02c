import { Matrix } from '../../../matrix.js';
import { allocate, wantsParallel } from '../pool/pool.js';
import { copyOut, SLOT, scratch } from '../pool/scratch.js';
import { packRows } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';

/** Rows per block of the substitutions; the rest of each sweep is a packed GEMM update. */
const NB = 64;

/**
 * X solving L Lᵀ X = B for a lower Cholesky factor L (LAPACK dpotrs): a forward sweep L Y = B and
 * a backward sweep Lᵀ X = Y, each blocked: substitute within a block of rows, then update the
 * remaining rows with the packed micro-kernel (in parallel for large right-hand sides).
 * Only the lower triangle of L is read.
 * @example choleskySolve(cholesky(a), b) // A⁻¹B
 */
export function choleskySolve(l: Matrix, b: Matrix): Matrix {
  const n = l.rows;
  const k = b.cols;
  const shared = wantsParallel(2 * n * n * k);
  const x = shared ? scratch(SLOT.work, n * k, true) : allocate(n * k, false);
  x.set(b.data);
  const L = l.data;
  for (let i0 = 0; i0 < n; i0 += NB) {
    const i1 = Math.min(n, i0 + NB);
    // Y_I = L_II⁻¹ X_I by forward substitution on whole rows of X.
    for (let r = i0; r < i1; r++) {
      for (let p = i0; p < r; p++) axpy(x, r * k, -L[r * n + p]!, p * k, k);
      divide(x, r * k, L[r * n + r]!, k);
    }
    if (i1 < n) {
      // X_below −= L_below,I · Y_I
      const a = packRows(L, i1 * n + i0, n, n - i1, i1 - i0, false, SLOT.packA, shared);
      const y = packRows(x, i0 * k, k, k, i1 - i0, true, SLOT.packB, shared);
      multiplyPacked(a, y, x, i1 * k, k, { alpha: -1 });
    }
  }
  for (let i0 = Math.floor((n - 1) / NB) * NB; i0 >= 0; i0 -= NB) {
    const i1 = Math.min(n, i0 + NB);
    // X_I = L_IIᵀ⁻¹ Y_I by backward substitution (row p of Lᵀ is column p of L).
    for (let r = i1 - 1; r >= i0; r--) {
      for (let p = r + 1; p < i1; p++) axpy(x, r * k, -L[p * n + r]!, p * k, k);
      divide(x, r * k, L[r * n + r]!, k);
    }
    if (i0 > 0) {
      // X_above −= (L_I,above)ᵀ · X_I
      const a = packRows(L, i0 * n, n, i0, i1 - i0, true, SLOT.packA, shared);
      const y = packRows(x, i0 * k, k, k, i1 - i0, true, SLOT.packB, shared);
      multiplyPacked(a, y, x, 0, k, { alpha: -1 });
    }
  }
  return Matrix.fromRowMajor(n, k, shared ? copyOut(x) : x);
}

/** x[to..to+len] += s · x[from..from+len] (rows of the same array). */
function axpy(x: Float64Array, to: number, s: number, from: number, len: number): void {
  for (let j = 0; j < len; j++) x[to + j] += s * x[from + j]!;
}

function divide(x: Float64Array, at: number, d: number, len: number): void {
  for (let j = 0; j < len; j++) x[at + j] /= d;
}
