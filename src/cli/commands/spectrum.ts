import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { CovarianceModel } from '../../covariance/model.js';
import { InvalidArgumentError } from '../../errors.js';
import type { Matrix } from '../../linalg/matrix.js';
import { distributionDistance, kolmogorovDistance } from '../../rmt/kolmogorov.js';
import { COVARIANCE_SYNTAX } from '../../scenario/covariance-spec.js';
import { SSR_PARAMS } from '../../ssr/params.js';
import { ssrEigen } from '../../ssr/spectrum.js';
import { type SsrSpectrumEstimate, ssrSpectrumSlq } from '../../ssr/spectrum-slq.js';
import {
  type SpectrumMethod,
  type SsrSpectrumTheory,
  ssrSpectrumTheory,
} from '../../ssr/spectrum-theory.js';
import { buildModel, parseDimensionFlag } from '../covariance-flags.js';
import { loadMatrix, parseNumber } from '../inputs.js';
import { CLI_LIMITS, float64Bytes, limitNote, requireMemory } from '../limits.js';

const THEORY_METHODS = ['auto', 'diagonal', 'general', 'mp'];

interface SpectrumOptions {
  cov?: string;
  d?: string;
  alpha?: string;
  lambda: string;
  data?: string;
  centre?: boolean;
  method: string;
  theory?: string;
  probes: string;
  lanczosSteps: string;
  grid: string;
  simulate?: boolean;
  seed: string;
  json?: boolean;
}

/**
 * `rmtkit spectrum`: the deterministic-equivalent density of the eigenvalues of the SSR matrix Â
 * (docs/theory.md §3) on a grid, its support edges and outliers; `--simulate` (data drawn from
 * the model) or `--data FILE` adds the spectrum of the fitted Â: its eigenvalues
 * (`--method exact`, a symmetric eigensolver) or their density estimated by stochastic Lanczos
 * quadrature (`--method slq`, docs/theory.md §13.7: one Cholesky, no eigendecomposition), with
 * the Kolmogorov distance to the theory. With `--data` the model (`--cov`) is optional and
 * α = n/d comes from the file.
 * @example rmtkit spectrum --cov ar1:0.5 --d 1000 --alpha 2 --lambda 0.1 --simulate --seed 1 --json
 * @example rmtkit spectrum --data X.npy --lambda 0.1 --method slq --cov ar1:0.5 --json
 */
export function registerSpectrum(program: Command): void {
  program
    .command('spectrum')
    .description(
      'spectrum of the SSR matrix Â: theoretical density, edges and outliers; eigenvalues (exact) or their SLQ density for simulated or given data',
    )
    .option('--cov <model>', `covariance model: ${COVARIANCE_SYNTAX} (needed unless --data)`)
    .option(
      '--d <int|inf>',
      'dimension (an integer ≥ 2, or inf for the d → ∞ limit); file models and --data take it from the file (--d inf with --data: the d → ∞ theory)',
    )
    .option('--alpha <number>', 'sample ratio α = n/d > 0 (needed unless --data, which gives n/d)')
    .requiredOption('--lambda <number>', 'ridge λ ≥ 0 (0 needs α above the rank fraction of Σ)')
    .option('--data <file>', 'data (.npy or CSV/TSV, one sample per row): the spectrum of its Â')
    .option('--centre', 'centre the columns of --data first (default: not centred, as the theory)')
    .option(
      '--method <name>',
      'eigenvalues of Â: exact (symmetric eigensolver) or slq (stochastic Lanczos quadrature)',
      'exact',
    )
    .option('--theory <name>', 'theory solver: auto, diagonal, general or mp (docs/theory.md §3)')
    .option(
      '--probes <int>',
      `SLQ: number of Rademacher probes ${limitNote(CLI_LIMITS.probes)}`,
      '30',
    )
    .option(
      '--lanczos-steps <int>',
      `SLQ: Lanczos steps per probe ${limitNote(CLI_LIMITS.lanczosSteps)}`,
      '80',
    )
    .option(
      '--grid <int>',
      `number of grid points, at least 16 ${limitNote(CLI_LIMITS.grid)}`,
      '400',
    )
    .option('--simulate', 'also fit Â on n = αd samples drawn from the model')
    .option('--seed <int>', 'random seed of the simulation and of the SLQ probes', '1')
    .option('--json', 'machine-readable output')
    .action((options: SpectrumOptions) => run(options));
}

