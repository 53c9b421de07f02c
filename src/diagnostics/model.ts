import type { WeightFile, WeightTensor } from '../io/weights/tensor.js';
import { asyncLanes, parallelFlops, setBlasThreads } from '../linalg/backend.js';
import type { Seed } from '../random/seed.js';
import { randomStream } from '../random/stream.js';
import type { DiagnoseOptions, LayerDiagnostics } from './layer.js';
import {
  type LayerKind,
  type LayerKindOptions,
  type LayerReading,
  layerReadings,
} from './layer-kinds.js';
import { analyzeLayer, type PendingLayer } from './layer-row.js';
import { type LayerSpectra, layerSpectra } from './layer-spectra.js';
import type { Phase } from './phases.js';
import { sizeProblem, wwVerdict } from './reading-limits.js';
import type { SliceSpectra } from './slice-spectra.js';
import { checkSpectrumRoute, type SpectrumRoute } from './spectrum-route.js';
import { type Summary, summarize } from './summary.js';
import type { WwColumns } from './ww/names.js';

/** A diagnosed layer: where it came from, and its metrics. */
export interface LayerRow extends LayerDiagnostics {
  file: string;
  name: string;
  /** The stored shape (size-1 dimensions included). */
  shape: number[];
  /** What the layer is (layerReadings; docs/diagnostics.md, "Layer kinds"). */
  kind: LayerKind;
  /** 'ww': WeightWatcher's slicing of the tensor; 'rmtkit': rmtkit's own reading of it. */
  reading: 'ww' | 'rmtkit';
  /** The convolution's group count, where the model file records it (ONNX `group`). */
  groups?: number;
  /** With reading 'rmtkit': what WeightWatcher 0.7.5 does with the tensor (wwVerdict). */
  ww_reading?: string;
  /** WeightWatcher's columns with its definitions (src/diagnostics/ww; docs/diagnostics.md). */
  ww: WwColumns;
  /** The 5+1 phase (classifyPhase) and the numbers that decided it. */
  phase: Phase;
  phase_evidence: string[];
  /** With the htmp option: κ of the HTMP_{γ,κ} fit (fitHtmp) and its Kolmogorov distance. */
  kappa?: number;
  htmp_distance?: number;
  /** The decomposition that gave the spectrum (see {@link ModelOptions.spectrum}). */
  esd_method: SliceSpectra['method'];
}

/** A tensor left out, and why. */
export interface SkippedLayer {
  file: string;
  name: string;
  shape: number[];
  reason: string;
}

/** Options of {@link diagnoseModel}: the layer options plus size limits. */
export interface ModelOptions extends Omit<DiagnoseOptions, 'seed'>, LayerKindOptions {
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
  /**
   * How each slice's spectrum is computed (default 'auto': the Gram matrix and its eigenvalues
   * where they resolve the whole spectrum, else an SVD; see sliceSpectra and docs/diagnostics.md).
   */
  spectrum?: SpectrumRoute;
  /**
   * Compute the next layers' decompositions (off the main thread) while this one is analysed
   * (default true): one layer ahead, or one per core while OpenBLAS is fixed at one thread
   * (asyncLanes). Results are the same either way, bit for bit.
   */
  overlap?: boolean;
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
 * its rf slices whose eigenvalues are pooled (src/diagnostics/ww/slices.ts). Layer kinds
 * (layerReadings): a depthwise kernel is by default one channels × taps matrix (rmtkit's reading,
 * `depthwise`), a fused QKV projection three layers `<name>[q]`, `[k]`, `[v]` (`splitQkv`);
 * grouped convolutions and embeddings are sliced as WeightWatcher does; each row says its
 * `kind` and `reading`, and where the reading is rmtkit's, `ww_reading` says what WeightWatcher
 * does instead. Each row holds
 * rmtkit's metrics and, under `ww`, WeightWatcher's columns. Each slice (and each permuted copy)
 * is decomposed once, and its singular values serve both: rmtkit's ESD is the unscaled s², and
 * its randomised spectrum is WeightWatcher's rand_distance copy. The decomposition is the Gram
 * matrix's eigenvalues where they resolve the spectrum, else an SVD (`spectrum`, `esd_method`);
 * the next layer's is computed while this one is analysed (`overlap`). For a convolution rmtkit's
 * metrics come from the pooled (unscaled) eigenvalues without its MP fit and correlation traps,
 * which assume one N×M matrix; the `ww` block has WeightWatcher's. Every other tensor is listed in
 * `skipped` with the reason (integer type, no matrix reading, fewer than minEvals or more than
 * maxEvals pooled eigenvalues, N > maxN, non-finite entries), as are those the readers could not
 * convert; none is dropped silently. layer_id counts tensors in reading order, skipped included.
 * The decompositions read the tensors' data in place, without copying them (a 4096 × 11008 layer
 * is 360 MB): leave the data unmodified, and its buffers untransferred, until the promise
 * settles; diagnoseModel never modifies it.
 * @example await diagnoseModel([readWeightFile('model.onnx')], { mpFit: true })
 */
