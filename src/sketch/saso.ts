import { Matrix } from '../linalg/matrix.js';
import type { RandomStream } from '../random/stream.js';
import { assembleSketch } from './assemble.js';
import { sasoLeft, sasoRight } from './saso-kernels.js';
import type { SketchDistribution, SketchingOperator } from './types.js';

/**
 * A short-axis-sparse sketch (CountSketch for vecNnz = 1, OSNAP otherwise) of shape l × n:
 * column j holds vecNnz nonzeros ±1/√vecNnz in distinct rows, all drawn from
 * `stream.split(j)`: the rows first, each a `int(l)` draw redrawn while it repeats an earlier
 * row of the column (a uniform ordered choice of distinct rows), then the signs, bit t mod 32 of
 * the ⌊t/32⌋-th following `uint32()` word for nonzero t (set bit ⇒ +). A larger n therefore
 * extends S with new columns (the first n unchanged); a different l or vecNnz gives a different
 * S. The (row, value) pairs are precomputed (12·n·vecNnz bytes); the products are the tight
 * loops of `saso-kernels.ts` over them, which never form S. Arguments are validated by
 * `sketchingOperator`.
 */
export function sasoSketch(
  distribution: SketchDistribution & { kind: 'saso' },
  rows: number,
  cols: number,
  stream: RandomStream,
): SketchingOperator {
  const { index, value } = sasoColumns(rows, cols, distribution.vecNnz, stream);
  const s = distribution.vecNnz;
  return assembleSketch(distribution, rows, cols, {
    mixesAll: true,
    left(a) {
      const out = new Float64Array(rows * a.cols);
      sasoLeft(a.data, cols, a.cols, s, index, value, out);
      return Matrix.fromRowMajor(rows, a.cols, out);
    },
    right(a) {
      const out = new Float64Array(a.rows * rows);
      sasoRight(a.data, a.rows, cols, rows, s, index, value, out);
      return Matrix.fromRowMajor(a.rows, rows, out);
    },
    dense() {
      const out = Matrix.zeros(rows, cols);
      for (let p = 0; p < index.length; p++)
        out.data[index[p]! * cols + Math.floor(p / s)] = value[p]!;
      return out;
    },
  });
}

/**
 * The nonzeros of a saso sketch, column by column: entry t of column j is
 * S[index[j·vecNnz + t], j] = value[j·vecNnz + t]. See {@link sasoSketch} for the draws.
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
  // stamp[i] = j + 1 once row i is taken in column j: an O(1) repeat test with no clearing.
  const stamp = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    const column = stream.split(j);
    const base = j * vecNnz;
    for (let t = 0; t < vecNnz; t++) {
      let i = column.int(rows);
      while (stamp[i] === j + 1) i = column.int(rows);
      stamp[i] = j + 1;
      index[base + t] = i;
    }
    let word = 0;
    for (let t = 0; t < vecNnz; t++) {
      if (t % 32 === 0) word = column.uint32();
      value[base + t] = (word >>> (t % 32)) & 1 ? scale : -scale;
    }
  }
  return { index, value };
}