function run(options: SpectrumOptions): void {
  const lambda = parseNumber('--lambda', options.lambda, SSR_PARAMS.lambda);
  const { method, theoryMethod } = parseMethods(options);
  const gridPoints = CLI_LIMITS.grid.check('--grid', Number(options.grid));
  const probes = CLI_LIMITS.probes.check('--probes', Number(options.probes));
  const steps = CLI_LIMITS.lanczosSteps.check('--lanczos-steps', Number(options.lanczosSteps));
  const seed = integerFlag('--seed', options.seed, 0);
  const { x, model, alpha } = source(options, seed);
  const start = performance.now();
  const theory = model
    ? ssrSpectrumTheory(model, alpha, lambda, { method: theoryMethod, gridPoints })
    : undefined;
  const theorySeconds = (performance.now() - start) / 1000;
  let empirical: Float64Array | undefined;
  let slq: SsrSpectrumEstimate | undefined;
  const fitStart = performance.now();
  if (x && method === 'exact') empirical = ssrEigen(x, lambda, { centre: options.centre }).values;
  if (x && method === 'slq')
    slq = ssrSpectrumSlq(x, lambda, {
      centre: options.centre,
      probeCount: probes,
      lanczosSteps: steps,
      seed,
      points: gridPoints,
    });
  const fitSeconds = (performance.now() - fitStart) / 1000;
  const kolmogorov = !theory
    ? undefined
    : empirical
      ? kolmogorovDistance(empirical, theory.cdf)
      : slq
        ? distributionDistance(slq.cdf, theory.cdf, [...slq.grid, ...theory.grid])
        : undefined;
  if (options.json) {
    console.log(
      JSON.stringify({
        ...(theory ? theoryJson(theory) : {}),
        ...(empirical ? { empirical: Array.from(empirical) } : {}),
        ...(slq ? { slq: slqJson(slq, fitSeconds) } : {}),
        ...(kolmogorov === undefined ? {} : { kolmogorov }),
      }),
    );
    return;
  }
  if (theory && model) printTheory(theory, model, alpha, lambda, theorySeconds);
  const what = options.data
    ? `${options.data} (n = ${x!.rows}, d = ${x!.cols}${options.centre ? ', centred' : ''})`
    : `simulated (n = ${x?.rows}, seed ${seed})`;
  if (empirical) {
    const d = empirical.length;
    console.log(
      `${what}: eigenvalues in [${empirical[0]!.toFixed(4)}, ${empirical[d - 1]!.toFixed(4)}], top three ${Array.from(
        empirical.slice(-3),
      )
        .map((v) => v.toFixed(4))
        .join(', ')} (exact, ${fitSeconds.toFixed(2)} s)`,
    );
  }
  if (slq) printSlq(slq, what, fitSeconds, seed);
  if (kolmogorov !== undefined)
    console.log(
      `Kolmogorov distance between ${slq ? 'the SLQ estimate' : 'the eigenvalues'} and the theoretical distribution: ${kolmogorov.toFixed(4)}`,
    );
}

/** `--method exact|slq`; the theory names (the old meaning of --method) still select --theory. */
function parseMethods(options: SpectrumOptions): {
  method: 'exact' | 'slq';
  theoryMethod: SpectrumMethod;
} {
  const legacy = THEORY_METHODS.includes(options.method);
  if (!legacy && options.method !== 'exact' && options.method !== 'slq')
    throw new InvalidArgumentError(
      '--method',
      'must be exact or slq (theory solvers auto, diagonal, general, mp go to --theory)',
      options.method,
    );
  const theory = options.theory ?? (legacy ? options.method : 'auto');
  if (!THEORY_METHODS.includes(theory))
    throw new InvalidArgumentError('--theory', 'must be auto, diagonal, general or mp', theory);
  return {
    method: legacy ? 'exact' : (options.method as 'exact' | 'slq'),
    theoryMethod: theory as SpectrumMethod,
  };
}

