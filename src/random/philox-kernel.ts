import { simdAvailable } from '../linalg/backends/js/simd/tile.js';
import { type WasmMemory, wasm } from '../linalg/backends/js/simd/wasm-binary.js';
import { philox4x32 } from './philox.js';
import { GROUPS, philoxModuleBytes } from './philox-module.js';

/**
 * Philox4x32-10 in bulk: consecutive blocks of one stream, eight at a time in WebAssembly SIMD
 * (two groups of four i32x4 lanes, one block per lane; i64x2.extmul gives the exact 32×32→64-bit
 * products that philox.ts assembles from 16-bit halves), about 5 ns per block against 80 in
 * TypeScript. The module is emitted byte by byte in philox-module.ts, like the product kernel in
 * linalg/backends/js/simd/tile.ts. Philox is integer arithmetic, so the words equal
 * {@link philox4x32}'s bit for bit (tested); where SIMD is missing or RMTKIT_SIMD=0 the same words
 * come from the scalar function, only more slowly.
 */

/** Blocks per kernel call: 32 KiB of words, which stay in the L1 cache while they are consumed. */
export const CHUNK_BLOCKS = 2048;

const TWO32 = 2 ** 32;

/** Words of blocks `first`, `first` + 1, … of a stream. */
export interface PhiloxChunk {
  /** Four words per block, block by block, from index 0; valid until the next call. */
  readonly words: Uint32Array;
}

interface Kernel extends PhiloxChunk {
  readonly blocks: (
    count8: number,
    c0: number,
    c1: number,
    n0: number,
    n1: number,
    k0: number,
    k1: number,
  ) => void;
}

let kernel: Kernel | null | undefined;
const fallback: PhiloxChunk = { words: new Uint32Array(4 * CHUNK_BLOCKS) };

/**
 * Writes the `count` ≤ {@link CHUNK_BLOCKS} blocks `first` … `first` + count − 1 of the stream
 * with key (k0, k1) and nonce (n0, n1) (block b is philox4x32(b mod 2³², ⌊b/2³²⌋, n0, n1; k0, k1),
 * as in stream.ts) and returns the buffer holding them, four words per block from index 0.
 * @example philoxBlocks([7, 0, 0, 0], 0, 16).words[0] // the first word of randomStream(7)
 */
export function philoxBlocks(id: readonly number[], first: number, count: number): PhiloxChunk {
  const k = simdKernel();
  const lo = first % TWO32;
  // The kernel counts the low counter word up within a call; a chunk across the wrap of that
  // word (once every 2³² blocks) is computed one block at a time.
  if (k === null || lo + count > TWO32) {
    const target = k ?? fallback;
    for (let b = 0; b < count; b++) {
      const block = first + b;
      philox4x32(
        block % TWO32,
        Math.floor(block / TWO32),
        id[2]!,
        id[3]!,
        id[0]!,
        id[1]!,
        target.words,
        4 * b,
      );
    }
    return target;
  }
  k.blocks(
    Math.ceil(count / (4 * GROUPS)),
    lo,
    Math.floor(first / TWO32),
    id[2]!,
    id[3]!,
    id[0]!,
    id[1]!,
  );
  return k;
}

/** Whether the blocks come from the WebAssembly kernel (else from the scalar function). */
export function philoxKernelActive(): boolean {
  return simdKernel() !== null;
}

function simdKernel(): Kernel | null {
  if (!simdAvailable()) return null;
  if (kernel === undefined) kernel = instantiate();
  return kernel;
}

function instantiate(): Kernel | null {
  const api = wasm;
  if (api === undefined) return null;
  try {
    const bytes = philoxModuleBytes();
    if (!api.validate(bytes)) return null;
    // Words of one chunk plus the blocks a last partial iteration may write beyond it.
    const memory: WasmMemory = new api.Memory({
      initial: Math.ceil((16 * (CHUNK_BLOCKS + 4 * GROUPS)) / 65536),
    });
    const exports = new api.Instance(new api.Module(bytes), { env: { memory } }).exports;
    return {
      words: new Uint32Array(memory.buffer, 0, 4 * CHUNK_BLOCKS),
      blocks: exports.blocks as Kernel['blocks'],
    };
  } catch {
    return null;
  }
}
