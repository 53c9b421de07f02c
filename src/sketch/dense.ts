import { InvalidArgumentError } from '../errors.js';
import { kernel } from '../linalg/backend.js';
import { Matrix } from '../linalg/matrix.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import type { RandomStream } from '../random/stream.js';
import { assembleSketch, BLOCK_ENTRIES } from './assemble.js';
import type { SketchDistribution, SketchingOperator } from './types.js';

type DenseKind = 'gaussian' | 'uniform' | 'rademacher';

/**
 * A dense sketch (gaussian, uniform or rademacher) of shape l × n. Row i of the unscaled S
 * (unit-variance entries) is drawn from `stream.split(i)` in column order: N(0, 1) by
 * `normal()`, √3·(2u − 1) by `uniform()`, or ±1 from bit j mod 32 of the ⌊j/32⌋-th `uint32()`
 * word (set bit ⇒ +1); S is that matrix times 1/√l. So a larger l adds rows (the first rows
 * equal up to the scale) and a larger n extends every row. The products generate S in blocks
 * of rows ({@link BLOCK_ENTRIES} entries at most, a single row when n is larger) and multiply
 * each with the backend's gemm, so memory stays bounded however large l·n is.
 * Arguments are validated by `sketchingOperator`.
 */
export function denseSketch(
  distribution: SketchDistribution & { kind: DenseKind },
  rows: number,
  cols: number,
  stream: RandomStream,
): SketchingOperator {
  const kind = distribution.kind;
  const scale = 1 / Math.sqrt(rows);
  const blockRows = Math.max(1, Math.min(rows, Math.floor(BLOCK_ENTRIES / cols)));
  /** Runs `use(i0, block)` over blocks of unscaled rows of S (block is b × n). */
  const eachBlock = (use: (i0: number, block: Matrix) => void): void => {
    const buffer = new Float64Array(blockRows * cols);
    for (let i0 = 0; i0 < rows; i0 += blockRows) {
      const b = Math.min(blockRows, rows - i0);
      for (let r = 0; r < b; r++)
        fillRow(kind, stream.split(i0 + r), buffer.subarray(r * cols, (r + 1) * cols));
      use(i0, Matrix.fromRowMajor(b, cols, buffer.subarray(0, b * cols)));
    }
  };
  return assembleSketch(distribution, rows, cols, {
    mixesAll: true,
    left(a) {
      const out = Matrix.zeros(rows, a.cols);
      const gemm = kernel('gemm'); // the backend active now
      eachBlock((i0, s) => out.data.set(gemm(s, a, false, false, scale).data, i0 * a.cols));
      return out;
    },
    right(a) {
      const out = Matrix.zeros(a.rows, rows);
      const gemm = kernel('gemm');
      eachBlock((i0, s) => {
        const y = gemm(a, s, false, true, scale).data; // a.rows × b
        for (let r = 0; r < a.rows; r++)
          out.data.set(y.subarray(r * s.rows, (r + 1) * s.rows), r * rows + i0);
      });
      return out;
    },
    operator(a: LinearOperator) {
      // S·A = (Aᵀ·Sᵀ)ᵀ, one block of rows of S (columns of Sᵀ) per rmatmat call.
      const out = Matrix.zeros(rows, a.cols);
      eachBlock((i0, s) => {
        const y = checkShape(a.rmatmat(s.transpose()), a.cols, s.rows, cols).data;
        for (let r = 0; r < a.cols; r++)
          for (let c = 0; c < s.rows; c++)
            out.data[(i0 + c) * a.cols + r] = scale * y[r * s.rows + c]!;
      });
      return out;
    },
    dense() {
      const out = Matrix.zeros(rows, cols);
      eachBlock((i0, s) => {
        for (let k = 0; k < s.data.length; k++) out.data[i0 * cols + k] = s.data[k]! * scale;
      });
      return out;
    },
  });
}

/** Fills `out` with unit-variance entries of the given kind from `stream`. */
export function fillRow(kind: DenseKind, stream: RandomStream, out: Float64Array): void {
  const n = out.length;
  if (kind === 'gaussian') stream.fill(out, 'normal');
  else if (kind === 'uniform') {
    stream.fill(out, 'uniform');
    for (let j = 0; j < n; j++) out[j] = Math.sqrt(3) * (2 * out[j]! - 1);
  } else {
    for (let j = 0; j < n; j += 32) {
      const word = stream.uint32();
      const end = Math.min(32, n - j);
      for (let bit = 0; bit < end; bit++) out[j + bit] = (word >>> bit) & 1 ? 1 : -1;
    }
  }
}

/** Returns y when it is rows × cols, the shape rmatmat must give for an n × cols input. */
function checkShape(y: Matrix, rows: number, cols: number, n: number): Matrix {
  if (y.rows !== rows || y.cols !== cols)
    throw new InvalidArgumentError(
      'a',
      `must return a ${rows}×${cols} matrix from rmatmat of an ${n}×${cols} one`,
      `${y.rows}×${y.cols}`,
    );
  return y;
}