/** The data (from --data or simulated), the model (when --cov) and α. */
function source(
  options: SpectrumOptions,
  seed: number,
): { x?: Matrix; model?: CovarianceModel; alpha: number } {
  if (options.data === undefined) {
    if (options.cov === undefined)
      throw new InvalidArgumentError('--cov', 'is required unless --data is given');
    if (options.alpha === undefined)
      throw new InvalidArgumentError('--alpha', 'is required unless --data is given');
    const alpha = parseNumber('--alpha', options.alpha, SSR_PARAMS.alpha);
    const model = buildModel(
      options.cov,
      options.d === undefined ? undefined : parseDimensionFlag(options.d),
    );
    if (!options.simulate) return { model, alpha };
    if (model.d === Infinity)
      throw new InvalidArgumentError('--d', 'must be finite to simulate', 'inf');
    const n = Math.max(1, Math.round(alpha * model.d));
    requireMemory('--alpha', alpha, float64Bytes(2 * n * model.d), `${n}×${model.d} samples`);
    return { x: model.sample(n, seed), model, alpha };
  }
  if (options.simulate)
    throw new InvalidArgumentError('--simulate', 'cannot be combined with --data');
  if (options.alpha !== undefined)
    throw new InvalidArgumentError(
      '--alpha',
      'comes from --data (n/d); leave it out',
      options.alpha,
    );
  const x = loadMatrix(options.data);
  requireMemory(
    '--data',
    options.data,
    float64Bytes(4 * x.cols * x.cols),
    `${x.cols}×${x.cols} matrices and their eigenvectors`,
  );
  // --d inf with --data: compare with the d → ∞ theory (a finite model of a large d would need
  // an eigendecomposition of Σ).
  const d = options.d === undefined ? x.cols : parseDimensionFlag(options.d);
  if (d !== x.cols && d !== Infinity)
    throw new InvalidArgumentError(
      '--d',
      `must be the number of columns of --data, ${x.cols}, or inf`,
      options.d,
    );
  const alpha = x.rows / x.cols;
  return { x, alpha, ...(options.cov ? { model: buildModel(options.cov, d) } : {}) };
}

function integerFlag(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min)
    throw new InvalidArgumentError(flag, `must be an integer ≥ ${min}`, text);
  return value;
}

function theoryJson(theory: SsrSpectrumTheory) {
  return {
    grid: Array.from(theory.grid),
    density: Array.from(theory.density),
    eta: theory.eta,
    edges: theory.edges,
    outliers: theory.outliers,
  };
}

function slqJson(e: SsrSpectrumEstimate, seconds: number) {
  return {
    grid: Array.from(e.grid),
    density: Array.from(e.density),
    standardError: Array.from(e.standardError),
    distribution: Array.from(e.distribution),
    distributionStandardError: Array.from(e.distributionStandardError),
    probes: e.probes,
    lanczosSteps: e.lanczosSteps,
    bounds: e.bounds,
    n: e.n,
    d: e.d,
    seconds,
  };
}

function printTheory(
  theory: SsrSpectrumTheory,
  model: CovarianceModel,
  alpha: number,
  lambda: number,
  seconds: number,
): void {
  console.log(
    `Spectrum of Â for ${model.description}, α = ${alpha}, λ = ${lambda} (κ = ${theory.kappa.toPrecision(5)}, method ${theory.method}, ${seconds.toFixed(2)} s)`,
  );
  console.log(
    `support ${theory.edges.map(([a, b]) => `[${a.toFixed(4)}, ${b.toFixed(4)}]`).join(' ∪ ')}${theory.outliers.length ? `; outliers at ${theory.outliers.map((v) => v.toFixed(4)).join(', ')}` : ''}`,
  );
}

function printSlq(e: SsrSpectrumEstimate, what: string, seconds: number, seed: number): void {
  const quantile = (q: number) => {
    let lo = e.bounds[0] - 1;
    let hi = e.bounds[1] + 1;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (e.cdf(mid) < q) lo = mid;
      else hi = mid;
    }
    return ((lo + hi) / 2).toFixed(4);
  };
  const worst = e.distributionStandardError.reduce((m, v) => Math.max(m, v), 0);
  console.log(
    `${what}: SLQ with ${e.probes} probes × ${e.lanczosSteps} Lanczos steps (seed ${seed}, ${seconds.toFixed(2)} s): Ritz values in [${e.bounds[0].toFixed(4)}, ${e.bounds[1].toFixed(4)}]`,
  );
  console.log(
    `quantiles 1 %, 10 %, 50 %, 90 %, 99 %: ${[0.01, 0.1, 0.5, 0.9, 0.99].map(quantile).join(', ')}; largest standard error of F: ${worst.toFixed(4)}`,
  );
}
