import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../../errors.js';
import type { Estimate } from '../../estimate/estimate.js';
import { hutchPlusPlus, sketchSizeConstraint } from '../../estimate/hutch-plus-plus.js';
import { hutchinson } from '../../estimate/hutchinson.js';
import { slq } from '../../estimate/slq.js';
import type { SpectralFunction } from '../../estimate/spectral-function.js';
import { backend } from '../../linalg/backend.js';
import { denseOperator } from '../../operators/linear-operator.js';
import { parseNumber } from '../inputs.js';
import {
  addControlVariateFlag,
  addProbeFlags,
  controlTraces,
  estimateSettings,
  loadSquare,
  PROBE_FLAG_NAMES,
  type ProbeFlags,
  parseChoice,
  parseProbeFlags,
  percent,
  stopping,
  withFlagNames,
} from './estimation-flags.js';
import { productProgress, progressEnabled } from './estimation-progress.js';

/** The methods of `rmtkit trace`: slq for any f; hutchinson and hutch++ for tr A itself. */
export const TRACE_METHODS = ['slq', 'hutchinson', 'hutch++'] as const;

/** The `--fn` syntax. */
export const FN_SYNTAX = 'id | inv | log | exp | pow:p | schatten:p | count:a,b';

/**
 * Parses `--fn`: `id` (tr A), `inv` (tr A⁻¹), `log` (ln det A), `exp` (tr eᴬ), `pow:p` (tr Aᵖ),
 * `schatten:p` (the Schatten norm (Σ|λ|ᵖ)^{1/p}), `count:a,b` (eigenvalues in [a, b]).
 * @throws {InvalidArgumentError} naming '--fn'.
 * @example parseFunctionFlag('pow:2') // { power: 2 }
 */
export function parseFunctionFlag(text: string): SpectralFunction {
  const [name, argument] = [text.split(':')[0]!, text.split(':').slice(1).join(':')];
  const fixed: Record<string, SpectralFunction> = {
    id: { power: 1 },
    inv: 'inverse',
    log: 'log',
    exp: 'exp',
  };
  if (argument === '' && !text.includes(':') && Object.hasOwn(fixed, name)) return fixed[name]!;
  if (name === 'pow' || name === 'schatten') {
    const p = finite(argument);
    if (Number.isNaN(p) || (name === 'schatten' && !(p > 0)))
      throw new InvalidArgumentError(
        '--fn',
        `${name}:p needs a finite number p${name === 'schatten' ? ' > 0' : ''}`,
        text,
      );
    return name === 'pow' ? { power: p } : { schatten: p };
  }
  if (name === 'count') {
    const ends = argument.split(',');
    if (ends.length === 2) {
      const [a, b] = ends.map(finite) as [number, number];
      if (a <= b) return { count: [a, b] };
    }
    throw new InvalidArgumentError('--fn', 'count:a,b needs two numbers a ≤ b', text);
  }
  throw new InvalidArgumentError('--fn', `must be one of ${FN_SYNTAX}`, text);
}

interface TraceFlags extends ProbeFlags {
  fn: string;
  method: string;
  sketchSize?: string;
  controlVariates: boolean;
  json?: boolean;
}

/**
 * `rmtkit trace FILE --fn F`: tr f(A) of a matrix file by stochastic Lanczos quadrature (A
 * symmetric; any f of {@link FN_SYNTAX}), or tr A itself (`--fn id`) by Hutchinson or Hutch++ (A
 * square), with the standard error, a Student-t interval, the probes used, whether the relative
 * error target was reached, and the time (docs/theory.md §13).
 * @example rmtkit trace A.npy --fn inv --min-probes 30 --json
 */
