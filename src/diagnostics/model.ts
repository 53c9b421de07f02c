import type { WeightFile, WeightTensor } from '../io/weights/tensor.js';
import type { Seed } from '../random/seed.js';
import { randomStream } from '../random/stream.js';
import { fitHtmp } from './htmp-fit.js';
import { analyzeSpectrum, type DiagnoseOptions, type LayerDiagnostics } from './layer.js';
import { permutations, pooledSquares, randomEsd } from './layer-spectra.js';
import { classifyPhase, type Phase } from './phases.js';
import { type Summary, summarize } from './summary.js';
import { weightWatcherColumns } from './ww/columns.js';
import { sliceSingularValues } from './ww/esd.js';
import type { WwColumns } from './ww/names.js';
import { type WwSlices, wwSlices } from './ww/slices.js';

/** A diagnosed layer: where it came from, and its metrics. */
export interface LayerRow extends LayerDiagnostics {
  file: string;
  name: string;
  /** The stored shape (size-1 dimensions included). */
  shape: number[];
  /** WeightWatcher's columns with its definitions (src/diagnostics/ww; docs/diagnostics.md). */
  ww: WwColumns;
  /** The 5+1 phase (classifyPhase) and the numbers that decided it. */
  phase: Phase;
  phase_evidence: string[];
  /** With the htmp option: κ of the HTMP_{γ,κ} fit (fitHtmp) and its Kolmogorov distance. */
  kappa?: number;
  htmp_distance?: number;
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
   * Layers with fewer pooled eigenvalues (M·rf) are skipped (WeightWatcher's min_evals, default
   * 10).
   */
  minEvals?: number;
  /** Layers with more pooled eigenvalues are skipped (max_evals, default 15000). */
  maxEvals?: number;
  /** Layers with a larger N are skipped (max_N, default 50000). */
  maxN?: number;
  /** Seed of the randomisation; each layer uses the child stream named after file and tensor. */
  seed?: Seed;
  /** Fit HTMP_{γ,κ} to each layer's ESD (fitHtmp; ~1 s per layer): adds kappa to the row. */
  htmp?: boolean;
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
 * Diagnoses every weight tensor of the given model files as WeightWatcher does: a 2-D tensor
 * (size-1 dimensions dropped) is one matrix; a Conv2D (4-D) or Conv1D (3-D) kernel is cut into
 * its rf slices whose eigenvalues are pooled (src/diagnostics/ww/slices.ts). Each row holds
 * rmtkit's metrics and, under `ww`, WeightWatcher's columns. Each slice (and each permuted copy)
 * gets one SVD whose values serve both: rmtkit's ESD is the unscaled s², and its randomised
 * spectrum is WeightWatcher's rand_distance copy. For a convolution rmtkit's metrics come from the
 * pooled (unscaled) eigenvalues without its MP fit and correlation traps, which assume one N×M
 * matrix; the `ww` block has WeightWatcher's. Every other tensor is listed in `skipped` with the
 * reason (integer type, no matrix reading, fewer than minEvals or more than maxEvals pooled
 * eigenvalues, N > maxN, non-finite entries), as are those the readers could not convert; none is
 * dropped silently. layer_id counts tensors in reading order, skipped included.
 * @example await diagnoseModel([readWeightFile('model.onnx')], { mpFit: true })
 */
export async function diagnoseModel(
  files: readonly WeightFile[],
  options: ModelOptions = {},
): Promise<ModelDiagnostics> {
  const skipped: SkippedLayer[] = [];
  const todo: Array<{ file: string; tensor: WeightTensor; slices: WwSlices; id: number }> = [];
  let id = 0;
  for (const file of files) {
    for (const s of file.skipped)
      skipped.push({ file: file.file, name: s.name, shape: [], reason: s.reason });
    for (const tensor of file.tensors) {
      const slices = layerSlices(tensor, options);
      if (typeof slices === 'string')
        skipped.push({ file: file.file, name: tensor.name, shape: tensor.shape, reason: slices });
      else todo.push({ file: file.file, tensor, slices, id });
      id++;
    }
  }
  const layers: LayerRow[] = [];
  for (const { file, tensor, slices, id } of todo) {
    const stream = randomStream(options.seed ?? 0).child(file, tensor.name);
    // One SVD per slice (and per permuted copy) serves both rmtkit's metrics and the ww block.
    const singular = await sliceSingularValues(slices.mats);
    const random = options.randomize
      ? await randomEsd(slices, permutations(slices, stream.child('ww')))
      : undefined;
    const ww = weightWatcherColumns(slices, id, tensor.name, {
      fixFingers: options.fixFingers ? 'clip_xmax' : undefined,
      mpFit: options.mpFit,
      singular,
      random,
    });
    const dense = slices.kind === 'dense';
    const M = dense ? slices.M : ww.numEvals;
    const own = analyzeSpectrum(
      { N: slices.N, M, evals: pooledSquares(singular) },
      dense && random ? { N: slices.N, M, evals: random.rand2 } : undefined,
      dense ? options : { ...options, mpFit: false, randomize: false },
    );
    const htmp = options.htmp ? fitHtmp(own.evals, own.N, own.M) : undefined;
    const call = classifyPhase({ evals: own.evals, N: own.N, M: own.M, fit: own.fit, htmp });
    layers.push({
      file,
      name: tensor.name,
      shape: tensor.shape,
      ...own,
      ww,
      phase: call.phase,
      phase_evidence: call.evidence,
      ...(htmp && { kappa: htmp.kappa, htmp_distance: htmp.distance }),
    });
    options.onLayer?.(layers.length, todo.length);
  }
  return { layers, skipped, summary: summarize(layers) };
}

/** The layer's slices, or why the tensor is not diagnosed. */
function layerSlices(t: WeightTensor, options: ModelOptions): WwSlices | string {
  if (!t.floating) return `not a floating-point tensor (${t.dtype})`;
  for (let k = 0; k < t.data.length; k++) {
    if (!Number.isFinite(t.data[k])) return `non-finite entries (${t.data[k]} at flat index ${k})`;
  }
  const slices = wwSlices(t.shape, t.data);
  if (typeof slices === 'string') return slices;
  const m = Math.min(slices.N, slices.M) * slices.rf;
  const minEvals = options.minEvals ?? 10;
  const maxEvals = options.maxEvals ?? 15000;
  const what = slices.rf > 1 ? `${slices.rf} slices × ${m / slices.rf}` : `${m}`;
  if (m < minEvals) return `too small: ${what} eigenvalues < min-evals ${minEvals}`;
  if (m > maxEvals) return `too large: ${what} eigenvalues > max-evals ${maxEvals}`;
  const maxN = options.maxN ?? 50000;
  if (Math.max(slices.N, slices.M) > maxN) return `too large: N > max-N ${maxN}`;
  return slices;
}
