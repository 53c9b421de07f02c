import { Matrix } from '../linalg/matrix.js';
import type { RandomStream } from '../random/stream.js';
import { assembleSketch } from './assemble.js';
import { ceilPow2, fwhtColumns } from './fwht.js';
import { loadSigned } from './srht-load.js';
import type { SketchDistribution, SketchingOperator } from './types.js';

/** Columns of the input transformed together (the padded buffer is n′ × this). */
const BLOCK_WIDTH = 32;

/**
 * A subsampled randomised Hadamard transform of shape l × n: S = P·H·D/√l on the zero-padded
 * length n′ = 2^⌈log₂ n⌉ (so E[SᵀS] = I_n and every entry is ±1/√l). The signs of D come from
 * `stream.child('signs')`, d_j = +1 when bit j mod 32 of its ⌊j/32⌋-th `uint32()` word is set;
 * the l distinct rows of H that P keeps are `stream.child('rows').choice(n′, l)`, in that order.
 * A larger l with the same n′ adds rows (the first l unchanged up to the 1/√l scale); a larger
 * n with the same n′ extends every row; a larger n′ changes the rows. The products transform
 * blocks of {@link BLOCK_WIDTH} columns with the cache-blocked {@link fwhtColumns} in one
 * reused n′ × width buffer (S is never formed): O(n′·log₂ n′) per column.
 * Arguments are validated by `sketchingOperator` (l ≤ n′).
 */
export function srhtSketch(
  distribution: SketchDistribution & { kind: 'srht' },
  rows: number,
  cols: number,
  stream: RandomStream,
): SketchingOperator {
  const padded = ceilPow2(cols);
  const signs = new Float64Array(cols);
  const signStream = stream.child('signs');
  let word = 0;
  for (let j = 0; j < cols; j++) {
    if (j % 32 === 0) word = signStream.uint32();
    signs[j] = (word >>> (j % 32)) & 1 ? 1 : -1;
  }
  const kept = stream.child('rows').choice(padded, rows);
  const scale = 1 / Math.sqrt(rows);
  /**
   * S applied to the k columns of an n × k input whose entry (j, c) is src[j·rs + c·cs], written
   * to entry (i, c) = out[i·ors + c·ocs] of the l × k result.
   */
  const apply = (
    src: Float64Array,
    k: number,
    rs: number,
    cs: number,
    ors: number,
    ocs: number,
  ) => {
    const out = new Float64Array(rows * k);
    const width = Math.min(BLOCK_WIDTH, k);
    const buffer = new Float64Array(padded * width);
    for (let c0 = 0; c0 < k; c0 += width) {
      const b = Math.min(width, k - c0);
      const block = buffer.subarray(0, padded * b);
      fwhtColumns(block, padded, b, loadSigned(src, rs, cs, c0, b, signs, block));
      for (let i = 0; i < rows; i++)
        for (let c = 0; c < b; c++)
          out[i * ors + (c0 + c) * ocs] = scale * block[kept[i]! * b + c]!;
    }
    return out;
  };
  return assembleSketch(distribution, rows, cols, {
    mixesAll: true,
    left: (a) => Matrix.fromRowMajor(rows, a.cols, apply(a.data, a.cols, a.cols, 1, a.cols, 1)),
    right: (a) => Matrix.fromRowMajor(a.rows, rows, apply(a.data, a.rows, 1, cols, 1, rows)),
    dense() {
      const out = Matrix.zeros(rows, cols);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++)
          out.data[i * cols + j] = (popcount(kept[i]! & j) & 1 ? -scale : scale) * signs[j]!;
      return out;
    },
  });
}

function popcount(x: number): number {
  let count = 0;
  for (let v = x; v !== 0; v &= v - 1) count++;
  return count;
}
