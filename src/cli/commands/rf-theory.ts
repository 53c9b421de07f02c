import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { interval } from '../../constraints.js';
import { InvalidArgumentError } from '../../errors.js';
import { type Activation, activation } from '../../features/activation.js';
import { FEATURE_PARAMS } from '../../features/params.js';
import { populationData } from '../../features/population-data.js';
import { rfSpectrum } from '../../features/rf-spectrum.js';
import { rfTheory } from '../../features/rf-theory.js';
import { COVARIANCE_SYNTAX } from '../../scenario/covariance-spec.js';
import { logGrid } from '../../scenario/grid.js';
import { buildModel, parseDimensionFlag } from '../covariance-flags.js';
import { loadRowsAndValues, parseNumber } from '../inputs.js';

/**
 * `rmtkit rf-theory`: the LLC18 deterministic equivalent of the train and test MSE of
 * random-feature ridge regression on given data, over a log grid of N/n and a list of γ
 * (docs/theory.md §15). Rows of --data are samples; without --test-data the test MSE is omitted.
 * With --cov the data are drawn from a Gaussian population model and a linear teacher instead
 * ({@link populationData}), test set included.
 * @example rmtkit rf-theory --cov ar1:0.5 --d 256 --n 512 --ratio 0.1:10:30 --json
 * @example rmtkit rf-theory --data X.npy --targets y.npy --activation relu --ratio 0.1:10:60 --gamma 1e-5,1e-1 --json
 */
export function registerRfTheory(program: Command): void {
  program
    .command('rf-theory')
    .description('train/test MSE of random-feature ridge regression: deterministic equivalent')
    .option('--data <file>', 'training inputs X (n×p, one sample per row), .npy or text')
    .option('--targets <file>', 'training targets y (n values)')
    .option('--test-data <file>', 'test inputs X̂ (n̂×p)')
    .option('--test-targets <file>', 'test targets ŷ (n̂ values)')
    .option('--cov <model>', `population model instead of --data: ${COVARIANCE_SYNTAX}`)
    .option('--d <p>', 'dimension p of the --cov model')
    .option('--n <n>', 'training samples drawn from --cov', '1024')
    .option('--n-test <n>', 'test samples drawn from --cov (default --n)')
    .option('--noise <sigma>', 'label noise of the --cov linear teacher', '0.1')
    .option('--seed <int>', 'seed of the --cov samples and teacher', '0')
    .option(
      '--activation <name>',
      'relu | leaky-relu:<slope> | tanh | erf | sigmoid | gelu | sin | cos | abs | quadratic | linear',
      'relu',
    )
    .option('--ratio <lo:hi:count>', 'N/n grid, log-spaced, or one value', '0.1:10:60')
    .option('--gamma <list>', 'ridge values γ ≥ 0, comma-separated', '1e-5,1e-1')
    .option('--json', 'machine-readable output')
    .action(
      (
        options: DataFlags & {
          activation: string;
          ratio: string;
          gamma: string;
          json?: boolean;
        },
      ) => {
        const act = activation(options.activation);
        const ratios = parseRatios(options.ratio);
        const gammas = options.gamma
          .split(',')
          .map((g) => parseNumber('--gamma', g, FEATURE_PARAMS.gamma));
        const { x, y, xTest, yTest, source } = loadData(options, act);
        const start = performance.now();
        const points = rfTheory(
          rfSpectrum({ x, y, xTest, yTest, activation: act }),
          ratios,
          gammas,
        );
        const seconds = (performance.now() - start) / 1000;
        const rows = points.map((p) => ({
          ratio: p.ratio,
          gamma: p.gamma,
          features: p.features,
          delta: p.delta,
          train: p.train,
          ...(xTest ? { test: p.test } : {}),
          converged: p.converged,
        }));
        if (options.json) {
          console.log(
            JSON.stringify({
              n: x.rows,
              p: x.cols,
              nTest: xTest?.rows ?? 0,
              activation: act.name,
              source,
              seconds,
              points: rows,
            }),
          );
          return;
        }
        console.log(
          `Random-feature ridge regression, ${act.name}, ${source}, n = ${x.rows}, p = ${x.cols}${xTest ? `, n̂ = ${xTest.rows}` : ''} (${seconds.toFixed(2)} s)`,
        );
        console.log(
          `  ${'γ'.padEnd(8)} ${'N/n'.padStart(8)} ${'train MSE'.padStart(12)}${xTest ? ' test MSE'.padStart(13) : ''}`,
        );
        for (const p of points)
          console.log(
            `  ${p.gamma.toExponential(0).padEnd(8)} ${p.ratio.toPrecision(3).padStart(8)} ${p.train.toExponential(4).padStart(12)}${xTest ? p.test.toExponential(4).padStart(13) : ''}`,
          );
      },
    );
}

