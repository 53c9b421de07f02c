import { EIGEN_SLOT } from '../eigen/slots.js';
import { scratch } from '../pool/scratch.js';
import { PANEL, type Packed, packedLength } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';
import { offsetIn, simdMultiply } from '../simd/arena.js';
import type { SimdTile } from '../simd/tile.js';

/**
 * The trailing update of the blocked tridiagonalisation (BLAS dsyr2k, lower, column-major):
 * A(s:n, s:n) ← A − V Wᵀ − W Vᵀ, V = panel columns k0…k0+nb−1 of `a`, W from the panel, s = k0+nb.
 * Half of the reduction's flops are here, so it is cast as one product on the shared packed
 * micro-kernel: with X_i = [V_i | W_i] and Y_j = [W_j | V_j] (length 2nb), A(i, j) −= Y_j·X_i,
 * i.e. C −= Y·Xᵀ on the row-major view of the column-major block, upper part only (= A's lower
 * triangle). It runs on the SIMD kernel when `work.simd` is set, else on the scalar one; either
 * way on the worker pool when `a` and the buffers are SharedArrayBuffer-backed and the update is
 * large, with the same result bit for bit.
 * @example syr2kLower(a, n, k0, nb, w, syr2kWork(n, nb, shared))
 */
export function syr2kLower(
  a: Float64Array,
  n: number,
  k0: number,
  nb: number,
  w: Float64Array,
  work: Syr2kWork,
): void {
  const s = k0 + nb;
  const nt = n - s;
  if (nt <= 0) return;
  const x = pack(work.x, a, w, n, k0, nb, s, nt, false);
  const y = pack(work.y, a, w, n, k0, nb, s, nt, true);
  if (work.simd)
    simdMultiply(
      work.simd,
      offsetIn(y.data),
      offsetIn(x.data),
      offsetIn(a) + s * n + s,
      nt,
      nt,
      n,
      2 * nb,
      -1,
      true,
    );
  else multiplyPacked(y, x, a, s * n + s, n, { alpha: -1, part: 'upper' });
}

/** Packing buffers, reused by every panel of one reduction. */
export interface Syr2kWork {
  x: Float64Array;
  y: Float64Array;
  /** Set when x, y and the matrix all live in this SIMD kernel's memory (simd/arena.ts). */
  simd?: SimdTile;
}

/** Buffers for an n×n reduction with panel width nb (SharedArrayBuffer-backed when `shared`). */
export function syr2kWork(n: number, nb: number, shared: boolean): Syr2kWork {
  const length = packedLength(n, 2 * nb);
  return {
    x: scratch(EIGEN_SLOT.syr2kX, length, shared),
    y: scratch(EIGEN_SLOT.syr2kY, length, shared),
  };
}

/**
 * Packs rows s…n−1 of [V | W] (or [W | V] when `swapped`) in the micro-kernel's panel layout
 * (see products/pack.ts): panels of 4 rows stored k-major, k = 2nb. Panel by panel, so the writes
 * are sequential and each column of V and W is read in runs of 4.
 */
function pack(
  buffer: Float64Array,
  a: Float64Array,
  w: Float64Array,
  n: number,
  k0: number,
  nb: number,
  s: number,
  nt: number,
  swapped: boolean,
): Packed {
  const k = 2 * nb;
  const data = buffer.subarray(0, packedLength(nt, k));
  const first = swapped ? w : a;
  const second = swapped ? a : w;
  const firstAt = swapped ? 0 : k0 * n;
  const secondAt = swapped ? k0 * n : 0;
  const full = nt >> 2;
  for (let q = 0; q < full; q++) {
    let out = q * PANEL * k;
    const row = s + q * PANEL;
    for (let p = 0; p < nb; p++, out += PANEL) {
      const src = firstAt + p * n + row;
      data[out] = first[src]!;
      data[out + 1] = first[src + 1]!;
      data[out + 2] = first[src + 2]!;
      data[out + 3] = first[src + 3]!;
    }
    for (let p = 0; p < nb; p++, out += PANEL) {
      const src = secondAt + p * n + row;
      data[out] = second[src]!;
      data[out + 1] = second[src + 1]!;
      data[out + 2] = second[src + 2]!;
      data[out + 3] = second[src + 3]!;
    }
  }
  // The last, partial panel; its padding rows must be zero (the buffer is reused).
  if (full * PANEL < nt) data.fill(0, full * PANEL * k);
  for (let i = full * PANEL; i < nt; i++) {
    const base = full * PANEL * k + (i & 3);
    for (let p = 0; p < nb; p++) {
      data[base + PANEL * p] = first[firstAt + p * n + s + i]!;
      data[base + PANEL * (nb + p)] = second[secondAt + p * n + s + i]!;
    }
  }
  return { data, rows: nt, k };
}
