/**
 * The 4×4 micro-kernel of products/microkernel.ts as WebAssembly SIMD (f64x2), emitted byte by byte
 * by the TypeScript below: no compiler, no binary in the package. The scalar kernel runs at 5.5
 * GFLOP/s per core here (no FMA, no vectors, 16 accumulators spill), this one at 21.7
 * (bench/linalg-parts.ts).
 *
 * It computes exactly what the scalar kernel computes: per entry, products a·b summed in the same
 * order with separate IEEE multiply and add (f64x2 lanes round like scalar doubles, no FMA), then
 * C += alpha·acc. Results are therefore bit-identical to the scalar path (tested).
 *
 * Operands live in the instance's linear memory (see arena.ts). Where WebAssembly SIMD is
 * missing, or RMTKIT_SIMD=0, {@link simdTile} returns undefined and callers keep the scalar path.
 */

import { leb, MODULE_HEADER, name, section, vector, type WasmMemory, wasm } from './wasm-binary.js';

export type { WasmMemory } from './wasm-binary.js';

/**
 * tile(kc, a, b, c, ldc, alpha): byte offsets a, b (packed 4-wide runs of kc steps), c (row stride
 * ldc bytes); kc ≥ 1.
 */
export type TileFunction = (
  kc: number,
  a: number,
  b: number,
  c: number,
  ldc: number,
  alpha: number,
) => void;

/** The kernel bound to one linear memory. */
export interface SimdTile {
  readonly memory: WasmMemory;
  readonly tile: TileFunction;
}

/** Shared memories must declare a maximum; this one keeps byte offsets below 2³¹ (i32-safe). */
export const MAX_PAGES = 32767;

// Two variants of one module: importing a plain memory, or a shared one (for the worker pool).
let compiled: { plain: object; shared: object | null } | null | undefined;
let enabled =
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.RMTKIT_SIMD !== '0';

/** Whether the SIMD kernel runs here: WebAssembly SIMD is supported and it is enabled. */
export function simdAvailable(): boolean {
  if (!enabled) return false;
  if (compiled === undefined) compiled = compile();
  return compiled !== null;
}

/**
 * Turns the SIMD path on or off for later calls (initially off only when RMTKIT_SIMD=0); returns
 * the previous setting. Results are the same either way; only the speed differs.
 * @example const before = setSimdEnabled(false); try { gram(x, 1) } finally { setSimdEnabled(before) }
 */
