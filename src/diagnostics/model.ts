import type { WeightFile, WeightTensor } from '../io/weights/tensor.js';
import { Matrix } from '../linalg/matrix.js';
import type { Seed } from '../random/seed.js';
import { randomStream } from '../random/stream.js';
import { type DiagnoseOptions, diagnoseMatrixAsync, type LayerDiagnostics } from './layer.js';
import { type Summary, summarize } from './summary.js';

/** A diagnosed layer: where it came from, and its metrics. */
export interface LayerRow extends LayerDiagnostics {
  file: string;
  name: string;
  /** The stored shape (size-1 dimensions included). */
  shape: number[];
}

/** A tensor left out, and why. */
export interface SkippedLayer {
  file: string;
  name: string;
  shape: number[];
  reason: string;
}

/** Options of {@link diagnoseModel}: the layer options plus size limits. */
export interface ModelOptions extends Omit<DiagnoseOptions, 'seed'> {
  /**
   * Layers with fewer eigenvalues (min(N, M)) are skipped (WeightWatcher's min_evals, default 10).
   */
  minEvals?: number;
  /** Layers with more eigenvalues are skipped (max_evals, default 15000). */
  maxEvals?: number;
  /** Seed of the randomisation; each layer uses the child stream named after file and tensor. */
  seed?: Seed;
  /** Called after each layer (for progress bars). */
  onLayer?: (done: number, total: number) => void;
}

/** The result for a whole model. */
export interface ModelDiagnostics {
  layers: LayerRow[];
  skipped: SkippedLayer[];
  summary: Summary;
}

/**
 * Diagnoses every weight matrix of the given model files. A tensor is a layer if it is floating
 * point, finite and 2-D once its size-1 dimensions are dropped (a [1, 256, 64] LSTM weight or a
 * [32, 16, 1] pointwise convolution are matrices); others are skipped with a reason (integer
 * tensor, not 2-D, fewer than minEvals or more than maxEvals eigenvalues, non-finite entries),
 * as are the tensors the readers could not convert.
 * @example await diagnoseModel([readWeightFile('model.onnx')], { mpFit: true })
 */
export async function diagnoseModel(
  files: readonly WeightFile[],
  options: ModelOptions = {},
): Promise<ModelDiagnostics> {
  const minEvals = options.minEvals ?? 10;
  const maxEvals = options.maxEvals ?? 15000;
  const skipped: SkippedLayer[] = [];
  const todo: Array<{ file: string; tensor: WeightTensor; matrix: Matrix }> = [];
  for (const file of files) {
    for (const s of file.skipped)
      skipped.push({ file: file.file, name: s.name, shape: [], reason: s.reason });
    for (const tensor of file.tensors) {
      const reason = skipReason(tensor, minEvals, maxEvals);
      if (reason) skipped.push({ file: file.file, name: tensor.name, shape: tensor.shape, reason });
      else {
        const [rows, cols] = tensor.shape.filter((d) => d !== 1);
        todo.push({
          file: file.file,
          tensor,
          matrix: Matrix.fromRowMajor(rows!, cols!, tensor.data),
        });
      }
    }
  }
  const layers: LayerRow[] = [];
  for (const { file, tensor, matrix } of todo) {
    const seed = options.randomize
      ? randomStream(options.seed ?? 0).child(file, tensor.name)
      : undefined;
    const d = await diagnoseMatrixAsync(matrix, { ...options, seed });
    layers.push({ file, name: tensor.name, shape: tensor.shape, ...d });
    options.onLayer?.(layers.length, todo.length);
  }
  return { layers, skipped, summary: summarize(layers) };
}

/** Why a tensor is not diagnosed, or '' if it is a layer. */
function skipReason(t: WeightTensor, minEvals: number, maxEvals: number): string {
  if (!t.floating) return `not a floating-point tensor (${t.dtype})`;
  const dims = t.shape.filter((d) => d !== 1);
  if (dims.length !== 2) return `not 2-D (shape [${t.shape.join(', ')}])`;
  const m = Math.min(dims[0]!, dims[1]!);
  if (m < minEvals) return `too small: ${m} eigenvalues < min-evals ${minEvals}`;
  if (m > maxEvals) return `too large: ${m} eigenvalues > max-evals ${maxEvals}`;
  for (let k = 0; k < t.data.length; k++) {
    if (!Number.isFinite(t.data[k])) return `non-finite entries (${t.data[k]} at flat index ${k})`;
  }
  return '';
}
