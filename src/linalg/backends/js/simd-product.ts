import { Matrix } from '../../matrix.js';
import { mirrorUpper } from './mirror.js';
import { packInto, packedLength, PANEL } from './pack.js';
// The scalar path's blocking: the same inner-step blocks give the same sums, bit for bit.
import { BLOCK, KC } from './packed-product.js';
import { canShare, defineTask, parallelFor, wantsParallel } from './pool.js';
import { isSharedMemory, simdAvailable, simdTile, tileOn, type SimdTile, type TileFunction, type WasmMemory } from './simd-tile.js';

/**
 * Gram and GEMM on the WebAssembly SIMD micro-kernel (simd-tile.ts): ~20 GFLOP/s per core against
 * ~5 for the scalar kernel. Large products run on the worker pool over a shared memory. Operands
 * are packed straight into the kernel's linear memory, C is padded to whole 4×4 tiles, and the
 * blocking (64×64 blocks of C,
 * 256 inner steps at a time, ascending) is that of packed-product.ts, so every entry is summed in
 * the same order: results equal the scalar path's bit for bit. Each function returns undefined
 * when SIMD is unavailable or the operands do not fit a wasm32 memory; callers then run scalar.
 */

/** Below this many flops the scalar kernel (no copies into wasm memory) is as fast. */
const MIN_FLOPS = 1e5;
/** A memory up to this size is kept for the next call (fresh pages fault in slowly on these VMs). */
const KEEP_BYTES = 256 * 2 ** 20;
/** wasm32 byte offsets are passed as i32; stay below 2 GiB so they never wrap. */
const MAX_BYTES = 2 ** 31 - 65536;

// One kept memory per kind: shared (for the pool) and plain (one thread, or no SharedArrayBuffer).
const kept: { shared?: SimdTile; plain?: SimdTile } = {};

/**
 * scale · XᵀX (full symmetric), or undefined to fall back to the scalar kernel.
 * @example simdGram(x, 1 / x.rows) ?? gram(x, 1 / x.rows)
 */
export function simdGram(x: Matrix, scale: number): Matrix | undefined {
  const n = x.rows;
  const d = x.cols;
  if (!worthIt(d * d * n)) return undefined;
  const dp = padded(d);
  const arena = reserve([packedLength(d, n), dp * dp], wantsParallel(d * d * n));
  if (!arena) return undefined;
  const { simd, offsets } = arena;
  const memory = new Float64Array(simd.memory.buffer);
  packInto(memory.subarray(offsets[0]!, offsets[0]! + packedLength(d, n)), x.data, 0, d, d, n, true);
  memory.fill(0, offsets[1]!, offsets[1]! + dp * dp);
  runTiles(simd, offsets[0]!, offsets[0]!, offsets[1]!, dp, dp, dp, n, scale, true);
  const out = copyRows(memory, offsets[1]!, dp, d, d);
  mirrorUpper(out, d);
  return Matrix.fromRowMajor(d, d, out);
}

/**
 * alpha · op(A) · op(B), or undefined to fall back to the scalar kernel.
 * @example simdGemm(a, b, true, false, 1) ?? gemm(a, b, true, false, 1)
 */
export function simdGemm(a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number): Matrix | undefined {
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const n = transB ? b.rows : b.cols;
  if (!worthIt(2 * m * n * k)) return undefined;
  const mp = padded(m);
  const np = padded(n);
  const arena = reserve([packedLength(m, k), packedLength(n, k), mp * np], wantsParallel(2 * m * n * k));
  if (!arena) return undefined;
  const { simd, offsets } = arena;
  const memory = new Float64Array(simd.memory.buffer);
  packInto(memory.subarray(offsets[0]!, offsets[0]! + packedLength(m, k)), a.data, 0, a.cols, m, k, transA);
  // B is packed by columns of op(B): row j of the packed operand is op(B)[·][j].
  packInto(memory.subarray(offsets[1]!, offsets[1]! + packedLength(n, k)), b.data, 0, b.cols, n, k, !transB);
  memory.fill(0, offsets[2]!, offsets[2]! + mp * np);
  runTiles(simd, offsets[0]!, offsets[1]!, offsets[2]!, mp, np, np, k, alpha, false);
  return Matrix.fromRowMajor(m, n, copyRows(memory, offsets[2]!, np, m, n));
}

/** Whether the SIMD path applies: available, non-empty, and large enough to pay for its copies. */
function worthIt(flops: number): boolean {
  return flops >= MIN_FLOPS && simdAvailable();
}

function padded(size: number): number {
  return Math.ceil(size / PANEL) * PANEL;
}

