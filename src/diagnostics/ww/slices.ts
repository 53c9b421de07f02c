import { Matrix } from '../../linalg/matrix.js';

/**
 * A weight tensor cut into WeightWatcher's matrices: one for a dense layer, rf for a convolution.
 */
export interface WwSlices {
  kind: 'dense' | 'conv1d' | 'conv2d';
  /** The matrices whose singular values are pooled (WeightWatcher's Wmats). */
  mats: Matrix[];
  /** N and M as WeightWatcher reports them (see {@link wwSlices} for convolutions). */
  N: number;
  M: number;
  /** Receptive field: number of slices (kh·kw; 1 for a dense layer). */
  rf: number;
  /** Factor applied to every slice: √(1/2) for conv2d (WeightWatcher's conv2d_norm), else 1. */
  scale: number;
}

/**
 * Cuts a tensor into the matrices WeightWatcher analyses, or says why it cannot. Size-1 dimensions
 * are dropped first, except that a 4-D tensor is always a Conv2D (WeightWatcher's rule for state
 * dicts). 2-D: one matrix, N = max, M = min. 4-D [d0, d1, d2, d3]: channels are detected as
 * WeightWatcher's conv2D_Wmats does: if d0 + d1 ≥ d2 + d3 the slices are W[:, :, i, j] (PyTorch,
 * ONNX: [out, in, kh, kw]), else W[i, j, :, :] (TF.js, Keras: [kh, kw, in, out]); rf = kh·kw
 * slices, every slice scaled by √(1/2) (conv2d_norm, on by default in WeightWatcher). N, M start
 * as (out, in) and are swapped once per slice when the slice is wider than tall (out < in), and the
 * slice transposed, as in WeightWatcher 0.7.5: for an even rf they end unswapped, so N < M can be
 * reported. 3-D [out, in, k] with all dimensions > 1 (Conv1D): rmtkit's extension (WeightWatcher's
 * state-dict reader skips 3-D tensors): the k slices W[:, :, j] pooled like a Conv2D with kh = 1,
 * unscaled.
 * @example wwSlices([64, 32, 3, 3], data).rf // 9
 */
export function wwSlices(shape: readonly number[], data: Float64Array): WwSlices | string {
  if (shape.length === 4 && shape.every((d) => d > 0)) return conv2d(shape, data, 'conv2d');
  const dims = shape.filter((d) => d !== 1);
  if (dims.length === 2) {
    const [r, c] = dims as [number, number];
    return {
      kind: 'dense',
      mats: [Matrix.fromRowMajor(r, c, data)],
      N: Math.max(r, c),
      M: Math.min(r, c),
      rf: 1,
      scale: 1,
    };
  }
  if (dims.length === 3 && shape.length === 3)
    return conv2d([shape[0]!, shape[1]!, 1, shape[2]!], data, 'conv1d');
  if (dims.length < 2) return `a vector, not a matrix (shape [${shape.join(', ')}])`;
  return `${dims.length}-D tensor with no matrix reading (shape [${shape.join(', ')}]): only 2-D, Conv1D [out, in, k] and Conv2D 4-D kernels are sliced`;
}

function conv2d(shape: readonly number[], data: Float64Array, kind: 'conv1d' | 'conv2d'): WwSlices {
  const [d0, d1, d2, d3] = shape as [number, number, number, number];
  const last = d0 + d1 >= d2 + d3;
  // Matrix dims (a, b) per slice, slice grid (p, q).
  const [a, b, p, q] = last ? [d0, d1, d2, d3] : [d2, d3, d0, d1];
  let N = last ? d0 : d3;
  let M = last ? d1 : d2;
  const mats: Matrix[] = [];
  for (let i = 0; i < p; i++)
    for (let j = 0; j < q; j++) {
      const w = Matrix.zeros(a, b);
      for (let r = 0; r < a; r++)
        for (let c = 0; c < b; c++)
          w.data[r * b + c] = last
            ? data[((r * b + c) * p + i) * q + j]!
            : data[((i * q + j) * a + r) * b + c]!;
      // WeightWatcher's per-slice check (shape[0] < shape[1] for LAST, shape[1] < shape[0] for
      // FIRST): the slice is transposed (which orders its entries for the randomisation)
      if (last ? a < b : b < a) {
        [N, M] = [M, N];
        mats.push(w.transpose());
      } else mats.push(w);
    }
  return { kind, mats, N, M, rf: p * q, scale: kind === 'conv2d' ? Math.SQRT1_2 : 1 };
}
