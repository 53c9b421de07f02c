import { diagnoseModel, type ModelOptions } from '../../../src/diagnostics/model.js';
import {
  csvReport,
  jsonReport,
  reportColumns,
  requireLayers,
  wwCsvReport,
  wwReportColumns,
} from '../../../src/diagnostics/report.js';
import { DataFormatError } from '../../../src/errors.js';
import { readWeightBytes } from '../../../src/io/weights/weight-bytes.js';
import { renderEsdSvg } from './esd-plot.js';
import { esdOverlaySpec } from './esd-spec.js';
import { type DiagnoseSettings, diagnoseCommand, modelOptions } from './settings.js';

/** What the worker answers: the CLI's JSON and CSV reports, one plot spec per layer. */
export interface DiagnoseOutput {
  /** Exactly what `rmtkit diagnose --json` prints for the same files and flags (parsed). */
  report: {
    files: Array<{ file: string; format: string; tensors: number }>;
    layers: Array<Record<string, unknown>>;
    summary: Record<string, unknown>;
    skipped: Array<{ file: string; name: string; shape: number[]; reason: string }>;
  };
  /**
   * The table's columns in order: file, name, shape and the CLI's columns for these flags; with
   * columns 'ww', file and WeightWatcher's columns (those of `--columns ww`).
   */
  columns: string[];
  /** The table's rows: the report's layers, or with columns 'ww' each one's `ww` block and file. */
  rows: Array<Record<string, unknown>>;
  /** What `rmtkit diagnose --csv` prints, or with columns 'ww' `rmtkit diagnose --columns ww`. */
  csv: string;
  /** The command line with the same flags (diagnoseCommand): what the downloads say they hold. */
  command: string;
  /** The diagnoseModel options used (JSON: the downloads carry them). */
  options: Omit<ModelOptions, 'onLayer'>;
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
 * @throws {InvalidArgumentError} for `--ww-*` settings the CLI rejects (modelOptions).
 * @example await diagnoseFiles(new Map([['vad.onnx', bytes]]), DEFAULT_SETTINGS) // settings.ts
 */
export async function diagnoseFiles(
  files: ReadonlyMap<string, Uint8Array>,
  settings: DiagnoseSettings,
  onProgress: (done: number, total: number) => void = () => {},
  plotWidth = 560,
): Promise<DiagnoseOutput> {
  const t0 = performance.now();
  // Bad options fail before any file is read, with the CLI's message.
  const options = modelOptions(settings);
  const read = await readWeightBytes(files);
  const names = [...files.keys()].join(', ');
  if (read.files.length === 0)
    throw new DataFormatError(
      names,
      '',
      `no model could be read (${read.errors.map((e) => e.message).join('; ')})`,
    );
  const t1 = performance.now();
  const result = await diagnoseModel(read.files, { ...options, onLayer: onProgress });
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
  const ww = settings.columns === 'ww';
  return {
    report,
    columns: ww ? ['file', ...wwReportColumns(result)] : ['file', 'name', 'shape', ...columns],
    rows: ww
      ? report.layers.map((l) => ({ file: l.file, ...(l.ww as Record<string, unknown>) }))
      : report.layers,
    csv: ww ? wwCsvReport(result) : csvReport(result, columns),
    command: diagnoseCommand([...files.keys()], settings),
    options,
    plots,
    errors: read.errors,
    ms: { read: t1 - t0, diagnose: t2 - t1, plots: performance.now() - t2 },
  };
}
