import type { Command } from 'commander';
import { interval } from '../../constraints.js';
import { InvalidArgumentError } from '../../errors.js';
import { COVARIANCE_SYNTAX } from '../../scenario/covariance-spec.js';
import { comparePca, DEFAULT_GAMMAS } from '../../ssr/compare-pca.js';
import { SSR_PARAMS } from '../../ssr/params.js';
import { buildModel, parseDimensionFlag } from '../covariance-flags.js';
import { parseNumber } from '../inputs.js';

const GAMMA = interval(0, 1, '[]');

/**
 * `rmtkit compare-pca`: masked SSR against PCA with a fraction γ = p/d of components
 * (docs/theory.md §5): SSR's error (at λ, default the optimal λ*), PCA's error for each γ, and the
 * crossing γ* above which PCA wins. `--alpha inf` compares the populations (n → ∞).
 * @example rmtkit compare-pca --cov ar1:0.5 --alpha inf --json // gammaStar ≈ 0.1513
 */
export function registerComparePca(program: Command): void {
  program
    .command('compare-pca')
    .description('SSR versus PCA: errors and the fraction of components γ* where PCA catches up')
    .requiredOption('--cov <model>', `covariance model: ${COVARIANCE_SYNTAX}`)
    .option(
      '--d <int|inf>',
      'dimension (an integer ≥ 2, or inf); file models take it from the file',
      'inf',
    )
    .requiredOption(
      '--alpha <number|inf>',
      'sample ratio α = n/d > 0, or inf for the population comparison',
    )
    .option('--lambda <number|opt>', 'SSR ridge λ ≥ 0, or opt for the optimal λ*', 'opt')
    .option(
      '--gamma <list>',
      'fractions of PCA components γ in [0, 1], comma-separated (default 0.05, 0.10, …, 1)',
    )
    .option('--json', 'machine-readable output')
    .action(
      (options: {
        cov: string;
        d: string;
        alpha: string;
        lambda: string;
        gamma?: string;
        json?: boolean;
      }) => {
        const alpha = /^(inf|infinity|∞)$/i.test(options.alpha.trim())
          ? Infinity
          : parseNumber('--alpha', options.alpha, SSR_PARAMS.alpha);
        const lambda =
          options.lambda.trim() === 'opt'
            ? 'opt'
            : parseNumber('--lambda', options.lambda, SSR_PARAMS.lambda);
        if (alpha === Infinity && lambda !== 'opt')
          throw new InvalidArgumentError(
            '--lambda',
            'has no effect with --alpha inf (the n → ∞ SSR error does not depend on λ); leave it out',
            options.lambda,
          );
        const gammas =
          options.gamma === undefined
            ? DEFAULT_GAMMAS
            : options.gamma.split(',').map((s) => parseNumber('--gamma', s, GAMMA));
        const model = buildModel(options.cov, parseDimensionFlag(options.d));
        const result = comparePca(model.spectrum(), alpha, { lambda, gammas });
        if (options.json) {
          console.log(
            JSON.stringify({
              ssrError: result.ssrError,
              gammaStar: result.gammaStar,
              pca: result.pca,
            }),
          );
          return;
        }
        console.log(
          `${model.description}; α = ${alpha === Infinity ? '∞ (populations)' : alpha}${result.lambda === null ? '' : `, SSR at λ = ${result.lambda.toPrecision(5)}${lambda === 'opt' ? ' (optimal)' : ''}`}`,
        );
        console.log(
          `SSR error per coordinate ${result.ssrError.toPrecision(6)}; PCA matches it at γ* = ${result.gammaStar.toPrecision(5)} (PCA needs more than ${(100 * result.gammaStar).toPrecision(3)} % of the components to win)`,
        );
        console.log(`${'γ'.padStart(8)}${'PCA error'.padStart(14)}`);
        for (const p of result.pca)
          console.log(
            `${p.gamma.toFixed(3).padStart(8)}${p.error.toPrecision(6).padStart(14)}${p.error < result.ssrError ? '   < SSR' : ''}`,
          );
      },
    );
}
