import { canShare, defineTask, parallelFor } from '../pool/pool.js';
import { tile4x4 } from '../products/microkernel.js';
import { PANEL } from '../products/pack.js';
// The scalar path's blocking: the same inner-step blocks give the same sums, bit for bit.
import { blockOf, KC, pushBlocks } from '../products/packed-product.js';
import {
  isSharedMemory,
  type SimdTile,
  simdAvailable,
  simdTile,
  type TileFunction,
  tileOn,
  type WasmMemory,
} from './tile.js';

/**
 * The linear memory the SIMD micro-kernel works in, and products over operands placed in it.
 * Callers reserve all the regions one computation needs at once ({@link reserveRegions}), fill
 * them through Float64Array views, and call {@link simdMultiply}: C += alpha·A·Bᵀ with the
 * blocking of products/packed-product.ts, so results equal the scalar kernel's bit for bit. With a
 * shared memory the 64×64 blocks of C are spread over the worker pool.
 */

/**
 * A memory up to this size is kept for the next call (fresh pages fault in slowly on these VMs).
 */
const KEEP_BYTES = 256 * 2 ** 20;
/** wasm32 byte offsets are passed as i32; stay below 2 GiB so they never wrap. */
const MAX_BYTES = 2 ** 31 - 65536;

// One kept memory per kind: shared (for the pool) and plain (one thread, or no SharedArrayBuffer).
const kept: { shared?: SimdTile; plain?: SimdTile } = {};

/**
 * Regions reserved in a kernel memory: their views and offsets (in doubles), valid until the next
 * reservation.
 */
export interface SimdRegions {
  readonly simd: SimdTile;
  readonly views: Float64Array[];
  readonly offsets: number[];
}

/**
 * Consecutive 16-byte-aligned regions of the given lengths (in doubles), in a memory shared
 * between threads when `parallel` and possible: the kept one, grown if needed, or a one-off
 * memory above KEEP_BYTES. Undefined when SIMD is unavailable or the memory cannot be had.
 * Contents are unspecified. A later reservation may reuse (and, growing, detach) these regions.
 * @example const r = reserveRegions([n * n], true); r?.views[0]!.set(a)
 */
export function reserveRegions(lengths: number[], parallel: boolean): SimdRegions | undefined {
  const offsets: number[] = [];
  let total = 0;
  for (const length of lengths) {
    offsets.push(total);
    total += length + 2;
    total -= total % 2;
  }
  const bytes = total * 8;
  if (bytes > MAX_BYTES || !simdAvailable()) return undefined;
  const shared = parallel && canShare();
  let simd: SimdTile | undefined;
  if (bytes > KEEP_BYTES) {
    simd = simdTile(bytes, shared);
  } else {
    const kind = shared ? 'shared' : 'plain';
    simd = kept[kind] ??= simdTile(bytes, shared);
    const missing = bytes - (simd?.memory.buffer.byteLength ?? 0);
    if (simd && missing > 0) {
      try {
        simd.memory.grow(Math.ceil(missing / 65536));
      } catch {
        return undefined;
      }
    }
  }
  if (!simd) return undefined;
  const buffer = simd.memory.buffer;
  const views = lengths.map((length, r) => new Float64Array(buffer, 8 * offsets[r]!, length));
  return { simd, views, offsets };
}

/** The offset (in doubles) of a view into `simd`'s memory. */
export function offsetIn(view: Float64Array): number {
  return view.byteOffset / 8;
}

/**
 * C += alpha·A·Bᵀ for packed A (m rows) and B (n rows) of inner size k, C m×n with row stride
 * ldc, all at offsets (in doubles) in `simd`'s memory; `upper` computes only the tiles touching
 * C's upper triangle (C square). Whole tiles run on the SIMD kernel, edge tiles on the scalar one.
 * @example simdMultiply(r.simd, offsetIn(a), offsetIn(b), offsetIn(c), m, n, n, k, 1, false)
 */
export function simdMultiply(
  simd: SimdTile,
  aOff: number,
  bOff: number,
  cOff: number,
  m: number,
  n: number,
  ldc: number,
  k: number,
  alpha: number,
  upper: boolean,
): void {
  if (k === 0 || m === 0 || n === 0) return;
  const params = [aOff, bOff, cOff, m, n, ldc, k, alpha, upper ? 1 : 0];
  const chunks = pushBlocks(params, m, n, upper ? 'upper' : 'full');
  if (isSharedMemory(simd.memory)) parallelFor(simdBlocks, chunks, [], params, simd.memory);
  else {
    const view = new Float64Array(simd.memory.buffer);
    for (let chunk = 0; chunk < chunks; chunk++) blockTiles(simd.tile, view, chunk, params);
  }
}

/** Pool task of {@link simdMultiply}: one block of C per chunk; context: the shared memory. */
export const simdBlocks = defineTask(
  import.meta.url,
  'simdBlocks',
  (chunk, _buffers, params, context) => {
    const memory = context as WasmMemory;
    blockTiles(tileFor(memory), new Float64Array(memory.buffer), chunk, params);
  },
);

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

function blockTiles(
  tile: TileFunction,
  view: Float64Array,
  chunk: number,
  params: readonly number[],
): void {
  // Integers are truncated with `| 0` (see blockOf).
  const aOff = params[0]! | 0,
    bOff = params[1]! | 0,
    cOff = params[2]! | 0,
    m = params[3]! | 0,
    n = params[4]! | 0;
  const ldc = params[5]! | 0,
    k = params[6]! | 0,
    alpha = params[7]!,
    upper = params[8] === 1;
  const { i0, i1, j0, j1 } = blockOf(params, chunk, m, n);
  const stride = PANEL * k;
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = Math.min(k, p0 + KC) - p0;
    for (let j = j0; j < j1; j += PANEL) {
      for (let i = i0; i < i1; i += PANEL) {
        if (upper && j < i) continue;
        const a = aOff + (i >> 2) * stride + PANEL * p0;
        const b = bOff + (j >> 2) * stride + PANEL * p0;
        const c = cOff + i * ldc + j;
        if (i + PANEL <= m && j + PANEL <= n) tile(kc, 8 * a, 8 * b, 8 * c, 8 * ldc, alpha);
        else
          tile4x4(
            kc,
            view,
            a,
            view,
            b,
            view,
            c,
            ldc,
            alpha,
            Math.min(PANEL, m - i),
            Math.min(PANEL, n - j),
          );
      }
    }
  }
}
