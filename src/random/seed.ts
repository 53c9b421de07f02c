import { InvalidArgumentError } from '../errors.js';
import { philox4x32 } from './philox.js';

/**
 * Seeds and stream identities. A stream is identified by four 32-bit words: the Philox key
 * (k0, k1) and a nonce (n0, n1) that fills the upper half of every counter. Block b of a stream
 * is philox4x32(b mod 2³², ⌊b/2³²⌋, n0, n1; k0, k1) with b < 2⁵³, so the second counter word
 * stays below 2²¹. Children are derived with the same function at counters whose second word
 * has the top bit set (integer children) or the next bit set (named children), so data blocks
 * and derivations never share a counter.
 */

/** A seed: a non-negative integer below 2¹²⁸ (number or bigint) or any string. */
export type Seed = number | bigint | string;

/** Key (k0, k1) and nonce (n0, n1) of a stream, as unsigned 32-bit words. */
export type StreamId = readonly [number, number, number, number];

const TWO32 = 2 ** 32;
const MAX_SEED = (1n << 128n) - 1n;
// IV of the string hash: the first fractional hex digits of π ("nothing up my sleeve").
const IV: StreamId = [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344];

/**
 * The identity of the root stream of a seed. An integer s gives key = s mod 2⁶⁴ and
 * nonce = ⌊s/2⁶⁴⌋, so seed 0 reproduces Random123's counter-mode output with key 0;
 * a string is hashed to 128 bits with {@link hashString}.
 * @throws {InvalidArgumentError} naming 'seed' unless it is an integer in [0, 2¹²⁸) or a string.
 * @example seedToId(1) // [1, 0, 0, 0]
 */
export function seedToId(seed: Seed): StreamId {
  if (typeof seed === 'string') return hashString(seed);
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new InvalidArgumentError(
        'seed',
        'must be a non-negative safe integer, a bigint in [0, 2¹²⁸) or a string',
        seed,
      );
    }
    return [seed % TWO32, Math.floor(seed / TWO32), 0, 0];
  }
  if (typeof seed === 'bigint') {
    if (seed < 0n || seed > MAX_SEED)
      throw new InvalidArgumentError('seed', 'must be a bigint in [0, 2¹²⁸)', seed);
    const word = (shift: bigint) => Number((seed >> shift) & 0xffffffffn);
    return [word(0n), word(32n), word(64n), word(96n)];
  }
  throw new InvalidArgumentError('seed', 'must be a number, bigint or string', String(seed));
}

/**
 * 128-bit hash of a string: Merkle–Damgård over its UTF-8 bytes (padded with 0x80, zeros and
 * the byte length) with the Davies–Meyer compression h ← Philox(h; key = 8-byte block) ⊕ h.
 * Not cryptographic: it only has to spread names over the space of streams.
 * @example hashString('mask') // four unsigned 32-bit words
 */
export function hashString(text: string): StreamId {
  const bytes = new TextEncoder().encode(text);
  const padded = new Uint8Array(Math.ceil((bytes.length + 1 + 8) / 8) * 8);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, bytes.length >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(bytes.length / TWO32), true);
  const h = Uint32Array.from(IV);
  const next = new Uint32Array(4);
  for (let offset = 0; offset < padded.length; offset += 8) {
    philox4x32(
      h[0]!,
      h[1]!,
      h[2]!,
      h[3]!,
      view.getUint32(offset, true),
      view.getUint32(offset + 4, true),
      next,
    );
    for (let w = 0; w < 4; w++) h[w] = (h[w]! ^ next[w]!) >>> 0;
  }
  return [h[0]!, h[1]!, h[2]!, h[3]!];
}

/**
 * The identity of child `element` of a stream: one Philox block of the parent at a counter
 * reserved for derivation. Integers must be safe non-negative integers; strings name children.
 * @throws {InvalidArgumentError} naming 'path' for a negative, fractional or unsafe index.
 * @example childId(seedToId(7), 3) // the identity of randomStream(7).split(3)
 */
export function childId(parent: StreamId, element: number | string): StreamId {
  let c0: number;
  let c1: number;
  if (typeof element === 'string') {
    const h = hashString(element);
    c0 = h[0];
    c1 = 0x40000000 | (h[1] & 0x3fffffff);
  } else {
    if (!Number.isSafeInteger(element) || element < 0) {
      throw new InvalidArgumentError(
        'path',
        'elements must be non-negative safe integers or strings',
        element,
      );
    }
    c0 = element % TWO32;
    c1 = 0x80000000 | Math.floor(element / TWO32);
  }
  const out = philox4x32(c0, c1, parent[2], parent[3], parent[0], parent[1], new Uint32Array(4));
  return [out[0]!, out[1]!, out[2]!, out[3]!];
}
