import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../../errors.js';
import { activation } from '../../features/activation.js';
import { FEATURE_PARAMS } from '../../features/params.js';
import { rfSpectrum } from '../../features/rf-spectrum.js';
import { rfTheory } from '../../features/rf-theory.js';
import { logGrid } from '../../scenario/grid.js';
import { loadMatrix, loadVector, parseNumber } from '../inputs.js';

/**
 * `rmtkit rf-theory`: the LLC18 deterministic equivalent of the train and test MSE of
 * random-feature ridge regression on given data, over a log grid of N/n and a list of γ
 * (docs/theory.md §15). Rows of --data are samples; without --test-data the test MSE is omitted.
 * @example rmtkit rf-theory --data X.npy --targets y.npy --activation relu --ratio 0.1:10:60 --gamma 1e-5,1e-1 --json
 */
export function registerRfTheory(program: Command): void {
  program
    .command('rf-theory')
    .description('train/test MSE of random-feature ridge regression: deterministic equivalent')
    .requiredOption('--data <file>', 'training inputs X (n×p, one sample per row), .npy or text')
    .requiredOption('--targets <file>', 'training targets y (n values)')
    .option('--test-data <file>', 'test inputs X̂ (n̂×p)')
    .option('--test-targets <file>', 'test targets ŷ (n̂ values)')
    .option(
      '--activation <name>',
      'relu | leaky-relu:<slope> | tanh | erf | sigmoid | gelu | sin | cos | abs | quadratic | linear',
      'relu',
    )
    .option('--ratio <lo:hi:count>', 'N/n grid, log-spaced, or one value', '0.1:10:60')
    .option('--gamma <list>', 'ridge values γ ≥ 0, comma-separated', '1e-5,1e-1')
    .option('--json', 'machine-readable output')
    .action(
      (options: {
        data: string;
        targets: string;
        testData?: string;
        testTargets?: string;
        activation: string;
        ratio: string;
        gamma: string;
        json?: boolean;
      }) => {
        const act = activation(options.activation);
        const ratios = parseRatios(options.ratio);
        const gammas = options.gamma
          .split(',')
          .map((g) => parseNumber('--gamma', g, FEATURE_PARAMS.gamma));
        if ((options.testData === undefined) !== (options.testTargets === undefined))
          throw new InvalidArgumentError(
            '--test-data',
            'and --test-targets must be given together',
          );
        const x = loadMatrix(options.data);
        const y = loadVector(options.targets);
        if (y.length !== x.rows)
          throw new InvalidArgumentError(
            '--targets',
            `must have ${x.rows} values, one per row of ${options.data}`,
            y.length,
          );
        const xTest = options.testData ? loadMatrix(options.testData) : undefined;
        const yTest = options.testTargets ? loadVector(options.testTargets) : undefined;
        if (xTest && yTest && yTest.length !== xTest.rows)
          throw new InvalidArgumentError(
            '--test-targets',
            `must have ${xTest.rows} values, one per row of ${options.testData}`,
            yTest.length,
          );
        if (xTest && xTest.cols !== x.cols)
          throw new InvalidArgumentError(
            '--test-data',
            `must have ${x.cols} columns like ${options.data}`,
            xTest.cols,
          );
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
              seconds,
              points: rows,
            }),
          );
          return;
        }
        console.log(
          `Random-feature ridge regression, ${act.name}, n = ${x.rows}, p = ${x.cols}${xTest ? `, n̂ = ${xTest.rows}` : ''} (${seconds.toFixed(2)} s)`,
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
