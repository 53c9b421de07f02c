import { allocate } from './pool.js';

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

/**
 * Packs op(S) (rows×k) read from `src` at offset `off` with row stride `ld`:
 * op(S)[i][p] = src[off + i·ld + p], or src[off + p·ld + i] when `trans`.
 * `shared` asks for SharedArrayBuffer storage (so the pool's workers can read it).
 * @example packRows(x.data, 0, x.cols, x.cols, x.rows, true, false) // Xᵀ, for XᵀX
 */
export function packRows(src: Float64Array, off: number, ld: number, rows: number, k: number, trans: boolean, shared: boolean): Packed {
  const panels = Math.ceil(rows / PANEL);
  const data = allocate(panels * PANEL * k, shared);
  const stride = PANEL * k;
  if (trans) {
    // Source rows are indexed by p: read each one contiguously, scatter into the panels.
    const full = rows >> 2;
    for (let p = 0; p < k; p++) {
      const row = off + p * ld;
      for (let q = 0; q < full; q++) {
        const s = row + q * PANEL;
        const d = q * stride + PANEL * p;
        data[d] = src[s]!;
        data[d + 1] = src[s + 1]!;
        data[d + 2] = src[s + 2]!;
        data[d + 3] = src[s + 3]!;
      }
      for (let i = full * PANEL; i < rows; i++) data[full * stride + PANEL * p + (i & 3)] = src[row + i]!;
    }
  } else {
    for (let i = 0; i < rows; i++) {
      const s = off + i * ld;
      let d = (i >> 2) * stride + (i & 3);
      for (let p = 0; p < k; p++, d += PANEL) data[d] = src[s + p]!;
    }
  }
  return { data, rows, k };
}
