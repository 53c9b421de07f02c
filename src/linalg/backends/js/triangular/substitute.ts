import { SLOT } from '../pool/scratch.js';
import { packRows } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';

/** Rows per block of the substitutions; the rest of each sweep is a packed GEMM update. */
const NB = 64;

/**
 * Overwrites the n×k row-major X in `x` with op(T)⁻¹X, for the n×n row-major triangular T in `t`
 * (non-unit diagonal; only the `upper`, else lower, triangle is read): blocked substitution on
 * whole rows of X. Within a block of NB rows, row by row; the rows not yet solved are then updated
 * with one packed product (in parallel when `shared`, which asks for SharedArrayBuffer packs, and
 * `x` is shared too). op(T)[r][p] = T[r·rs + p·cs]; op(T) is lower triangular (a forward sweep)
 * when `upper` equals `trans`. The one substitution of the JS backend: trsm and choleskySolve
 * (L Lᵀ X = B as two sweeps) both call it.
 * @example substitute(l.data, n, x, k, false, false, false) // x ← L⁻¹x
 */
export function substitute(
  t: Float64Array,
  n: number,
  x: Float64Array,
  k: number,
  upper: boolean,
  trans: boolean,
  shared: boolean,
): void {
  const rs = trans ? 1 : n;
  const cs = trans ? n : 1;
  if (upper === trans) {
    for (let i0 = 0; i0 < n; i0 += NB) {
      const i1 = Math.min(n, i0 + NB);
      for (let r = i0; r < i1; r++) {
        for (let p = i0; p < r; p++) axpy(x, r * k, -t[r * rs + p * cs]!, p * k, k);
        divide(x, r * k, t[r * rs + r * cs]!, k);
      }
      if (i1 < n) {
        // X_below −= op(T)_below,I · X_I
        const a = packRows(t, i1 * rs + i0 * cs, n, n - i1, i1 - i0, trans, SLOT.packA, shared);
        const y = packRows(x, i0 * k, k, k, i1 - i0, true, SLOT.packB, shared);
        multiplyPacked(a, y, x, i1 * k, k, { alpha: -1 });
      }
    }
  } else {
    for (let i0 = Math.floor((n - 1) / NB) * NB; i0 >= 0; i0 -= NB) {
      const i1 = Math.min(n, i0 + NB);
      for (let r = i1 - 1; r >= i0; r--) {
        for (let p = r + 1; p < i1; p++) axpy(x, r * k, -t[r * rs + p * cs]!, p * k, k);
        divide(x, r * k, t[r * rs + r * cs]!, k);
      }
      if (i0 > 0) {
        // X_above −= op(T)_above,I · X_I
        const a = packRows(t, i0 * cs, n, i0, i1 - i0, trans, SLOT.packA, shared);
        const y = packRows(x, i0 * k, k, k, i1 - i0, true, SLOT.packB, shared);
        multiplyPacked(a, y, x, 0, k, { alpha: -1 });
      }
    }
  }
}

/** x[to..to+len] += s · x[from..from+len] (rows of the same array). */
function axpy(x: Float64Array, to: number, s: number, from: number, len: number): void {
  for (let j = 0; j < len; j++) x[to + j] += s * x[from + j]!;
}

function divide(x: Float64Array, at: number, d: number, len: number): void {
  for (let j = 0; j < len; j++) x[at + j] /= d;
}
