import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../../errors.js';
import { densityConstraints, type SpectralDensity } from '../../estimate/density.js';
import { kpmDensity } from '../../estimate/kpm-density.js';
import { lanczosSteps } from '../../estimate/lanczos-block.js';
import { slqDensity } from '../../estimate/slq-density.js';
import { backend } from '../../linalg/backend.js';
import { denseOperator } from '../../operators/linear-operator.js';
import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import { type FigureFormat, figureFormat, writeFigure } from '../figure-file.js';
import { parseNumber } from '../inputs.js';
import { loadSquare, parseChoice, SEED, withFlagNames } from './estimation-flags.js';
import { productProgress, progressEnabled } from './estimation-progress.js';

/** The methods of `rmtkit density`. */
export const DENSITY_METHODS = ['slq', 'kpm'] as const;

interface DensityFlags {
  method: string;
  points: string;
  probeCount: string;
  moments?: string;
  lanczosSteps?: string;
  seed: string;
  plot?: string;
  json?: boolean;
}

/**
 * `rmtkit density FILE`: the spectral density (1/n)Σ δ(x − λ_i) of a symmetric matrix file,
 * smoothed, on a grid, by stochastic Lanczos quadrature (Gaussian-smoothed Gauss rules) or the
 * kernel polynomial method (Jackson-damped Chebyshev moments), with its pointwise standard error
 * over the probes (docs/theory.md §13); `--plot` draws it as SVG or PNG.
 * @example rmtkit density A.npy --method kpm --moments 200 --plot density.svg
 */
export function registerDensity(program: Command): void {
  program
    .command('density')
    .description('spectral density of a symmetric matrix by SLQ or the kernel polynomial method')
    .argument('<file>', 'the matrix A (n×n, symmetric), .npy or CSV/TSV text')
    .option('--method <name>', DENSITY_METHODS.join(' | '), 'slq')
    .option('--points <n>', 'grid points', '512')
    .option('--probe-count <n>', 'number of Rademacher probes', '30')
    .option('--moments <m>', 'kpm: Chebyshev moments (default 100; resolution ≈ π·halfwidth/m)')
    .option('--lanczos-steps <k>', 'slq: Lanczos steps per probe (default 30)')
    .option('--seed <s>', 'seed of the probes', '0')
    .option('--plot <file>', 'draw the density with ±2 standard errors to file.svg or file.png')
    .option('--json', 'machine-readable output (grid, density, standardError arrays)')
    .action(async (file: string, flags: DensityFlags) => {
      const method = parseChoice('--method', flags.method, DENSITY_METHODS);
      const c = densityConstraints;
      const points = parseNumber('--points', flags.points, c.points);
      const probeCount = parseNumber('--probe-count', flags.probeCount, c.probeCount);
      const seed = parseNumber('--seed', flags.seed, SEED);
      const only = (flag: string, text: string | undefined, wanted: string) => {
        if (text !== undefined && method !== wanted)
          throw new InvalidArgumentError(flag, `applies to --method ${wanted} only`, text);
      };
      only('--moments', flags.moments, 'kpm');
      only('--lanczos-steps', flags.lanczosSteps, 'slq');
      const moments = parseNumber('--moments', flags.moments ?? '100', c.moments);
      const steps = parseNumber('--lanczos-steps', flags.lanczosSteps ?? '30', lanczosSteps);
      const format = figureFormat('--plot', flags.plot);
      const a = loadSquare(file, true);
      const n = a.rows;
      const progress = productProgress(
        denseOperator(a, { symmetric: true, checkFinite: false }),
        method === 'slq' ? steps : 20 + Math.ceil(moments / 2),
        `density (${method})`,
        progressEnabled(flags.json),
      );
      const names = {
        op: file,
        probeCount: '--probe-count',
        points: '--points',
        moments: '--moments',
      };
      const start = performance.now();
      let result: SpectralDensity;
      try {
        result = withFlagNames(names, () =>
          method === 'slq'
            ? slqDensity(progress.op, { probeCount, points, seed, lanczosSteps: steps })
            : kpmDensity(progress.op, { probeCount, points, seed, moments }),
        );
      } finally {
        progress.stop();
      }
      const seconds = (performance.now() - start) / 1000;
      const integral = trapezoid(result.grid, result.density);
      if (flags.plot)
        await writePlot(
          flags.plot,
          format!,
          result,
          `Spectral density of ${basename(file)} (${method === 'slq' ? 'SLQ' : 'KPM'})`,
        );
      const report = {
        file,
        n,
        method,
        probes: result.probes,
        ...(method === 'slq' ? { lanczosSteps: steps } : { moments }),
        seed,
        bounds: result.bounds,
        integral,
        grid: Array.from(result.grid),
        density: Array.from(result.density),
        standardError: Array.from(result.standardError),
        ...(flags.plot ? { plot: flags.plot } : {}),
        backend: backend(),
        seconds,
      };
      if (flags.json) {
        console.log(JSON.stringify(report));
        return;
      }
      printSummary(file, n, method, result, integral, method === 'slq' ? steps : moments);
      console.log(
        `  ${backend()} backend, ${seconds.toFixed(3)} s${flags.plot ? `; plot written to ${flags.plot}` : ''}`,
      );
    });
}

/** The integral of y over x by the trapezoidal rule. */
function trapezoid(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 1; i < x.length; i++) s += 0.5 * (x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!);
  return s;
}

function printSummary(
  file: string,
  n: number,
  method: string,
  r: SpectralDensity,
  integral: number,
  resolution: number,
): void {
  const how =
    method === 'slq'
      ? `stochastic Lanczos quadrature (${r.probes} probes × ${resolution} Lanczos steps)`
      : `the kernel polynomial method (${r.probes} probes, ${resolution} Chebyshev moments)`;
  console.log(`Spectral density of ${file} (${n}×${n}) by ${how}`);
  let peak = 0;
  for (let i = 1; i < r.density.length; i++) if (r.density[i]! > r.density[peak]!) peak = i;
  const maxSe = r.standardError.reduce((m, v) => Math.max(m, v), 0);
  console.log(
    `  ${method === 'slq' ? 'Ritz values in' : 'spectrum bounds'} [${r.bounds[0].toPrecision(6)}, ${r.bounds[1].toPrecision(6)}]; grid of ${r.grid.length} points from ${r.grid[0]!.toPrecision(6)} to ${r.grid[r.grid.length - 1]!.toPrecision(6)}`,
  );
  console.log(
    `  peak density ${r.density[peak]!.toPrecision(4)} at x = ${r.grid[peak]!.toPrecision(6)}; largest standard error ${maxSe.toPrecision(3)}; integral over the grid ${integral.toFixed(4)}`,
  );
}

/** Draws the density and ±2 standard errors as a line chart (the shared curves spec). */
async function writePlot(
  path: string,
  format: FigureFormat,
  r: SpectralDensity,
  title: string,
): Promise<void> {
  const rows: CurveRow[] = [];
  const series = [
    ['estimate', 0],
    ['estimate + 2 standard errors', 2],
    ['estimate − 2 standard errors', -2],
  ] as const;
  for (const [name, k] of series)
    r.grid.forEach((x, i) => {
      rows.push({
        kind: 'theory',
        series: name,
        x,
        y: r.density[i]! + k * r.standardError[i]!,
        lo: null,
        hi: null,
      });
    });
  const spec = curvesSpec(rows, {
    title,
    xTitle: 'eigenvalue x',
    yTitle: 'density',
    seriesTitle: `${r.probes} probes`,
    width: 480,
    height: 280,
  });
  await writeFigure(path, format, spec);
}