export function registerTrace(program: Command): void {
  const command = program
    .command('trace')
    .description('tr f(A) by stochastic Lanczos quadrature, or tr A by Hutchinson / Hutch++')
    .argument('<file>', 'the matrix A (n×n; symmetric for slq), .npy or CSV/TSV text')
    .requiredOption('--fn <f>', `${FN_SYNTAX} (hutchinson, hutch++: id only)`)
    .option('--method <name>', TRACE_METHODS.join(' | '), 'slq')
    .option('--sketch-size <s>', 'hutch++: columns of the range sketch (default --min-probes)');
  addControlVariateFlag(addProbeFlags(command))
    .option('--json', 'machine-readable output')
    .action((file: string, flags: TraceFlags) => {
      const method = parseChoice('--method', flags.method, TRACE_METHODS);
      const fn = parseFunctionFlag(flags.fn);
      const identity = typeof fn === 'object' && 'power' in fn && fn.power === 1;
      if (method !== 'slq' && !identity)
        throw new InvalidArgumentError(
          '--fn',
          `must be id for --method ${method}, which estimates tr A itself (use --method slq for tr f(A))`,
          flags.fn,
        );
      const settings = parseProbeFlags(flags);
      const sketchSize =
        flags.sketchSize === undefined
          ? undefined
          : parseNumber('--sketch-size', flags.sketchSize, sketchSizeConstraint);
      if (sketchSize !== undefined && method !== 'hutch++')
        throw new InvalidArgumentError(
          '--sketch-size',
          'applies to --method hutch++ only',
          sketchSize,
        );
      const a = loadSquare(file, method === 'slq');
      const n = a.rows;
      const { minProbes, maxProbes, lanczosSteps } = settings;
      const batches = Math.ceil(maxProbes / minProbes);
      const products =
        method === 'slq' ? batches * lanczosSteps : batches + (method === 'hutch++' ? 2 : 0);
      const progress = productProgress(
        denseOperator(a, { symmetric: method === 'slq', checkFinite: false }),
        products,
        `trace (${method})`,
        progressEnabled(flags.json),
      );
      const names = { op: file, sketchSize: '--sketch-size', ...PROBE_FLAG_NAMES };
      const start = performance.now();
      const knownTraces =
        method === 'slq' ? controlTraces(a, flags.controlVariates, lanczosSteps) : [];
      let estimate: Estimate;
      try {
        estimate = withFlagNames(names, () =>
          method === 'slq'
            ? slq(progress.op, fn, { ...settings, knownTraces })
            : method === 'hutchinson'
              ? hutchinson(progress.op, settings)
              : hutchPlusPlus(progress.op, { ...settings, sketchSize }),
        );
      } finally {
        progress.stop();
      }
      const seconds = (performance.now() - start) / 1000;
      const report = {
        file,
        n,
        fn: flags.fn,
        method,
        ...estimate,
        ...estimateSettings(settings),
        ...(method === 'slq' ? { controlVariates: knownTraces.length } : {}),
        ...(method === 'hutch++' ? { sketchSize: sketchSize ?? Math.min(minProbes, n) } : {}),
        backend: backend(),
        seconds,
      };
      if (method !== 'slq') delete (report as { lanczosSteps?: number }).lanczosSteps;
      if (flags.json) {
        console.log(JSON.stringify(report));
        return;
      }
      const how =
        method === 'slq'
          ? `stochastic Lanczos quadrature, ${estimate.probes} ${settings.probes} probes × ${lanczosSteps} Lanczos steps`
          : `${method === 'hutchinson' ? 'Hutchinson' : `Hutch++ (sketch of ${report.sketchSize} columns)`}, ${estimate.probes} ${settings.probes} probes`;
      console.log(`${describe(flags.fn)} of ${file} (${n}×${n}) by ${how}`);
      console.log(
        `  value          ${estimate.value.toPrecision(8)} ± ${estimate.standardError.toPrecision(3)} (standard error)`,
      );
      console.log(
        `  ${percent(settings.confidence)} interval  [${estimate.interval[0].toPrecision(8)}, ${estimate.interval[1].toPrecision(8)}]${method === 'slq' ? ' (probe noise only, not the quadrature error)' : ''}`,
      );
      console.log(
        `  ${stopping(settings, estimate.converged)}; ${backend()} backend, ${seconds.toFixed(3)} s`,
      );
    });
}

/** A finite number from text, else NaN. */
function finite(text: string): number {
  const v = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(v) ? v : NaN;
}

/** `--fn` in words for the summary. */
function describe(fn: string): string {
  const [name, argument] = [fn.split(':')[0], fn.split(':')[1]];
  if (name === 'id') return 'tr A';
  if (name === 'inv') return 'tr A⁻¹';
  if (name === 'log') return 'tr log A = ln det A';
  if (name === 'exp') return 'tr exp(A)';
  if (name === 'pow') return `tr A^${argument}`;
  if (name === 'schatten') return `Schatten-${argument} norm`;
  return `Number of eigenvalues in [${argument}]`;
}
