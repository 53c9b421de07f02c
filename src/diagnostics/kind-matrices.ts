// The matrices of rmtkit's own readings of a tensor, where they differ from WeightWatcher's
// slicing (docs/diagnostics.md, "Layer kinds"): a depthwise kernel as one channels × taps matrix,
// a fused QKV projection as its three parts.
import { Matrix } from '../linalg/matrix.js';
import type { WwSlices } from './ww/slices.js';

/**
 * One matrix as WeightWatcher reads a dense layer: N = max, M = min, rf = 1, unscaled.
 * @example denseSlices(Matrix.zeros(4, 9)).N // 9
 */
export function denseSlices(w: Matrix): WwSlices {
  const N = Math.max(w.rows, w.cols);
  const M = Math.min(w.rows, w.cols);
  return { kind: 'dense', mats: [w], N, M, rf: 1, scale: 1 };
}

/**
 * A depthwise kernel as one C × (mult·taps) matrix, row c holding every weight of input channel c:
 * column m·taps + t is tap t (row-major over the kernel window) of its m-th output. `layout`
 * 'channels-first' is PyTorch/ONNX `[C·mult, 1, …kernel]` (output channel c·mult + m, as
 * grouped convolutions number them), 'channels-last' is TF.js/Keras `[kh, kw, C, mult]`. Both
 * layouts of the same layer give the same matrix.
 * @example depthwiseMatrix([8, 1, 3, 3], data, 'channels-first', 8).rows // 8
 */
export function depthwiseMatrix(
  shape: readonly number[],
  data: Float64Array,
  layout: 'channels-first' | 'channels-last',
  channels: number,
): Matrix {
  if (layout === 'channels-first') {
    // [C·mult, 1, …kernel] in C order is already row c = (m, tap) for c = 0…C−1.
    return Matrix.fromRowMajor(channels, data.length / channels, data);
  }
  const [kh, kw, C, mult] = shape as [number, number, number, number];
  const taps = kh * kw;
  const w = Matrix.zeros(C, mult * taps);
  for (let t = 0; t < taps; t++)
    for (let c = 0; c < C; c++)
      for (let m = 0; m < mult; m++)
        w.data[c * mult * taps + m * taps + t] = data[(t * C + c) * mult + m]!;
  return w;
}

/**
 * The three d × d parts of a fused projection: rows [0, d), [d, 2d), [2d, 3d) of a [3d, d] matrix
 * (PyTorch's `in_proj_weight`, `qkv`/`Wqkv` linear layers: [out, in]), or the same column blocks of
 * a [d, 3d] one (GPT-2's Conv1D `c_attn`: [in, out]); in the order q, k, v.
 * @example splitFused(Matrix.zeros(12, 4)).map((w) => w.rows) // [4, 4, 4]
 */
export function splitFused(w: Matrix): [Matrix, Matrix, Matrix] {
  const byRows = w.rows === 3 * w.cols;
  const d = byRows ? w.cols : w.rows;
  const part = (k: number): Matrix => {
    const p = Matrix.zeros(d, d);
    for (let r = 0; r < d; r++)
      for (let c = 0; c < d; c++)
        p.data[r * d + c] = byRows ? w.data[(k * d + r) * d + c]! : w.data[r * 3 * d + k * d + c]!;
    return p;
  };
  return [part(0), part(1), part(2)];
}
