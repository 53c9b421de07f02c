import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../../errors.js';
import { kolmogorovDistance } from '../../rmt/kolmogorov.js';
import { COVARIANCE_SYNTAX } from '../../scenario/covariance-spec.js';
import { SSR_PARAMS } from '../../ssr/params.js';
import { ssrEigen } from '../../ssr/spectrum.js';
import { type SpectrumMethod, ssrSpectrumTheory } from '../../ssr/spectrum-theory.js';
import { buildModel, parseDimensionFlag } from '../covariance-flags.js';
import { parseNumber } from '../inputs.js';

/**
 * `rmtkit spectrum`: the deterministic-equivalent density of the eigenvalues of the SSR matrix Â
 * (docs/theory.md §3) on a grid, its support edges and outliers; `--simulate` adds the eigenvalues
 * of Â fitted on n = αd samples of the model (and the Kolmogorov distance in the text output).
 * @example rmtkit spectrum --cov ar1:0.5 --d 1000 --alpha 2 --lambda 0.1 --simulate --seed 1 --json
 */
export function registerSpectrum(program: Command): void {
  program
    .command('spectrum')
    .description(
      'spectrum of the SSR matrix Â: theoretical density, edges and outliers (and simulated eigenvalues)',
    )
    .requiredOption('--cov <model>', `covariance model: ${COVARIANCE_SYNTAX}`)
    .option(
      '--d <int|inf>',
      'dimension (an integer ≥ 2, or inf for the d → ∞ limit); file models take it from the file',
    )
    .requiredOption('--alpha <number>', 'sample ratio α = n/d > 0')
    .requiredOption('--lambda <number>', 'ridge λ ≥ 0 (0 needs α above the rank fraction of Σ)')
    .option('--method <name>', 'auto, diagonal, general or mp (docs/theory.md §3)', 'auto')
    .option('--grid <int>', 'number of grid points', '400')
    .option('--simulate', 'also fit Â on simulated data and report its eigenvalues')
    .option('--seed <int>', 'random seed of the simulation', '1')
    .option('--json', 'machine-readable output')
    .action(
      (options: {
        cov: string;
        d?: string;
        alpha: string;
        lambda: string;
        method: string;
        grid: string;
        simulate?: boolean;
        seed: string;
        json?: boolean;
      }) => {
        const alpha = parseNumber('--alpha', options.alpha, SSR_PARAMS.alpha);
        const lambda = parseNumber('--lambda', options.lambda, SSR_PARAMS.lambda);
        const gridPoints = Number(options.grid);
        if (!Number.isInteger(gridPoints) || gridPoints < 16)
          throw new InvalidArgumentError('--grid', 'must be an integer ≥ 16', options.grid);
        if (!['auto', 'diagonal', 'general', 'mp'].includes(options.method))
          throw new InvalidArgumentError(
            '--method',
            'must be auto, diagonal, general or mp',
            options.method,
          );
        const seed = Number(options.seed);
        if (!Number.isSafeInteger(seed) || seed < 0)
          throw new InvalidArgumentError('--seed', 'must be an integer ≥ 0', options.seed);
        const model = buildModel(
          options.cov,
          options.d === undefined ? undefined : parseDimensionFlag(options.d),
        );
        const start = performance.now();
        const theory = ssrSpectrumTheory(model, alpha, lambda, {
          method: options.method as SpectrumMethod,
          gridPoints,
        });
        const theorySeconds = (performance.now() - start) / 1000;
        let empirical: Float64Array | undefined;
        if (options.simulate) {
          if (model.d === Infinity)
            throw new InvalidArgumentError('--d', 'must be finite to simulate', 'inf');
          empirical = ssrEigen(
            model.sample(Math.max(1, Math.round(alpha * model.d)), seed),
            lambda,
          ).values;
        }
        if (options.json) {
          console.log(
            JSON.stringify({
              grid: Array.from(theory.grid),
              density: Array.from(theory.density),
              eta: theory.eta,
              edges: theory.edges,
              outliers: theory.outliers,
              ...(empirical ? { empirical: Array.from(empirical) } : {}),
            }),
          );
          return;
        }
        console.log(
          `Spectrum of Â for ${model.description}, α = ${alpha}, λ = ${lambda} (κ = ${theory.kappa.toPrecision(5)}, method ${theory.method}, ${theorySeconds.toFixed(2)} s)`,
        );
        console.log(
          `support ${theory.edges.map(([a, b]) => `[${a.toFixed(4)}, ${b.toFixed(4)}]`).join(' ∪ ')}${theory.outliers.length ? `; outliers at ${theory.outliers.map((v) => v.toFixed(4)).join(', ')}` : ''}`,
        );
        if (empirical) {
          const d = empirical.length;
          console.log(
            `simulated (n = ${Math.round(alpha * d)}, seed ${seed}): eigenvalues in [${empirical[0].toFixed(4)}, ${empirical[d - 1].toFixed(4)}], top three ${Array.from(
              empirical.slice(-3),
            )
              .map((v) => v.toFixed(4))
              .join(', ')}`,
          );
          console.log(
            `Kolmogorov distance between simulated and theoretical distributions: ${kolmogorovDistance(empirical, theory.cdf).toFixed(4)}`,
          );
        }
      },
    );
}