/**
 * Consecutive regions of the given lengths (in doubles) in a kernel memory, shared between
 * threads when `parallel` and possible: the kept one, grown if needed, or a one-off instance for
 * requests above KEEP_BYTES. Offsets are in doubles.
 */
function reserve(lengths: number[], parallel: boolean): { simd: SimdTile; offsets: number[] } | undefined {
  const offsets: number[] = [];
  let total = 0;
  for (const length of lengths) {
    offsets.push(total);
    total += length + 2; // keep every region 16-byte aligned
    total -= total % 2;
  }
  const bytes = total * 8;
  if (bytes > MAX_BYTES) return undefined;
  const shared = parallel && canShare();
  if (bytes > KEEP_BYTES) {
    const simd = simdTile(bytes, shared);
    return simd && { simd, offsets };
  }
  const kind = shared ? 'shared' : 'plain';
  const simd = (kept[kind] ??= simdTile(bytes, shared));
  if (!simd) return undefined;
  const missing = bytes - simd.memory.buffer.byteLength;
  if (missing > 0) {
    try {
      simd.memory.grow(Math.ceil(missing / 65536));
    } catch {
      return undefined;
    }
  }
  return { simd, offsets };
}

/**
 * C += alpha·A·Bᵀ over whole 4×4 tiles (C is mp×np with row stride ldc, all in doubles);
 * `upper` skips blocks and tiles strictly below the diagonal, as packed-product.ts does for part
 * 'upper'. One chunk per 64×64 block of C, on the worker pool when the memory is shared.
 */
function runTiles(simd: SimdTile, aOff: number, bOff: number, cOff: number, mp: number, np: number, ldc: number, k: number, alpha: number, upper: boolean): void {
  if (k === 0) return;
  const params = [aOff, bOff, cOff, mp, np, ldc, k, alpha, upper ? 1 : 0];
  let chunks = 0;
  for (let bi = 0; bi * BLOCK < mp; bi++) {
    for (let bj = upper ? bi : 0; bj * BLOCK < np; bj++) {
      params.push(bi, bj);
      chunks++;
    }
  }
  if (isSharedMemory(simd.memory)) parallelFor(simdBlocks, chunks, [], params, simd.memory);
  else for (let chunk = 0; chunk < chunks; chunk++) blockTiles(simd.tile, chunk, params);
}

/** Pool task of {@link runTiles}: one block of C per chunk; context: the shared memory. */
export const simdBlocks = defineTask(import.meta.url, 'simdBlocks', (chunk, _buffers, params, context) => {
  blockTiles(tileFor(context as WasmMemory), chunk, params);
});

// Every chunk of a job brings the same memory object: instantiate once per job, not per chunk.
let lastMemory: WasmMemory | undefined;
let lastTile: TileFunction | undefined;

function tileFor(memory: WasmMemory): TileFunction {
  if (memory !== lastMemory) {
    lastTile = tileOn(memory);
    lastMemory = memory;
  }
  if (!lastTile) throw new Error('rmtkit: WebAssembly SIMD is unavailable in this worker');
  return lastTile;
}

function blockTiles(tile: TileFunction, chunk: number, params: readonly number[]): void {
  // Integers arrive as doubles (alpha shares the array): truncate, so index arithmetic stays int32.
  const aOff = params[0]! | 0, bOff = params[1]! | 0, cOff = params[2]! | 0, mp = params[3]! | 0, np = params[4]! | 0;
  const ldc = params[5]! | 0, k = params[6]! | 0, alpha = params[7]!, upper = params[8] === 1;
  const i0 = (params[9 + 2 * chunk]! | 0) * BLOCK;
  const j0 = (params[10 + 2 * chunk]! | 0) * BLOCK;
  const i1 = Math.min(mp, i0 + BLOCK);
  const j1 = Math.min(np, j0 + BLOCK);
  const stride = PANEL * k;
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = Math.min(k, p0 + KC) - p0;
    for (let j = j0; j < j1; j += PANEL) {
      for (let i = i0; i < i1; i += PANEL) {
        if (upper && j < i) continue;
        tile(kc, 8 * (aOff + (i >> 2) * stride + PANEL * p0), 8 * (bOff + (j >> 2) * stride + PANEL * p0), 8 * (cOff + i * ldc + j), 8 * ldc, alpha);
      }
    }
  }
}

/** The leading rows×cols block of the row-major matrix at `off` (row stride ld), as a plain array. */
function copyRows(memory: Float64Array, off: number, ld: number, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  if (ld === cols) out.set(memory.subarray(off, off + rows * cols));
  else for (let i = 0; i < rows; i++) out.set(memory.subarray(off + i * ld, off + i * ld + cols), i * cols);
  return out;
}
