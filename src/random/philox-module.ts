import {
  leb,
  MODULE_HEADER,
  name,
  section,
  sleb,
  vector,
} from '../linalg/backends/js/simd/wasm-binary.js';

/**
 * The WebAssembly SIMD module of philox-kernel.ts, emitted byte by byte (spec §5): one function,
 * blocks(count8, c0, c1, n0, n1, k0, k1), that writes 8·count8 Philox4x32-10 blocks with counters
 * (c0 + b, c1, n0, n1) and key (k0, k1), four words per block, from byte 0 of the imported memory.
 */

const I32 = 0x7f;
const V128 = 0x7b;
const SIMD = 0xfd;
const get = (local: number) => [0x20, ...leb(local)];
const set = (local: number) => [0x21, ...leb(local)];
const i32 = (value: number) => [0x41, ...sleb(value)];
const simd = (opcode: number, ...rest: number[]) => [SIMD, ...leb(opcode), ...rest];
const memarg = (align: number, offset: number) => [align, ...leb(offset)];
const v128Store = (offset: number) => simd(0x0b, ...memarg(4, offset));
const v128Const = (lanes: number[]) =>
  simd(0x0c, ...lanes.flatMap((w) => [w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, w >>> 24]));
/** i8x16.shuffle picking 32-bit lanes (0–3 from the first operand, 4–7 from the second). */
const shuffle32 = (lanes: number[]) =>
  simd(0x0d, ...lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]));
const i32x4Splat = simd(0x11);
const v128Xor = simd(0x51);
const i32x4Add = simd(0xae);
const extmulLowU = simd(0xde); // i64x2.extmul_low_i32x4_u
const extmulHighU = simd(0xdf); // i64x2.extmul_high_i32x4_u
const I32_ADD = 0x6a,
  I32_SUB = 0x6b,
  LOOP = 0x03,
  BLOCK = 0x02,
  BR_IF = 0x0d,
  END = 0x0b,
  VOID = 0x40;

/** Groups of four blocks (one per i32x4 lane) computed side by side in one loop iteration. */
export const GROUPS = 2;

// blocks(count8, c0, c1, n0, n1, k0, k1) computes 8·count8 blocks, two independent groups of four
// at a time so that one group's multiplications overlap the other's (a round is a chain of
// dependent operations). Params 0–6 (i32); local 7 the output offset; then per group g ten v128
// locals from 8 + 10g: counter words c0–c3, key k0–k1, the two halves of a product, and the saved
// low and high halves of the first product; then the multipliers and Weyl increments.
const COUNT = 0,
  CTR0 = 1,
  CTR1 = 2,
  N0 = 3,
  N1 = 4,
  KEY0 = 5,
  KEY1 = 6,
  OUT = 7,
  M0 = 8 + 10 * GROUPS,
  M1 = M0 + 1,
  W0 = M0 + 2,
  W1 = M0 + 3;
const LOW_HALVES = shuffle32([0, 2, 4, 6]);
const HIGH_HALVES = shuffle32([1, 3, 5, 7]);

/** Locals of group g: counter words C..C+3, key K, K+1, product halves P, Q, saved LO0, HI0. */
function groupLocals(g: number) {
  const base = 8 + 10 * g;
  return { C: base, K: base + 4, P: base + 6, Q: base + 7, LO0: base + 8, HI0: base + 9 };
}

/** (P, Q) = word·multiplier as 64-bit products of lanes 0–1 and 2–3 (u32 × u32 each). */
function wideProduct(word: number, multiplier: number, P: number, Q: number): number[] {
  return [
    ...get(word),
    ...get(multiplier),
    ...extmulLowU,
    ...set(P),
    ...get(word),
    ...get(multiplier),
    ...extmulHighU,
    ...set(Q),
  ];
}

function round(g: number, last: boolean): number[] {
  const { C, K, P, Q, LO0, HI0 } = groupLocals(g);
  const code: number[] = [];
  // (hi0, lo0) = M0·c0 and (hi1, lo1) = M1·c2, lane by lane, as 64-bit products.
  code.push(...wideProduct(C, M0, P, Q));
  code.push(
    ...get(P),
    ...get(Q),
    ...LOW_HALVES,
    ...set(LO0),
    ...get(P),
    ...get(Q),
    ...HIGH_HALVES,
    ...set(HI0),
  );
  code.push(...wideProduct(C + 2, M1, P, Q));
  // c0 = hi1 ^ c1 ^ k0; c2 = hi0 ^ c3 ^ k1; c1 = lo1; c3 = lo0.
  code.push(
    ...get(P),
    ...get(Q),
    ...HIGH_HALVES,
    ...get(C + 1),
    ...v128Xor,
    ...get(K),
    ...v128Xor,
    ...set(C),
  );
  code.push(...get(HI0), ...get(C + 3), ...v128Xor, ...get(K + 1), ...v128Xor, ...set(C + 2));
  code.push(...get(P), ...get(Q), ...LOW_HALVES, ...set(C + 1), ...get(LO0), ...set(C + 3));
  if (!last) {
    code.push(
      ...get(K),
      ...get(W0),
      ...i32x4Add,
      ...set(K),
      ...get(K + 1),
      ...get(W1),
      ...i32x4Add,
      ...set(K + 1),
    );
  }
  return code;
}

