import { CHUNK_BLOCKS, philoxBlocks } from './philox-kernel.js';
import type { StreamId } from './seed.js';
import {
  normalAfterRejection,
  normalFrom,
  uniformFrom,
  type WordSource,
  ZIGGURAT,
} from './ziggurat.js';

/**
 * Bulk draws for RandomStream.fill: the words of many blocks at once from philox-kernel.ts,
 * consumed exactly as the same number of single draws would consume them. A stream's place is
 * its word position p (words drawn so far): word p is word p mod 4 of block ⌊p/4⌋.
 */

/** Words of a stream from position `word` on, chunk by chunk. */
class ChunkReader implements WordSource {
  words: Uint32Array = new Uint32Array(0);
  pos = 0;
  end = 0;
  private nextBlock: number;

  constructor(
    private readonly id: StreamId,
    word: number,
    /** Words still expected: sizes the next chunk (more are generated if needed). */
    public expected: number,
  ) {
    this.nextBlock = Math.floor(word / 4);
    this.refill();
    this.pos = word % 4;
  }

  uint32(): number {
    if (this.pos === this.end) this.refill();
    return this.words[this.pos++]!;
  }

  /** The stream's word position after the words consumed so far. */
  position(): number {
    return 4 * this.nextBlock - (this.end - this.pos);
  }

  /** Replaces the chunk (its words must all have been consumed) by the next blocks. */
  refill(): void {
    const count = Math.max(1, Math.min(CHUNK_BLOCKS, Math.ceil(this.expected / 4)));
    this.words = philoxBlocks(this.id, this.nextBlock, count).words;
    this.nextBlock += count;
    this.pos = 0;
    this.end = 4 * count;
  }
}

/**
 * Fills `out` with standard normals (ziggurat.ts) from word position `word` of stream `id`;
 * returns the position after them.
 */
export function fillNormals(id: StreamId, word: number, out: Float64Array): number {
  const n = out.length;
  if (n === 0) return word;
  // 2 words per normal, and about 2 % more for the rejections.
  const reader = new ChunkReader(id, word, expectedWords(n));
  for (let i = 0; i < n; ) {
    if (reader.end - reader.pos < 2) {
      // The chunk is used up (or one word is left): the next normal starts here, word by word.
      reader.expected = expectedWords(n - i);
      out[i++] = normalFrom(reader);
      continue;
    }
    const done = fastNormals(reader.words, reader.pos, reader.end, out, i);
    reader.pos += 2 * (done - i);
    i = done;
    if (i < n && reader.end - reader.pos >= 2) {
      // fastNormals stopped at a rejection: words pos, pos + 1 start the slow path.
      const hi = reader.words[reader.pos]!;
      const lo = reader.words[reader.pos + 1]!;
      reader.pos += 2;
      reader.expected = expectedWords(n - i);
      out[i++] = normalAfterRejection(hi, lo, reader);
    }
  }
  return reader.position();
}

/** Words that `count` normals take on average, with some to spare: 2 each and 1.2 % rejected. */
function expectedWords(count: number): number {
  return 2 * count + (count >> 5) + 8;
}

/**
 * Writes normals out[i], out[i + 1], … from the word pairs at pos, pos + 2, … < end as long as
 * the ziggurat's fast test accepts; returns the index of the first normal not written (a
 * rejection, the end of the chunk or of out).
 */
function fastNormals(
  words: Uint32Array,
  pos: number,
  end: number,
  out: Float64Array,
  i: number,
): number {
  const { k, w } = ZIGGURAT;
  const stop = Math.min(out.length, i + ((end - pos) >> 1));
  for (; i < stop; i++, pos += 2) {
    const hi = words[pos]!;
    const lo = words[pos + 1]!;
    const layer = lo & 0xff;
    const m = (hi & 0x1fffffff) * 8388608 + (lo >>> 9); // mantissa(hi, lo), inlined
    if (m >= k[layer]!) return i;
    // The sign (bit 8 of lo) as a factor ±1 instead of a branch that the random bit makes
    // mispredicted half the time (twice as fast): m·wᵢ·(±1) is exactly ±(m·wᵢ), −0 included.
    out[i] = m * w[layer]! * (1 - ((lo >>> 7) & 2));
  }
  return i;
}

/**
 * Fills `out` with uniforms [0, 1) (two words each, as RandomStream.uniform) from word position
 * `word` of stream `id`; returns the position after them.
 */
export function fillUniforms(id: StreamId, word: number, out: Float64Array): number {
  const n = out.length;
  if (word % 2 !== 0) {
    // Pairs straddle blocks' word pairs: convert word by word.
    const reader = new ChunkReader(id, word, 2 * n);
    for (let i = 0; i < n; i++) out[i] = uniformFrom(reader);
    return reader.position();
  }
  let block = Math.floor(word / 4);
  let skip = (word % 4) / 2; // a uniform already drawn from the first block
  for (let i = 0; i < n; ) {
    const count = Math.min(CHUNK_BLOCKS, Math.ceil((n - i + skip) / 2));
    const take = Math.min(n - i, 2 * count - skip);
    const words = philoxBlocks(id, block, count).words;
    // hi·2⁻³² + ⌊lo/2¹¹⌋·2⁻⁵³: both terms and their sum (a multiple of 2⁻⁵³ below 1) are exact,
    // so this equals uniformFrom's ⌊(hi·2³² + lo)/2¹¹⌋·2⁻⁵³ bit for bit.
    for (let j = 0, at = 2 * skip; j < take; j++, at += 2)
      out[i + j] = words[at]! * 2 ** -32 + (words[at + 1]! >>> 11) * 2 ** -53;
    i += take;
    block += count;
    skip = 0;
  }
  return word + 2 * n;
}
