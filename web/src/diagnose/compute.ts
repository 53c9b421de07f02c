import { diagnoseModel, type ModelOptions } from '../../../src/diagnostics/model.js';
import {
  csvReport,
  jsonReport,
  reportColumns,
  requireLayers,
} from '../../../src/diagnostics/report.js';
import type { SpectrumRoute } from '../../../src/diagnostics/slice-spectra.js';
import { DataFormatError } from '../../../src/errors.js';
import { readWeightBytes } from '../../../src/io/weights/weight-bytes.js';
import { renderEsdSvg } from './esd-plot.js';
import { esdOverlaySpec } from './esd-spec.js';

/** The options of the page, named as `rmtkit diagnose`'s flags. */
export interface DiagnoseSettings {
  mpFit: boolean;
  htmp: boolean;
  randomize: boolean;
  fingers: boolean;
  fit: 'pl' | 'tpl';
  /** How each layer's spectrum is computed: the Gram matrix where it resolves it, or an SVD. */
  spectrum: SpectrumRoute;
  /** Fused attention projections split into q, k, v ('auto') or kept whole ('never'). */
  splitQkv: 'auto' | 'never';
  /** Depthwise kernels as one channels × taps matrix, or WeightWatcher's slices. */
  depthwise: 'matrix' | 'slices';
  minEvals: number;
  maxEvals: number;
  seed: number;
}

/** `rmtkit diagnose`'s defaults plus the MP and HTMP fits, which the page's plots draw. */
export const DEFAULT_SETTINGS: DiagnoseSettings = {
  mpFit: true,
  htmp: true,
  randomize: false,
  fingers: false,
  fit: 'pl',
  spectrum: 'auto',
  splitQkv: 'auto',
  depthwise: 'matrix',
  minEvals: 10,
  maxEvals: 15000,
  seed: 0,
};

/** What the worker answers: the CLI's JSON and CSV reports, one plot spec per layer. */
export interface DiagnoseOutput {
  /** Exactly what `rmtkit diagnose --json` prints for the same files and flags (parsed). */
  report: {
    files: Array<{ file: string; format: string; tensors: number }>;
    layers: Array<Record<string, unknown>>;
    summary: Record<string, unknown>;
    skipped: Array<{ file: string; name: string; shape: number[]; reason: string }>;
  };
  /** The table's columns in order: file, name, shape and the CLI's columns for these flags. */
  columns: string[];
  /** What `rmtkit diagnose --csv` prints. */
  csv: string;
  /** Each layer's log–log ESD with its fits as an SVG document (esdOverlaySpec, renderEsdSvg). */
  plots: string[];
  /** Files that could not be read, with the reader's message. */
  errors: Array<{ file: string; message: string }>;
  /** Milliseconds spent reading, diagnosing and drawing the plots. */
  ms: { read: number; diagnose: number; plots: number };
}

/**
 * Diagnoses the models among `files` (path → bytes) as `rmtkit diagnose <folder>` does with the
 * same flags: the same readers (from bytes), the same diagnoseModel, the same report functions.
 * @param onProgress called after each layer with (done, total).
 * @param plotWidth the width of the plots in px (see plotWidth in esd-plot.ts).
 * @throws {DataFormatError} when no model could be read or no layer could be diagnosed (the
 * CLI's exit-2 cases), naming the files.
 * @example await diagnoseFiles(new Map([['vad.onnx', bytes]]), DEFAULT_SETTINGS)
 */
export async function diagnoseFiles(
  files: ReadonlyMap<string, Uint8Array>,
  settings: DiagnoseSettings,
  onProgress: (done: number, total: number) => void = () => {},
  plotWidth = 560,
): Promise<DiagnoseOutput> {
  const t0 = performance.now();
  const read = await readWeightBytes(files);
  const names = [...files.keys()].join(', ');
  if (read.files.length === 0)
    throw new DataFormatError(
      names,
      '',
      `no model could be read (${read.errors.map((e) => e.message).join('; ')})`,
    );
  const t1 = performance.now();
  const options: ModelOptions = {
    fit: settings.fit === 'tpl' ? 'TPL' : 'PL',
    fixFingers: settings.fingers,
    mpFit: settings.mpFit,
    htmp: settings.htmp,
    randomize: settings.randomize,
    minEvals: settings.minEvals,
    maxEvals: settings.maxEvals,
    seed: settings.seed,
    spectrum: settings.spectrum,
    splitQkv: settings.splitQkv,
    depthwise: settings.depthwise,
    onLayer: onProgress,
  };
  const result = await diagnoseModel(read.files, options);
  requireLayers(result, names);
  const columns = reportColumns({ ...options, tpl: options.fit === 'TPL' });
  // The same object the CLI stringifies; the round trip through JSON turns non-finite numbers
  // into null exactly as its output does.
  const report = JSON.parse(
    JSON.stringify({
      files: read.files.map((f) => ({ file: f.file, format: f.format, tensors: f.tensors.length })),
      ...jsonReport(result, columns),
    }),
  ) as DiagnoseOutput['report'];
  const t2 = performance.now();
  const plots: string[] = [];
  for (const layer of result.layers)
    plots.push(await renderEsdSvg(esdOverlaySpec(layer), plotWidth));
  return {
    report,
    columns: ['file', 'name', 'shape', ...columns],
    csv: csvReport(result, columns),
    plots,
    errors: read.errors,
    ms: { read: t1 - t0, diagnose: t2 - t1, plots: performance.now() - t2 },
  };
}