export async function diagnoseModel(
  files: readonly WeightFile[],
  options: ModelOptions = {},
): Promise<ModelDiagnostics> {
  checkSpectrumRoute('spectrum', options.spectrum ?? 'auto');
  const skipped: SkippedLayer[] = [];
  const todo: PendingLayer[] = [];
  let id = 0;
  for (const file of files) {
    for (const s of file.skipped)
      skipped.push({ file: file.file, name: s.name, shape: [], reason: s.reason });
    for (const tensor of file.tensors) {
      const readings = layerSlices(tensor, options);
      if (typeof readings === 'string')
        skipped.push({ file: file.file, name: tensor.name, shape: tensor.shape, reason: readings });
      else
        for (const reading of readings) {
          const problem = sizeProblem(reading.slices, options);
          if (problem === undefined) {
            const row = rowKind(reading, options);
            todo.push({ file: file.file, tensor, slices: reading.slices, id, ...row });
          } else {
            const reason = explain(problem, reading, options);
            skipped.push({ file: file.file, name: reading.name, shape: tensor.shape, reason });
          }
        }
      id++;
    }
  }
  // Eigenvalue levels the analysis compares against, in unscaled units: WeightWatcher's weak-rank
  // tolerance and fit threshold (on the scaled λ) and rmtkit's fit threshold.
  const levels = (scale: number) => [
    1e-6 / scale ** 2,
    1e-5 / scale ** 2,
    options.threshold ?? 1e-5,
  ];
  const spectra = (k: number): Promise<LayerSpectra> => {
    const { file, slices, name } = todo[k]!;
    const stream = randomStream(options.seed ?? 0).child(file, name);
    return layerSpectra(
      slices,
      options.spectrum ?? 'auto',
      levels(slices.scale),
      options.randomize ? stream.child('ww') : undefined,
    );
  };
  const layers: LayerRow[] = [];
  // The next layers' decompositions (native, off the main thread) run during this layer's
  // analysis (JS, on it): as many layers as the backend decomposes at once (asyncLanes: one per
  // core while OpenBLAS is fixed at one thread), none without overlap. Each layer's numbers
  // depend only on its own tensor and stream. The catch only marks a failure as handled should an
  // analysis throw first.
  const restore = sideBySide(todo, options) ? singleThreadLanes() : undefined;
  try {
    const ahead = options.overlap !== false ? asyncLanes() : 0;
    const inFlight: Promise<LayerSpectra>[] = [];
    let started = 0;
    const startUpTo = (end: number) => {
      for (; started < Math.min(end, todo.length); started++) {
        const job = spectra(started);
        job.catch(() => undefined);
        inFlight.push(job);
      }
    };
    for (let k = 0; k < todo.length; k++) {
      startUpTo(k + 1);
      const current = await inFlight.shift()!;
      startUpTo(k + 1 + ahead);
      layers.push(analyzeLayer(todo[k]!, current, options));
      options.onLayer?.(layers.length, todo.length);
    }
  } finally {
    if (restore !== undefined) setBlasThreads(restore);
  }
  return { layers, skipped, summary: summarize(layers) };
}

/**
 * Whether the layers' decompositions would each run on one thread anyway (every eigenvalue
 * solve below the backend's threshold for taking every thread), so that running one layer per
 * core costs nothing and divides the wall time (docs/diagnostics.md, "Many layers").
 */
function sideBySide(todo: readonly PendingLayer[], options: ModelOptions): boolean {
  if (options.overlap === false || todo.length < 2) return false;
  const threshold = parallelFlops('eigvalsh');
  return todo.every(({ slices }) => (4 / 3) * Math.min(slices.N, slices.M) ** 3 < threshold);
}

/**
 * Fixes OpenBLAS at one thread, so that the native queue runs one job per core, and returns the
 * setting to restore; undefined (and nothing changed) where a count was already fixed by the
 * user or the environment, which wins.
 */
function singleThreadLanes(): number | 'auto' | undefined {
  const previous = setBlasThreads(1);
  if (previous === 'auto') return previous;
  if (previous !== undefined) setBlasThreads(previous);
  return undefined;
}

/** The layers read from a tensor, or why the tensor is not diagnosed. */
function layerSlices(t: WeightTensor, options: ModelOptions): LayerReading[] | string {
  if (!t.floating) return `not a floating-point tensor (${t.dtype})`;
  for (let k = 0; k < t.data.length; k++) {
    if (!Number.isFinite(t.data[k])) return `non-finite entries (${t.data[k]} at flat index ${k})`;
  }
  return layerReadings(t, options);
}

/** The row's name and the fields that say what the layer is and how it was read. */
function rowKind(reading: LayerReading, options: ModelOptions): Pick<PendingLayer, 'name' | 'row'> {
  const { name, kind, groups } = reading;
  return {
    name,
    row: {
      kind,
      reading: reading.reading,
      ...(groups !== undefined && { groups }),
      ...(reading.wwSlices !== undefined && { ww_reading: wwVerdict(reading.wwSlices, options) }),
    },
  };
}

/**
 * A size problem, with the layer kind, the matrix rmtkit read and WeightWatcher's verdict where
 * the tensor is not a plain dense or convolution layer.
 */
function explain(problem: string, reading: LayerReading, options: ModelOptions): string {
  const { kind, slices, groups } = reading;
  if (kind === 'dense' || kind === 'conv1d' || kind === 'conv2d') return problem;
  const w = slices.mats[0]!;
  const read = reading.reading === 'rmtkit' ? `, read as one ${w.rows} × ${w.cols} matrix` : '';
  const ww = reading.wwSlices === undefined ? '' : `; ${wwVerdict(reading.wwSlices, options)}`;
  return `${problem} (${kind}${groups ? ` with group ${groups}` : ''}${read}${ww})`;
}
