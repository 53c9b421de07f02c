import { philox4x32 } from '../random/philox.js';
import type { RandomStream } from '../random/stream.js';

const TWO32 = 2 ** 32;

/**
 * The words of `stream.split(j)` for one column j after another, without a stream object per
 * column: the child identity and the data blocks are the same Philox calls as `childId` and
 * `RandomStream.refill` make (see `random/seed.ts`), into buffers reused by every column.
 */
class ColumnWords {
  private readonly parent: Uint32Array;
  private readonly id = new Uint32Array(4);
  private readonly words = new Uint32Array(4);
  private block = 0;
  private used = 4;

  constructor(stream: RandomStream) {
    this.parent = Uint32Array.from(stream.id);
  }

  /** Moves to the first word of column j. */
  start(j: number): void {
    const p = this.parent;
    philox4x32(j % TWO32, 0x80000000 | Math.floor(j / TWO32), p[2]!, p[3]!, p[0]!, p[1]!, this.id);
    this.block = 0;
    this.used = 4;
  }

  /** The next word of the column's stream (its `uint32()`). */
  next(): number {
    if (this.used === 4) {
      const id = this.id;
      const b = this.block++;
      philox4x32(b, 0, id[2]!, id[3]!, id[0]!, id[1]!, this.words);
      this.used = 0;
    }
    return this.words[this.used++]!;
  }
}

/**
 * The nonzeros of a saso sketch, column by column: entry t of column j is
 * S[index[j·vecNnz + t], j] = value[j·vecNnz + t]. See `sasoSketch` for the draws, which are
 * those of `stream.split(j)`'s `int(rows)` and `uint32()` (unbiased: 32-bit words at or above
 * the largest multiple of rows are redrawn), bit for bit.
 */
export function sasoColumns(
  rows: number,
  cols: number,
  vecNnz: number,
  stream: RandomStream,
): { index: Int32Array; value: Float64Array } {
  const index = new Int32Array(cols * vecNnz);
  const value = new Float64Array(cols * vecNnz);
  const scale = 1 / Math.sqrt(vecNnz);
  const limit = TWO32 - (TWO32 % rows);
  const column = new ColumnWords(stream);
  // stamp[i] = j + 1 once row i is taken in column j: an O(1) repeat test with no clearing.
  const stamp = new Int32Array(rows);
  for (let j = 0; j < cols; j++) {
    column.start(j);
    const base = j * vecNnz;
    for (let t = 0; t < vecNnz; t++) {
      let i: number;
      do {
        let x = column.next();
        while (x >= limit) x = column.next();
        i = x % rows;
      } while (stamp[i] === j + 1);
      stamp[i] = j + 1;
      index[base + t] = i;
    }
    let word = 0;
    for (let t = 0; t < vecNnz; t++) {
      if (t % 32 === 0) word = column.next();
      value[base + t] = (word >>> (t % 32)) & 1 ? scale : -scale;
    }
  }
  return { index, value };
}
