import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { diagnosticsHtml } from '../../diagnostics/html-report.js';
import { diagnoseModel, type ModelOptions } from '../../diagnostics/model.js';
import { esdPlotSpec, mpPlotSpec } from '../../diagnostics/plots.js';
import {
  csvReport,
  jsonReport,
  reportColumns,
  requireLayers,
  skippedSummary,
  textTable,
  wwCsvReport,
} from '../../diagnostics/report.js';
import { checkSpectrumRoute } from '../../diagnostics/spectrum-route.js';
import { DataFormatError, InvalidArgumentError } from '../../errors.js';
import { findWeightFiles, readWeightFile } from '../../io/weights/read.js';
import type { WeightFile } from '../../io/weights/tensor.js';
import { CONFIG } from '../../plot/curves.js';
import { renderFigure, renderSvg, type VegaLiteSpec } from '../../plot/render.js';
import { delayedBar, progressEnabled } from './estimation-progress.js';
import { WW_FIT_FLAGS, type WwFitFlags, wwFitFlags } from './ww-fit-flags.js';

interface DiagnoseFlags extends WwFitFlags {
  randomize?: boolean;
  mpFit?: boolean;
  htmp?: boolean;
  plots?: string;
  report?: string;
  spectrum: string;
  splitQkv: string;
  depthwise: string;
  json?: boolean;
  csv?: boolean;
  fingers?: boolean;
  fit: string;
  minEvals: string;
  maxEvals: string;
  seed: string;
  verbose?: boolean;
  columns: string;
}

/**
 * `rmtkit diagnose <model file or folder>`: WeightWatcher-style spectral diagnostics of every
 * weight matrix (ONNX, safetensors, TF.js model.json, .npy, .npz): one row per layer, a summary
 * row, skipped tensors grouped by reason, unreadable files named; `--plots <dir>` writes each
 * layer's log–log ESD (and MP fit) as SVG and PNG.
 * @example rmtkit diagnose node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx --mp-fit --randomize
 */
export function registerDiagnose(program: Command): void {
  program
    .command('diagnose <path>')
    .description(
      'spectral diagnostics (power-law α, norms, MP fit, correlation traps) of the weight matrices of a model file or folder',
    )
    .option(
      '--randomize',
      'compare each layer with its entries permuted: rand_distance and correlation traps',
    )
    .option(
      '--mp-fit',
      'fit the Marchenko–Pastur bulk: sigma_mp, bulk edges, num_spikes, mp_softrank',
    )
    .option(
      '--htmp',
      'fit the high-temperature MP law HTMP(γ, κ) to each ESD: kappa and its Kolmogorov distance',
    )
    .option(
      '--fingers',
      'drop spurious top eigenvalues before the power-law fit (num_fingers, raw_alpha)',
    )
    .option(
      '--fit <pl|tpl>',
      'power law, or truncated power law at the same xmin (adds Lambda)',
      'pl',
    )
    .option('--plots <dir>', 'write the ESD (and MP fit) of each layer as SVG and PNG into <dir>')
    .option(
      '--report <file.html>',
      'write a self-contained HTML page: the per-layer table and each layer’s ESD (and MP fit) plot',
    )
    .option(
      '--spectrum <auto|svd|gram|gram-single>',
      'eigenvalues from the Gram matrix where they resolve the spectrum (auto), always an SVD, always the Gram matrix, or the Gram matrix with a single-precision product (faster on large layers; small eigenvalues not resolved)',
      'auto',
    )
    .option(
      '--split-qkv <auto|never>',
      'fused attention projections (in_proj_weight, c_attn, qkv) as three layers [q], [k], [v] (auto) or one',
      'auto',
    )
    .option(
      '--depthwise <matrix|slices>',
      "depthwise kernels as one channels × taps matrix, or WeightWatcher's kh·kw slices",
      'matrix',
    )
    .option(...WW_FIT_FLAGS.fixFingers)
    .option(...WW_FIT_FLAGS.xminMax)
    .option(...WW_FIT_FLAGS.xmax)
    .option(...WW_FIT_FLAGS.fit)
    .option('--min-evals <int>', 'skip layers with fewer eigenvalues', '10')
    .option('--max-evals <int>', 'skip layers with more eigenvalues', '15000')
    .option('--seed <int>', 'seed of the randomisation', '0')
    .option('--verbose', 'list every skipped tensor')
    .option(
      '--columns <rmtkit|ww>',
      "table and CSV columns: rmtkit's, or WeightWatcher's details (its names and definitions)",
      'rmtkit',
    )
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV output (one line per layer, then the summary)')
    .action(async (path: string, flags: DiagnoseFlags) => {
      if (flags.json && flags.csv) throw new InvalidArgumentError('--json, --csv', 'are exclusive');
      const fit = flags.fit.toLowerCase();
      if (flags.columns !== 'rmtkit' && flags.columns !== 'ww')
        throw new InvalidArgumentError('--columns', 'must be rmtkit or ww', flags.columns);
      if (fit !== 'pl' && fit !== 'tpl')
        throw new InvalidArgumentError('--fit', 'must be pl or tpl', flags.fit);
      const spectrum = flags.spectrum;
      checkSpectrumRoute('--spectrum', spectrum);
      const { splitQkv, depthwise } = flags;
      if (splitQkv !== 'auto' && splitQkv !== 'never')
        throw new InvalidArgumentError('--split-qkv', 'must be auto or never', splitQkv);
      if (depthwise !== 'matrix' && depthwise !== 'slices')
        throw new InvalidArgumentError('--depthwise', 'must be matrix or slices', depthwise);
      if (flags.report !== undefined && !flags.report.endsWith('.html'))
        throw new InvalidArgumentError('--report', 'must name an .html file', flags.report);
      const options: ModelOptions = {
        fit: fit === 'tpl' ? 'TPL' : 'PL',
        fixFingers: flags.fingers,
        ww: wwFitFlags(flags),
        mpFit: flags.mpFit,
        htmp: flags.htmp,
        randomize: flags.randomize,
        minEvals: integer('--min-evals', flags.minEvals, 1),
        maxEvals: integer('--max-evals', flags.maxEvals, 1),
        seed: integer('--seed', flags.seed, 0),
        spectrum,
        splitQkv,
        depthwise,
      };
      const files = readAll(path);
      const bar = delayedBar('diagnose', 'layers', progressEnabled(flags.json));
      let result: Awaited<ReturnType<typeof diagnoseModel>>;
      try {
        result = await diagnoseModel(files, { ...options, onLayer: bar.update });
      } finally {
        bar.stop();
      }
      requireLayers(result, path);
      const columns = reportColumns({ ...options, tpl: options.fit === 'TPL' });
      if (flags.plots) await writePlots(flags.plots, result.layers, Boolean(flags.mpFit));
      if (flags.report) {
        const html = await diagnosticsHtml(result, {
          columns,
          command: [`rmtkit diagnose ${path}`, ...switches(flags)].join(' '),
          render: (spec) => renderSvg({ ...spec, config: CONFIG } as VegaLiteSpec),
        });
        writeFileSync(flags.report, html);
      }
      if (flags.json)
        console.log(
          JSON.stringify({
            files: files.map((f) => ({
              file: f.file,
              format: f.format,
              tensors: f.tensors.length,
            })),
            ...jsonReport(result, columns),
          }),
        );
      else if (flags.columns === 'ww') console.log(wwCsvReport(result).trimEnd());
      else if (flags.csv) console.log(csvReport(result, columns).trimEnd());
      else {
        // A terminal gets a table that fits its width; a pipe or file gets every column.
        console.log(
          textTable(result, columns, {
            width: process.stdout.isTTY ? process.stdout.columns : undefined,
          }),
        );
        const skips = flags.verbose
          ? result.skipped.map((s) => `skipped ${s.name}: ${s.reason}`)
          : skippedSummary(result.skipped);
        for (const line of skips) console.log(line);
        if (flags.plots) console.log(`plots written to ${flags.plots}`);
        if (flags.report) console.log(`report written to ${flags.report}`);
      }
    });
}

