// What a weight tensor is in its model (dense, convolution, depthwise or grouped convolution,
// embedding, fused attention projection) and the matrices diagnosed for it. docs/diagnostics.md,
// "Layer kinds", has the rules and WeightWatcher 0.7.5's treatment of each kind.
import type { TensorUse, WeightTensor } from '../io/weights/tensor.js';
import { Matrix } from '../linalg/matrix.js';
import { denseSlices, depthwiseMatrix, splitFused } from './kind-matrices.js';
import { type WwSlices, wwSlices } from './ww/slices.js';

/** What a diagnosed layer is (the `kind` of its row). */
export type LayerKind =
  | 'dense'
  | 'conv1d'
  | 'conv2d'
  | 'depthwise'
  | 'grouped'
  | 'embedding'
  | 'qkv';

/** Options of {@link layerReadings} (and of diagnoseModel). */
export interface LayerKindOptions {
  /**
   * Fused attention projections: 'auto' (default) diagnoses `<name>[q]`, `[k]`, `[v]` when the
   * name says the tensor is fused and one dimension is three times the other; 'never' keeps the
   * fused matrix, as WeightWatcher does.
   */
  splitQkv?: 'auto' | 'never';
  /**
   * Depthwise kernels: 'matrix' (default) one C × (mult·taps) matrix, rmtkit's reading; 'slices'
   * WeightWatcher's rf slices of C × 1 (pooled; under min_evals for a 3 × 3 kernel).
   */
  depthwise?: 'matrix' | 'slices';
}

/** One matrix set diagnosed for a tensor (a split QKV tensor gives three). */
export interface LayerReading {
  /** The row's name: the tensor's, or `<name>[q]`, `[k]`, `[v]` for a split projection. */
  name: string;
  kind: LayerKind;
  slices: WwSlices;
  /** 'ww': WeightWatcher's slicing of the tensor; 'rmtkit': rmtkit's own reading. */
  reading: 'ww' | 'rmtkit';
  /** The convolution's `group` attribute, for 'grouped' and 'depthwise' layers read from ONNX. */
  groups?: number;
  /**
   * With reading 'rmtkit': WeightWatcher's slicing of the same tensor (or what it does instead).
   */
  wwSlices?: WwSlices | string;
}

/**
 * The layers diagnosed for a tensor, or why none is. ONNX graphs say how a tensor is used
 * (`tensor.uses`); other formats are read by shape and name:
 * - depthwise: a Conv input with `group` > 1 and one input channel per group `[C·mult, 1, …]`; with
 *   no graph, `[C, 1, kh, kw]` (C + 1 ≥ kh + kw, WeightWatcher's test for `[out, in, kh, kw]`) or
 *   `[C, 1, k]`, or a 4-D kernel named *depthwise* in TF.js layout `[kh, kw, C, mult]`;
 * - grouped: a Conv input with 1 < `group` and several input channels per group, sliced as any
 *   convolution;
 * - embedding: a 2-D tensor fed to Gather as its data, or whose own name is wte, wpe,
 *   embed_tokens or ends in embedding(s);
 * - qkv: a 2-D tensor named in_proj_weight, c_attn, qkv, Wqkv, qkv_proj with shape [3d, d] or
 *   [d, 3d] (split unless `splitQkv` is 'never');
 * - everything else as {@link wwSlices} cuts it (dense, conv1d, conv2d) or its reason.
 * @example layerReadings(tensor, { splitQkv: 'auto' }).map((r) => r.name)
 */