/** Transposes group g's 4×4 words (lane j of word w → block j, word w) and stores its blocks. */
function storeGroup(g: number): number[] {
  const { C, P, Q, LO0, HI0 } = groupLocals(g);
  const code: number[] = [];
  code.push(...get(C), ...get(C + 1), ...shuffle32([0, 4, 1, 5]), ...set(P));
  code.push(...get(C), ...get(C + 1), ...shuffle32([2, 6, 3, 7]), ...set(Q));
  code.push(...get(C + 2), ...get(C + 3), ...shuffle32([0, 4, 1, 5]), ...set(LO0));
  code.push(...get(C + 2), ...get(C + 3), ...shuffle32([2, 6, 3, 7]), ...set(HI0));
  const store = (a: number, b: number, lanes: number[], offset: number) => [
    ...get(OUT),
    ...get(a),
    ...get(b),
    ...shuffle32(lanes),
    ...v128Store(64 * g + offset),
  ];
  code.push(...store(P, LO0, [0, 1, 4, 5], 0), ...store(P, LO0, [2, 3, 6, 7], 16));
  code.push(...store(Q, HI0, [0, 1, 4, 5], 32), ...store(Q, HI0, [2, 3, 6, 7], 48));
  return code;
}

function blocksBody(): number[] {
  const code: number[] = [];
  const splat = (value: number[], local: number) => [...value, ...i32x4Splat, ...set(local)];
  code.push(...splat(i32(0xd2511f53 | 0), M0), ...splat(i32(0xcd9e8d57 | 0), M1));
  code.push(...splat(i32(0x9e3779b9 | 0), W0), ...splat(i32(0xbb67ae85 | 0), W1));
  code.push(...i32(0), ...set(OUT));
  code.push(BLOCK, VOID, ...get(COUNT), 0x45 /* i32.eqz */, BR_IF, 0, LOOP, VOID);
  for (let g = 0; g < GROUPS; g++) {
    // Counters (c0 + 4g + j, c1, n0, n1) for lanes j = 0…3; the key (k0, k1).
    const { C, K } = groupLocals(g);
    code.push(
      ...get(CTR0),
      ...i32x4Splat,
      ...v128Const([4 * g, 4 * g + 1, 4 * g + 2, 4 * g + 3]),
      ...i32x4Add,
      ...set(C),
    );
    code.push(...splat(get(CTR1), C + 1), ...splat(get(N0), C + 2), ...splat(get(N1), C + 3));
    code.push(...splat(get(KEY0), K), ...splat(get(KEY1), K + 1));
  }
  for (let r = 0; r < 10; r++) for (let g = 0; g < GROUPS; g++) code.push(...round(g, r === 9));
  for (let g = 0; g < GROUPS; g++) code.push(...storeGroup(g));
  code.push(...get(OUT), ...i32(64 * GROUPS), I32_ADD, ...set(OUT));
  code.push(...get(CTR0), ...i32(4 * GROUPS), I32_ADD, ...set(CTR0));
  code.push(...get(COUNT), ...i32(1), I32_SUB, ...set(COUNT), ...get(COUNT), BR_IF, 0, END, END);
  code.push(END);
  return [
    ...vector([
      [...leb(1), I32],
      [...leb(10 * GROUPS + 4), V128],
    ]),
    ...code,
  ];
}

/** The module's bytes; it imports `env.memory` and exports `blocks`. */
export function philoxModuleBytes(): Uint8Array {
  const body = blocksBody();
  const params = Array.from({ length: 7 }, () => [I32]);
  return new Uint8Array([
    ...MODULE_HEADER,
    ...section(1, vector([[0x60, ...vector(params), 0x00]])), // type: (i32 × 7) → ()
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, ...leb(1)]])), // import env.memory
    ...section(3, vector([[0x00]])), // one function of type 0
    ...section(7, vector([[...name('blocks'), 0x00, 0x00]])), // exported as "blocks"
    ...section(10, vector([[...leb(body.length), ...body]])),
  ]);
}
