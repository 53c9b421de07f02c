import { InvalidArgumentError } from '../errors.js';
import { fillNormals, fillUniforms } from './fill.js';
import { philox4x32 } from './philox.js';
import { childId, type Seed, type StreamId, seedToId } from './seed.js';
import { choiceWithoutReplacement, permutation } from './shuffle.js';
import { normalFrom } from './ziggurat.js';

const TWO32 = 2 ** 32;
const TWO53 = 2 ** 53;
const MAX_BLOCKS = 2 ** 53;

/**
 * A reproducible stream of random numbers over Philox4x32-10 in counter mode. The numbers depend
 * only on the seed, the child path and how many have been drawn: never on the worker, the backend,
 * timing or `Math.random`. Children (`split`, `child`) depend only on the identity of the parent,
 * not on how much of it has been consumed, so trial i of a sweep is `root.split(i)` everywhere.
 *
 * Every draw is the same bits on both backends and for any worker count: uniforms and integers
 * are exact functions of the words, and normals (a ziggurat) use only IEEE arithmetic, square
 * roots and the fdlibm exp/log of fdlibm.ts, never `Math.exp`/`Math.log`, whose rounding engines
 * may choose. `fill` computes many blocks at once in WebAssembly SIMD where available
 * (philox-kernel.ts), with the same result as the single draws.
 */
export class RandomStream {
  private block = 0;
  private readonly words = new Uint32Array(4);
  private used = 4;
  /** Words of block `block` already drawn (by a fill) when it is next generated. */
  private skip = 0;

  /** Use {@link randomStream}; `id` is (k0, k1, n0, n1) as built by `seed.ts`. */
  constructor(readonly id: StreamId) {}

  /** The next unsigned 32-bit word of the stream. */
  uint32(): number {
    if (this.used === 4) this.refill();
    return this.words[this.used++]!;
  }

  /**
   * A uniform double in [0, 1) with 53 random bits: ⌊w/2¹¹⌋·2⁻⁵³ for the 64-bit word
   * w = (first word)·2³² + (second word), as numpy's `random()` does.
   * @example randomStream(1).uniform() // 0 ≤ u < 1
   */
  uniform(): number {
    const hi = this.uint32();
    const lo = this.uint32();
    return (hi * 2 ** 21 + (lo >>> 11)) / TWO53;
  }

  /**
   * A standard normal N(0, 1) draw by the ziggurat method (ziggurat.ts): two words, a few more in
   * 1.2 % of draws.
   * @example randomStream(1).normal()
   */
  normal(): number {
    return normalFrom(this);
  }

  /**
   * Fills `out` with uniform [0, 1) draws (default) or standard normal draws; returns `out`.
   * Equal to calling `uniform()` / `normal()` out.length times, and several times faster.
   * @throws {InvalidArgumentError} naming 'distribution' unless it is 'uniform' or 'normal'.
   * @example randomStream(3).fill(new Float64Array(10), 'normal')
   */
  fill(out: Float64Array, distribution: 'uniform' | 'normal' = 'uniform'): Float64Array {
    if (distribution !== 'normal' && distribution !== 'uniform')
      throw new InvalidArgumentError('distribution', "must be 'uniform' or 'normal'", distribution);
    const start = this.used === 4 ? 4 * this.block + this.skip : 4 * (this.block - 1) + this.used;
    // A normal takes half a block on average and rarely more: stay clear of the limit.
    if (start / 4 + out.length > MAX_BLOCKS - 2 ** 32)
      throw new InvalidArgumentError('stream', 'is exhausted after 2⁵³ blocks; use split()');
    const end = (distribution === 'normal' ? fillNormals : fillUniforms)(this.id, start, out);
    this.seek(end);
    return out;
  }

  /**
   * A uniform integer in [0, n), unbiased: draws are rejected above the largest multiple of n
   * (32-bit draws for n ≤ 2³², 53-bit draws up to 2⁵³).
   * @throws {InvalidArgumentError} naming 'n' unless it is an integer in [1, 2⁵³].
   * @example randomStream(2).int(6) // a die roll minus one
   */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO53)
      throw new InvalidArgumentError('n', 'must be an integer in [1, 2⁵³]', n);
    if (n <= TWO32) {
      const limit = TWO32 - (TWO32 % n);
      let x = this.uint32();
      while (x >= limit) x = this.uint32();
      return x % n;
    }
    const limit = TWO53 - (TWO53 % n);
    let x = this.uniform() * TWO53;
    while (x >= limit) x = this.uniform() * TWO53;
    return x % n;
  }

  /**
   * A uniformly random permutation of 0…n−1 (Fisher–Yates).
   * @throws {InvalidArgumentError} naming 'n' unless 0 ≤ n < 2³¹ is an integer.
   * @example randomStream(4).permutation(5) // e.g. Int32Array [3, 0, 4, 1, 2]
   */
  permutation(n: number): Int32Array {
    return permutation(this, n);
  }

  /**
   * k distinct integers from 0…n−1, drawn uniformly without replacement, in random order.
   * @throws {InvalidArgumentError} naming 'n' or 'k' unless 0 ≤ k ≤ n < 2³¹.
   * @example randomStream(5).choice(100, 3) // e.g. Int32Array [17, 92, 4]
   */
  choice(n: number, k: number): Int32Array {
    return choiceWithoutReplacement(this, n, k);
  }

  /**
   * Child stream i, independent of this one and of its siblings; the same for the same seed
   * and i whatever has been drawn from this stream.
   * @throws {InvalidArgumentError} naming 'path' unless i is a non-negative safe integer or a
   * string.
   * @example randomStream(7).split(3).uniform() === randomStream(7).split(3).uniform() // true
   */
  split(i: number | string): RandomStream {
    return new RandomStream(childId(this.id, i));
  }

  /**
   * The descendant at `path`: `child(a, b)` is `split(a).split(b)`. Names (strings) give
   * readable substreams, e.g. `root.child(trial, 'mask')`.
   * @throws {InvalidArgumentError} naming 'path' for a bad element.
   * @example randomStream('sweep').child(12, 'noise')
   */
  child(...path: (number | string)[]): RandomStream {
    let id = this.id;
    for (const element of path) id = childId(id, element);
    return new RandomStream(id);
  }

  /**
   * Moves to word position `word` (word `word` mod 4 of block ⌊word/4⌋ is drawn next); the block
   * is generated only if a single draw follows.
   */
  private seek(word: number): void {
    this.block = Math.floor(word / 4);
    this.used = 4;
    this.skip = word % 4;
  }

  private refill(): void {
    if (this.block >= MAX_BLOCKS)
      throw new InvalidArgumentError('stream', 'is exhausted after 2⁵³ blocks; use split()');
    const b = this.block++;
    philox4x32(
      b % TWO32,
      Math.floor(b / TWO32),
      this.id[2],
      this.id[3],
      this.id[0],
      this.id[1],
      this.words,
    );
    this.used = this.skip;
    this.skip = 0;
  }
}

/**
 * The root stream of a seed: an integer in [0, 2¹²⁸) (number or bigint, equal values give equal
 * streams) or a string, hashed. Passing a stream returns it unchanged.
 * @throws {InvalidArgumentError} naming 'seed' for a negative, fractional or too large seed.
 * @example randomStream(42).split(0).normal()
 */
export function randomStream(seed: Seed | RandomStream): RandomStream {
  return seed instanceof RandomStream ? seed : new RandomStream(seedToId(seed));
}
