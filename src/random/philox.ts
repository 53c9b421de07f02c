/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror and Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3" (SC 2011), bit-compatible with Random123's `philox4x32_10`.
 * A block is a pure function of a 128-bit counter and a 64-bit key, so any block of any stream
 * can be computed on any worker in any order.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
// 16-bit halves of the multipliers, for the exact high word of a 32×32-bit product.
const M0_LO = M0 & 0xffff;
const M0_HI = M0 >>> 16;
const M1_LO = M1 & 0xffff;
const M1_HI = M1 >>> 16;

/**
 * High 32 bits of the 64-bit product m·x for m = mHi·2¹⁶ + mLo. Doubles hold each 16×16-bit
 * partial product exactly; the full 64-bit product would not fit in 53 bits.
 */
function mulHi(mLo: number, mHi: number, x: number): number {
  const xLo = x & 0xffff;
  const xHi = x >>> 16;
  const ll = mLo * xLo;
  const lh = mLo * xHi;
  const hl = mHi * xLo;
  const mid = (ll >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (mHi * xHi + (lh >>> 16) + (hl >>> 16) + (mid >>> 16)) >>> 0;
}

/**
 * Computes one Philox4x32-10 block: ten rounds of the Philox S-box on the counter
 * (c0, c1, c2, c3) under the key (k0, k1), written as four unsigned 32-bit words into `out`
 * at `offset`. All arguments are taken modulo 2³².
 * @returns `out`
 * @example
 * philox4x32(0, 0, 0, 0, 0, 0, new Uint32Array(4)) // [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]
 */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array,
  offset = 0,
): Uint32Array {
  c0 >>>= 0;
  c1 >>>= 0;
  c2 >>>= 0;
  c3 >>>= 0;
  k0 >>>= 0;
  k1 >>>= 0;
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      // Weyl-sequence key schedule between rounds (Salmon et al. §3.3).
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
    const hi0 = mulHi(M0_LO, M0_HI, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulHi(M1_LO, M1_HI, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  out[offset] = c0;
  out[offset + 1] = c1;
  out[offset + 2] = c2;
  out[offset + 3] = c3;
  return out;
}