/** Reads every model file under `path`; unreadable files are reported on stderr and left out. */
function readAll(path: string): WeightFile[] {
  let paths: string[];
  try {
    paths = findWeightFiles(path);
  } catch (error) {
    throw new DataFormatError(
      path,
      '',
      `cannot be read (${(error as { code?: string }).code ?? (error as Error).message})`,
    );
  }
  const files: WeightFile[] = [];
  for (const p of paths) {
    try {
      files.push(readWeightFile(p));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code && !(error instanceof DataFormatError)) throw error;
      console.error(
        `rmtkit: ${code ? `${p}: cannot be read (${code})` : (error as Error).message}`,
      );
      if (paths.length === 1) throw new DataFormatError(p, '', 'no model could be read');
    }
  }
  if (files.length === 0)
    throw new DataFormatError(
      path,
      '',
      'holds no readable model file (.onnx, .safetensors, *.safetensors.index.json, .npy, .npz, model.json, *weights_manifest.json)',
    );
  return files;
}

async function writePlots(
  dir: string,
  layers: Awaited<ReturnType<typeof diagnoseModel>>['layers'],
  mp: boolean,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [k, layer] of layers.entries()) {
    const stem = join(
      dir,
      `${String(k + 1).padStart(3, '0')}-${layer.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-80)}`,
    );
    const figures = [
      ['esd', esdPlotSpec(layer, layer.name)],
      ...(mp ? [['mp', mpPlotSpec(layer, layer.name)] as const] : []),
    ] as const;
    for (const [kind, spec] of figures) {
      const { svg, png } = await renderFigure({ ...spec, config: CONFIG } as Parameters<
        typeof renderFigure
      >[0]);
      writeFileSync(`${stem}.${kind}.svg`, svg);
      writeFileSync(`${stem}.${kind}.png`, png);
    }
  }
}

/** The boolean flags that are on, as typed (`--mp-fit`), for the report's header. */
function switches(flags: DiagnoseFlags): string[] {
  return Object.entries(flags)
    .filter(([, v]) => v === true)
    .map(([k]) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
}

function integer(flag: string, text: string, min: number): number {
  const v = Number(text);
  if (!Number.isSafeInteger(v) || v < min)
    throw new InvalidArgumentError(flag, `must be an integer ≥ ${min}`, text);
  return v;
}