export function layerReadings(
  tensor: WeightTensor,
  options: LayerKindOptions = {},
): LayerReading[] | string {
  const { name, shape, data } = tensor;
  const ww = wwSlices(shape, data);
  const conv = tensor.uses?.find((u) => u.op === 'Conv' && u.input === 1);
  const depthwise = depthwiseLayout(tensor, conv);
  if (depthwise) {
    const groups = conv?.group;
    if (options.depthwise === 'slices') {
      if (typeof ww === 'string') return ww;
      return [{ name, kind: 'depthwise', slices: ww, reading: 'ww', ...(groups && { groups }) }];
    }
    const channels = depthwise === 'channels-first' ? (groups ?? shape[0]!) : shape[2]!;
    const w = depthwiseMatrix(shape, data, depthwise, channels);
    return [
      {
        name,
        kind: 'depthwise',
        slices: denseSlices(w),
        reading: 'rmtkit',
        ...(groups && { groups }),
        wwSlices: shape.length === 3 ? WW_NO_3D : ww,
      },
    ];
  }
  if (typeof ww === 'string') return ww;
  const group = conv?.group ?? 1;
  if (group > 1) return [{ name, kind: 'grouped', slices: ww, reading: 'ww', groups: group }];
  if (ww.kind !== 'dense') return [{ name, kind: ww.kind, slices: ww, reading: 'ww' }];
  if (options.splitQkv !== 'never' && shape.length === 2 && isFusedQkv(name, shape)) {
    const parts = splitFused(Matrix.fromRowMajor(shape[0]!, shape[1]!, data));
    return parts.map((w, k) => ({
      name: `${name}[${'qkv'[k]}]`,
      kind: 'qkv',
      slices: denseSlices(w),
      reading: 'rmtkit',
      wwSlices: ww,
    }));
  }
  const embedding =
    tensor.uses?.some((u) => u.op === 'Gather' && u.input === 0) || isEmbeddingName(name);
  return [{ name, kind: embedding ? 'embedding' : 'dense', slices: ww, reading: 'ww' }];
}

/**
 * WeightWatcher 0.7.5 types ONNX initializers and state-dict tensors by rank alone (2: dense,
 * 4: Conv2D); a 3-D kernel is LAYER_TYPE.UNKNOWN, which layer_supported rejects.
 */
const WW_NO_3D = 'reads no 3-D tensor from ONNX files or state dicts (layer type UNKNOWN): skipped';

/** The layout of a depthwise kernel, or undefined when the tensor is not one. */
function depthwiseLayout(
  tensor: WeightTensor,
  conv: TensorUse | undefined,
): 'channels-first' | 'channels-last' | undefined {
  const { shape } = tensor;
  const taps = shape.slice(2).reduce((a, b) => a * b, 1);
  if (conv) {
    // ONNX Conv weights are [out, in/group, …kernel]: one input channel per group is depthwise.
    const group = conv.group ?? 1;
    const ok = group > 1 && shape.length >= 3 && shape[1] === 1 && shape[0]! % group === 0;
    return ok ? 'channels-first' : undefined;
  }
  if (shape.length === 3 && shape[0]! > 1 && shape[1] === 1 && taps > 1) return 'channels-first';
  if (shape.length !== 4) return undefined;
  const [d0, d1, d2, d3] = shape as [number, number, number, number];
  if (d1 === 1 && d0 > 1 && d2 * d3 > 1 && d0 + d1 >= d2 + d3) return 'channels-first';
  if (/depthwise/i.test(tensor.name) && d0 * d1 > 1 && d0 + d1 < d2 + d3) return 'channels-last';
  return undefined;
}

/**
 * Whether a name marks a fused q/k/v projection with contiguous blocks. GPT-NeoX's and BLOOM's
 * `query_key_value` is not matched: it interleaves q, k and v head by head, and the head count
 * that would undo it is not in the weights.
 */
function isFusedQkv(name: string, shape: readonly number[]): boolean {
  const [r, c] = shape as [number, number];
  return (r === 3 * c || c === 3 * r) && /in_proj_weight|c_attn|qkv/i.test(name);
}

/**
 * Whether the layer's own name (the path component before a trailing `weight`) is an embedding's.
 */
function isEmbeddingName(name: string): boolean {
  const parts = name.split(/[./:]/).filter((p) => p !== '');
  if (parts.length > 1 && /^(weight|kernel)$/i.test(parts[parts.length - 1]!)) parts.pop();
  const own = parts[parts.length - 1] ?? '';
  return /^(wte|wpe|embed_in|embed_tokens|embed_positions|\w*embeddings?)$/i.test(own);
}