export function setSimdEnabled(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

/**
 * A kernel instance over a new memory of at least `bytes` bytes, shared between threads when
 * `shared` (and the runtime allows it); undefined where SIMD is unavailable or the memory cannot
 * be had.
 * @example const simd = simdTile(1 << 20, false); simd?.tile(256, 0, 8192, 16384, 32, 1)
 */
export function simdTile(bytes: number, shared: boolean): SimdTile | undefined {
  if (!simdAvailable()) return undefined;
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  if (pages > MAX_PAGES) return undefined;
  try {
    const memory =
      shared && compiled!.shared
        ? new wasm!.Memory({ initial: pages, maximum: MAX_PAGES, shared: true })
        : new wasm!.Memory({ initial: pages });
    return { memory, tile: tileOn(memory)! };
  } catch {
    return undefined; // RangeError: out of memory
  }
}

/**
 * The kernel over an existing memory (a pool worker's copy of a shared one); undefined where SIMD
 * is unavailable here.
 * @example const tile = tileOn(context as WasmMemory)
 */
export function tileOn(memory: WasmMemory): TileFunction | undefined {
  if (!simdAvailable()) return undefined;
  const module = isSharedMemory(memory) ? compiled!.shared : compiled!.plain;
  if (!module) return undefined;
  return new wasm!.Instance(module, { env: { memory } }).exports.tile as TileFunction;
}

/** Whether a memory from {@link simdTile} is shared between threads. */
export function isSharedMemory(memory: WasmMemory): boolean {
  return typeof SharedArrayBuffer === 'function' && memory.buffer instanceof SharedArrayBuffer;
}

function compile(): { plain: object; shared: object | null } | null {
  const api = wasm;
  if (api === undefined) return null;
  const build = (shared: boolean): object | null => {
    try {
      const bytes = moduleBytes(shared);
      return api.validate(bytes) ? new api.Module(bytes) : null;
    } catch {
      return null;
    }
  };
  const plain = build(false);
  return plain
    ? { plain, shared: typeof SharedArrayBuffer === 'function' ? build(true) : null }
    : null;
}

// --- the module, in WebAssembly's binary format (spec §5) ---

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;
const SIMD = 0xfd;

// Locals: parameters 0 kc, 1 a, 2 b, 3 c, 4 ldc, 5 alpha; then 6 end (i32);
// 7..14 accumulators (row r, columns 0-1 at 7 + 2r, 2-3 at 8 + 2r); 15 b01, 16 b23, 17 splat.
const KC = 0,
  A = 1,
  B = 2,
  C = 3,
  LDC = 4,
  ALPHA = 5,
  END = 6,
  ACC = 7,
  B01 = 15,
  B23 = 16,
  SPLAT = 17;

const get = (local: number) => [0x20, ...leb(local)];
const set = (local: number) => [0x21, ...leb(local)];
const i32 = (value: number) => [0x41, ...leb(value)]; // small non-negative constants only
const memarg = (offset: number) => [3, ...leb(offset)]; // alignment hint 2³ = 8 bytes
const simd = (opcode: number, ...rest: number[]) => [SIMD, ...leb(opcode), ...rest];
const v128Load = (offset: number) => simd(0x00, ...memarg(offset));
const v128Store = (offset: number) => simd(0x0b, ...memarg(offset));
const load64Splat = (offset: number) => simd(0x0a, ...memarg(offset));
const f64x2Splat = simd(0x14);
const f64x2Add = simd(0xf0);
const f64x2Mul = simd(0xf2);
const I32_ADD = 0x6a,
  I32_SHL = 0x74,
  I32_LT_U = 0x49,
  LOOP = 0x03,
  BR_IF = 0x0d,
  END_OP = 0x0b,
  VOID = 0x40;

function tileBody(): number[] {
  const code: number[] = [];
  // end = a + kc·32 (4 doubles per step)
  code.push(...get(A), ...get(KC), ...i32(5), I32_SHL, I32_ADD, ...set(END));
  code.push(LOOP, VOID);
  code.push(...get(B), ...v128Load(0), ...set(B01), ...get(B), ...v128Load(16), ...set(B23));
  for (let r = 0; r < 4; r++) {
    code.push(...get(A), ...load64Splat(8 * r), ...set(SPLAT));
    // acc += splat · b, as (splat · b) then add: the scalar kernel's c += a·x order.
    code.push(
      ...get(ACC + 2 * r),
      ...get(SPLAT),
      ...get(B01),
      ...f64x2Mul,
      ...f64x2Add,
      ...set(ACC + 2 * r),
    );
    code.push(
      ...get(ACC + 2 * r + 1),
      ...get(SPLAT),
      ...get(B23),
      ...f64x2Mul,
      ...f64x2Add,
      ...set(ACC + 2 * r + 1),
    );
  }
  code.push(...get(A), ...i32(32), I32_ADD, ...set(A), ...get(B), ...i32(32), I32_ADD, ...set(B));
  code.push(...get(A), ...get(END), I32_LT_U, BR_IF, 0, END_OP);
  // C[r][0..4] += alpha · acc, row by row.
  code.push(...get(ALPHA), ...f64x2Splat, ...set(SPLAT));
  for (let r = 0; r < 4; r++) {
    for (let half = 0; half < 2; half++) {
      code.push(
        ...get(C),
        ...get(C),
        ...v128Load(16 * half),
        ...get(SPLAT),
        ...get(ACC + 2 * r + half),
        ...f64x2Mul,
        ...f64x2Add,
        ...v128Store(16 * half),
      );
    }
    code.push(...get(C), ...get(LDC), I32_ADD, ...set(C));
  }
  code.push(END_OP);
  const locals = vector([
    [...leb(1), I32],
    [...leb(8), V128],
    [...leb(3), V128],
  ]);
  return [...locals, ...code];
}

function moduleBytes(shared: boolean): Uint8Array {
  const body = tileBody();
  // Memory limits: flags 0 = (min), 3 = (min, max) shared.
  const limits = shared ? [0x03, ...leb(1), ...leb(MAX_PAGES)] : [0x00, ...leb(1)];
  return new Uint8Array([
    ...MODULE_HEADER,
    ...section(1, vector([[0x60, ...vector([[I32], [I32], [I32], [I32], [I32], [F64]]), 0x00]])), // type: (i32×5, f64) → ()
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, ...limits]])), // import env.memory, min 1 page
    ...section(3, vector([[0x00]])), // one function of type 0
    ...section(7, vector([[...name('tile'), 0x00, 0x00]])), // export it as "tile"
    ...section(10, vector([[...leb(body.length), ...body]])),
  ]);
}
