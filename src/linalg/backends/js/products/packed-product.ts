import { defineTask, parallelFor, wantsParallel } from '../pool/pool.js';
import { tile4x4 } from './microkernel.js';
import { PANEL, type Packed } from './pack.js';

/** Which entries of an operand can be non-zero (relative indices): all, p ≤ i, or p ≥ i. */
export type Shape = 'general' | 'lower' | 'upper';

/** Options of {@link multiplyPacked}. */
export interface ProductOptions {
  /** Multiplier of the product (default 1); −1 turns the update into C −= A·Bᵀ. */
  alpha?: number;
  /** For square C: fill only the tiles touching this triangle (diagonal tiles are filled whole). */
  part?: 'full' | 'lower' | 'upper';
  /** Triangular structure of A (rows i, inner p); known zeros are skipped tile by tile. */
  aShape?: Shape;
  /** Triangular structure of B (rows j, inner p). */
  bShape?: Shape;
}

// Each chunk is one BLOCK×BLOCK block of C; the inner dimension is walked KC steps at a time so
// that the block's A and B panels stay in cache across the tiles of the block.
export const BLOCK = 64;
export const KC = 256;
const PARTS = { full: 0, lower: 1, upper: 2 } as const;
const SHAPES = { general: 0, lower: 1, upper: 2 } as const;

/**
 * Block-tile worker of {@link multiplyPacked}. Buffers: [A panels, B panels, C]; params:
 * [m, n, k, alpha, cOff, ldc, part, aShape, bShape, then (row block, column block) per chunk].
 */
export const productBlocks = defineTask(
  import.meta.url,
  'productBlocks',
  (chunk, buffers, params) => {
    const [a, b, c] = buffers as [Float64Array, Float64Array, Float64Array];
    // Integers are truncated with `| 0` (see blockOf).
    const m = params[0]! | 0,
      n = params[1]! | 0,
      k = params[2]! | 0,
      alpha = params[3]!;
    const cOff = params[4]! | 0,
      ldc = params[5]! | 0,
      part = params[6]! | 0,
      aShape = params[7]! | 0,
      bShape = params[8]! | 0;
    const { i0, i1, j0, j1 } = blockOf(params, chunk, m, n);
    const stride = PANEL * k;
    for (let p0 = 0; p0 < k; p0 += KC) {
      const p1 = Math.min(k, p0 + KC);
      for (let j = j0; j < j1; j += PANEL) {
        for (let i = i0; i < i1; i += PANEL) {
          // Tiles are 4-aligned, so j > i means the whole tile lies strictly above the diagonal.
          if ((part === 1 && j > i) || (part === 2 && j < i)) continue;
          let ks = p0;
          let ke = p1;
          if (aShape === 1) ke = Math.min(ke, i + PANEL);
          else if (aShape === 2) ks = Math.max(ks, i);
          if (bShape === 1) ke = Math.min(ke, j + PANEL);
          else if (bShape === 2) ks = Math.max(ks, j);
          if (ks >= ke) continue;
          tile4x4(
            ke - ks,
            a,
            (i >> 2) * stride + PANEL * ks,
            b,
            (j >> 2) * stride + PANEL * ks,
            c,
            cOff + i * ldc + j,
            ldc,
            alpha,
            Math.min(PANEL, m - i),
            Math.min(PANEL, n - j),
          );
        }
      }
    }
  },
);

/**
 * C[i][j] += alpha · Σ_p A[i][p]·B[j][p] for i < a.rows, j < b.rows (C = alpha·A·Bᵀ, a GEMM on
 * packed operands), writing `c` from offset `cOff` with row stride `ldc`. Runs on all pool
 * threads when the work is large and `a`, `b` and `c` are SharedArrayBuffer-backed.
 * @example multiplyPacked(packRows(...), packRows(...), out, 0, n, { alpha: -1, part: 'lower' })
 */
export function multiplyPacked(
  a: Packed,
  b: Packed,
  c: Float64Array,
  cOff: number,
  ldc: number,
  options: ProductOptions = {},
): void {
  const { alpha = 1, part = 'full', aShape = 'general', bShape = 'general' } = options;
  const m = a.rows;
  const n = b.rows;
  const k = a.k;
  if (m === 0 || n === 0 || k === 0) return;
  const params = [m, n, k, alpha, cOff, ldc, PARTS[part], SHAPES[aShape], SHAPES[bShape]];
  const chunks = pushBlocks(params, m, n, part);
  // Triangular parts and operands each halve the work roughly; the estimate only picks threading.
  const flops =
    (2 * m * n * k) /
    (part === 'full' ? 1 : 2) /
    (aShape === 'general' ? 1 : 2) /
    (bShape === 'general' ? 1 : 2);
  const buffers = [a.data, b.data, c];
  if (wantsParallel(flops)) parallelFor(productBlocks, chunks, buffers, params);
  else for (let chunk = 0; chunk < chunks; chunk++) productBlocks.run(chunk, buffers, params);
}

/** Parameters before the chunk list in both block tasks (this file's and simd/arena.ts's). */
const HEAD = 9;

/**
 * Appends to `params` (which must hold HEAD numbers) the (row block, column block) pair of every
 * BLOCK×BLOCK block of an m×n C that touches `part`; returns how many (one chunk each).
 */
export function pushBlocks(
  params: number[],
  m: number,
  n: number,
  part: 'full' | 'lower' | 'upper',
): number {
  let chunks = 0;
  for (let bi = 0; bi * BLOCK < m; bi++) {
    for (let bj = 0; bj * BLOCK < n; bj++) {
      if ((part === 'lower' && bj > bi) || (part === 'upper' && bj < bi)) continue;
      params.push(bi, bj);
      chunks++;
    }
  }
  return chunks;
}

/**
 * The rows [i0, i1) and columns [j0, j1) of chunk `chunk`'s block (see {@link pushBlocks}).
 * params is a double array (alpha): integers read from it are floats to V8 until truncated with
 * `| 0`, and float indices would make every index computation in the micro-kernel a
 * float-to-int conversion (measured: half the single-thread speed).
 */
export function blockOf(
  params: readonly number[],
  chunk: number,
  m: number,
  n: number,
): { i0: number; i1: number; j0: number; j1: number } {
  const i0 = (params[HEAD + 2 * chunk]! | 0) * BLOCK;
  const j0 = (params[HEAD + 1 + 2 * chunk]! | 0) * BLOCK;
  return { i0, i1: Math.min(m, i0 + BLOCK), j0, j1: Math.min(n, j0 + BLOCK) };
}
