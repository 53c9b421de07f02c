import { Matrix } from '../linalg/matrix.js';
import type { RandomStream } from '../random/stream.js';
import { assembleSketch } from './assemble.js';
import type { SketchDistribution, SketchingOperator } from './types.js';

/**
 * A long-axis-sparse sketch (row sampling) of shape l × n: row i of S is e_{k_i}ᵀ/√(l·p_{k_i})
 * with k_i drawn with replacement from `stream.split(i)`: `int(n)` for uniform sampling
 * (p = 1/n, scale √(n/l)), else the smallest k with u·P < p_0 + … + p_k for u = `uniform()` and
 * P the sum of the given probabilities (indices with p_k = 0 are never drawn). A larger l adds
 * rows (the first l indices unchanged, their scale changes with 1/√l); a different n or
 * different probabilities give different indices. Apply copies scaled rows and never forms S.
 * Arguments are validated by `sketchingOperator`.
 */
export function lasoSketch(
  distribution: SketchDistribution & { kind: 'laso' },
  rows: number,
  cols: number,
  stream: RandomStream,
  probabilities?: Float64Array,
): SketchingOperator {
  const index = new Int32Array(rows);
  const scale = new Float64Array(rows);
  const cumulative = probabilities && cumulativeSum(probabilities);
  const total = cumulative ? cumulative[cols - 1]! : 1;
  for (let i = 0; i < rows; i++) {
    const draw = stream.split(i);
    if (cumulative) {
      let k = search(cumulative, draw.uniform() * total);
      while (probabilities![k] === 0) k--; // u·P rounded up to P: the last positive p instead
      index[i] = k;
      scale[i] = 1 / Math.sqrt((rows * probabilities![k]!) / total);
    } else {
      index[i] = draw.int(cols);
      scale[i] = Math.sqrt(cols / rows);
    }
  }
  return assembleSketch(distribution, rows, cols, {
    mixesAll: false,
    left(a) {
      const k = a.cols;
      const out = new Float64Array(rows * k);
      for (let i = 0; i < rows; i++) {
        const from = index[i]! * k;
        const v = scale[i]!;
        for (let c = 0; c < k; c++) out[i * k + c] = v * a.data[from + c]!;
      }
      return Matrix.fromRowMajor(rows, k, out);
    },
    right(a) {
      const m = a.rows;
      const out = new Float64Array(m * rows);
      for (let r = 0; r < m; r++)
        for (let i = 0; i < rows; i++)
          out[r * rows + i] = scale[i]! * a.data[r * cols + index[i]!]!;
      return Matrix.fromRowMajor(m, rows, out);
    },
    dense() {
      const out = Matrix.zeros(rows, cols);
      for (let i = 0; i < rows; i++) out.data[i * cols + index[i]!] = scale[i]!;
      return out;
    },
  });
}

function cumulativeSum(p: Float64Array): Float64Array {
  const out = new Float64Array(p.length);
  let sum = 0;
  for (let k = 0; k < p.length; k++) out[k] = sum += p[k]!;
  return out;
}

/** The smallest k with target < cumulative[k] (binary search; target < cumulative[n − 1]). */
function search(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (target < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
