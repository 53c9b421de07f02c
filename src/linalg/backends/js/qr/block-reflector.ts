import { SLOT, zeroed } from '../pool/scratch.js';
import { type Packed, packedLength, packInto, packRows } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';
import { reflectorFactor } from './householder.js';

/** One block of Householder reflectors I − V T Vᵀ acting on rows j0.., packed for reuse. */
export interface ReflectorBlock {
  /** First row (and column) the block acts on. */
  readonly j0: number;
  /** Number of reflectors. */
  readonly jb: number;
  /** Vᵀ packed (jb rows over mp = m − j0): row i is v_i, zero before i. */
  readonly vt: Packed;
  /** V packed (mp rows over jb): row r is (v_0[r], …), zero after r. */
  readonly v: Packed;
  /** Upper triangular jb×jb factor, row-major. */
  readonly t: Float64Array;
}

/** Numbers of storage that {@link packReflectors} needs for jb reflectors of length mp. */
export function reflectorStorage(jb: number, mp: number): number {
  return packedLength(jb, mp) + packedLength(mp, jb);
}

/**
 * Packs the reflectors of a factored panel (`vt` and `tau` as left by `factorPanel`, the vectors
 * below the diagonal) into a {@link ReflectorBlock} held in `store` (at least
 * `reflectorStorage(jb, mp)` numbers): writes the implied unit diagonal and zeros over R's
 * entries (copy those out first), then forms T.
 * @example const block = packReflectors(vt, tau, j0, mp, store)
 */
export function packReflectors(
  vt: Float64Array,
  tau: Float64Array,
  j0: number,
  mp: number,
  store: Float64Array,
): ReflectorBlock {
  const jb = tau.length;
  for (let c = 0; c < jb; c++) {
    vt.fill(0, c * mp, c * mp + c);
    vt[c * mp + c] = 1;
  }
  const t = reflectorFactor(vt, jb, mp, tau);
  const split = packedLength(jb, mp);
  return {
    j0,
    jb,
    t,
    vt: packInto(store.subarray(0, split), vt, 0, mp, jb, mp, false),
    v: packInto(store.subarray(split), vt, 0, mp, mp, jb, true),
  };
}

/**
 * Applies (I − V T Vᵀ) — or its transpose when `transpose` — from the left to the mp×nc block of
 * `c` at offset `cOff`, row stride `ld` (LAPACK dlarfb): W = VᵀC, W ← op(T)·W, C −= V·W. The
 * two large products run on the packed micro-kernel, in parallel when the buffers are shared.
 * @example applyReflectors(block, work, j0 * n + j1, n, n - j1, true, shared) // Qᵀ·C
 */
export function applyReflectors(
  block: ReflectorBlock,
  c: Float64Array,
  cOff: number,
  ld: number,
  nc: number,
  transpose: boolean,
  shared: boolean,
): void {
  const { jb, t } = block;
  const mp = block.v.rows;
  if (nc === 0) return;
  const w = zeroed(SLOT.temp, jb * nc, shared);
  multiplyPacked(block.vt, packRows(c, cOff, ld, nc, mp, true, SLOT.packA, shared), w, 0, nc, {
    aShape: 'upper',
  });
  if (transpose) {
    // W ← Tᵀ W: row i needs rows q ≤ i, so go bottom-up.
    for (let i = jb - 1; i >= 0; i--) {
      scaleRow(w, i * nc, t[i * jb + i]!, nc);
      for (let q = 0; q < i; q++) addRow(w, i * nc, t[q * jb + i]!, q * nc, nc);
    }
  } else {
    // W ← T W: row i needs rows q ≥ i, so go top-down.
    for (let i = 0; i < jb; i++) {
      scaleRow(w, i * nc, t[i * jb + i]!, nc);
      for (let q = i + 1; q < jb; q++) addRow(w, i * nc, t[i * jb + q]!, q * nc, nc);
    }
  }
  multiplyPacked(block.v, packRows(w, 0, nc, nc, jb, true, SLOT.packB, shared), c, cOff, ld, {
    alpha: -1,
    aShape: 'lower',
  });
}

function scaleRow(w: Float64Array, at: number, s: number, len: number): void {
  for (let j = 0; j < len; j++) w[at + j] *= s;
}

function addRow(w: Float64Array, to: number, s: number, from: number, len: number): void {
  if (s === 0) return;
  for (let j = 0; j < len; j++) w[to + j] += s * w[from + j]!;
}
