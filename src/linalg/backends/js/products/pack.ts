import { scratch } from '../pool/scratch.js';

/**
 * A matrix M (rows×k) repacked for the 4×4 micro-kernel: panels of 4 consecutive rows, each
 * panel stored k-major (`data[(i >> 2) * 4k + 4p + (i & 3)] = M[i][p]`), the last panel padded
 * with zeros. A k-range [p0, p1) of a panel is then one contiguous run of 4·(p1 − p0) numbers.
 */
export interface Packed {
  readonly data: Float64Array;
  readonly rows: number;
  readonly k: number;
}

/** The micro-kernel's tile edge: panels hold this many rows. */
export const PANEL = 4;

/** The length of the packed form of a rows×k matrix. */
export function packedLength(rows: number, k: number): number {
  return Math.ceil(rows / PANEL) * PANEL * k;
}

/**
 * Packs op(S) (rows×k) read from `src` at offset `off` with row stride `ld` into the work slot
 * `slot` (see pool/scratch.ts): op(S)[i][p] = src[off + i·ld + p], or src[off + p·ld + i] when
 * `trans`. `shared` asks for SharedArrayBuffer storage (so the pool's workers can read it).
 * @example packRows(x.data, 0, x.cols, x.cols, x.rows, true, SLOT.packA, false) // Xᵀ, for XᵀX
 */
export function packRows(
  src: Float64Array,
  off: number,
  ld: number,
  rows: number,
  k: number,
  trans: boolean,
  slot: number,
  shared: boolean,
): Packed {
  return packInto(scratch(slot, packedLength(rows, k), shared), src, off, ld, rows, k, trans);
}

/**
 * {@link packRows} into a given array of at least `packedLength(rows, k)` numbers.
 * @example packInto(new Float64Array(packedLength(5, 3)), m.data, 0, 3, 5, 3, false)
 */
export function packInto(
  out: Float64Array,
  src: Float64Array,
  off: number,
  ld: number,
  rows: number,
  k: number,
  trans: boolean,
): Packed {
  const data = out.subarray(0, packedLength(rows, k));
  // Two separate loops in two functions: one function with both would be optimised for the
  // first branch taken and deoptimised on the other.
  if (trans) packTransposed(src, off, ld, rows, k, data);
  else packDirect(src, off, ld, rows, k, data);
  // Work buffers are reused: the padding rows of the last panel must be zeroed explicitly.
  const base = (rows >> 2) * PANEL * k;
  const padded = Math.ceil(rows / PANEL) * PANEL;
  for (let i = rows; i < padded; i++) {
    for (let p = 0; p < k; p++) data[base + PANEL * p + (i & 3)] = 0;
  }
  return { data, rows, k };
}

function packTransposed(
  src: Float64Array,
  off: number,
  ld: number,
  rows: number,
  k: number,
  data: Float64Array,
): void {
  const stride = PANEL * k;
  // Source rows are indexed by p. Taking them 32 at a time keeps those rows in cache while
  // each panel receives one contiguous run of 128 numbers (instead of 4 numbers per page).
  const full = rows >> 2;
  for (let p0 = 0; p0 < k; p0 += 32) {
    const p1 = Math.min(k, p0 + 32);
    for (let q = 0; q < full; q++) {
      let s = off + p0 * ld + q * PANEL;
      let d = q * stride + PANEL * p0;
      for (let p = p0; p < p1; p++, s += ld, d += PANEL) {
        data[d] = src[s]!;
        data[d + 1] = src[s + 1]!;
        data[d + 2] = src[s + 2]!;
        data[d + 3] = src[s + 3]!;
      }
    }
  }
  for (let i = full * PANEL; i < rows; i++) {
    for (let p = 0; p < k; p++) data[full * stride + PANEL * p + (i & 3)] = src[off + p * ld + i]!;
  }
}

function packDirect(
  src: Float64Array,
  off: number,
  ld: number,
  rows: number,
  k: number,
  data: Float64Array,
): void {
  const stride = PANEL * k;
  for (let i = 0; i < rows; i++) {
    const s = off + i * ld;
    let d = (i >> 2) * stride + (i & 3);
    for (let p = 0; p < k; p++, d += PANEL) data[d] = src[s + p]!;
  }
}