/** The data flags: files, or a population model (--cov). */
interface DataFlags {
  data?: string;
  targets?: string;
  testData?: string;
  testTargets?: string;
  cov?: string;
  d?: string;
  n: string;
  nTest?: string;
  noise: string;
  seed: string;
}

/**
 * X, y (and X̂, ŷ) from the files or drawn from the --cov model (docs/random-features.md);
 * errors name the flag.
 */
function loadData(options: DataFlags, act: Activation) {
  if (options.cov !== undefined) {
    if (options.data !== undefined || options.testData !== undefined)
      throw new InvalidArgumentError('--cov', 'cannot be combined with --data or --test-data');
    const model = buildModel(
      options.cov,
      options.d === undefined ? undefined : parseDimensionFlag(options.d),
    );
    if (!Number.isFinite(model.d))
      throw new InvalidArgumentError('--d', 'must be finite to draw samples from --cov', 'inf');
    const n = parseNumber('--n', options.n, FEATURE_PARAMS.features);
    const nTest =
      options.nTest === undefined
        ? n
        : parseNumber('--n-test', options.nTest, FEATURE_PARAMS.features);
    const noise = parseNumber('--noise', options.noise, interval(0, Infinity, '[)'));
    const seed = parseNumber(
      '--seed',
      options.seed,
      interval(0, Number.MAX_SAFE_INTEGER, '[]', { integer: true }),
    );
    const data = populationData(model, { n, nTest, noise, seed }, act);
    return { ...data, source: `--cov ${model.name}` };
  }
  if (options.data === undefined || options.targets === undefined)
    throw new InvalidArgumentError(
      '--data',
      'and --targets are required (or a population model --cov)',
    );
  if ((options.testData === undefined) !== (options.testTargets === undefined))
    throw new InvalidArgumentError('--test-data', 'and --test-targets must be given together');
  const { x, y } = loadRowsAndValues(options.data, '--targets', options.targets);
  const test =
    options.testData && options.testTargets
      ? loadRowsAndValues(options.testData, '--test-targets', options.testTargets)
      : undefined;
  const xTest = test?.x;
  const yTest = test?.y;
  if (xTest && xTest.cols !== x.cols)
    throw new InvalidArgumentError(
      '--test-data',
      `must have ${x.cols} columns like ${options.data}`,
      xTest.cols,
    );
  return { x, y, xTest, yTest, source: options.data };
}

/** `lo:hi:count` (log grid) or a single value; errors name --ratio. */
function parseRatios(text: string): number[] {
  const parts = text.split(':');
  if (parts.length === 1) return [parseNumber('--ratio', parts[0], FEATURE_PARAMS.ratio)];
  if (parts.length !== 3)
    throw new InvalidArgumentError('--ratio', 'must be lo:hi:count or one value', text);
  const lo = parseNumber('--ratio', parts[0], FEATURE_PARAMS.ratio);
  const hi = parseNumber('--ratio', parts[1], FEATURE_PARAMS.ratio);
  const count = parseNumber('--ratio', parts[2], FEATURE_PARAMS.features);
  if (hi < lo) throw new InvalidArgumentError('--ratio', 'needs lo ≤ hi', text);
  return count === 1 ? [lo] : logGrid(lo, hi, count);
}
