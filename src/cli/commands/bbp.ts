import type { Command } from 'commander';
import { interval } from '../../constraints.js';
import { InvalidArgumentError } from '../../errors.js';
import { bbpTheory } from '../../ssr/bbp.js';
import { bbpSimulation } from '../../ssr/bbp-empirical.js';
import { bbpLocalizedTheory } from '../../ssr/bbp-localized.js';
import { SSR_PARAMS } from '../../ssr/params.js';
import { parseNumber } from '../inputs.js';

const THETA = interval(0, Infinity, '[)');

/**
 * `rmtkit bbp`: the BBP transition of the SSR matrix for Σ = I + θuuᵀ (docs/theory.md §4):
 * threshold, outlier eigenvalue of Â and squared overlap of its eigenvector with u for each θ; u
 * spread (default) or localised on the first k coordinates (`--localized k`, exact §3 solver).
 * `--simulate` adds the same quantities measured on simulated data.
 * @example rmtkit bbp --theta 0.9,1.5,3 --d 800 --alpha 2 --lambda 0.1 --json
 */
export function registerBbp(program: Command): void {
  program
    .command('bbp')
    .description(
      'BBP transition of Â for a spiked covariance: threshold, outlier eigenvalue, eigenvector overlap',
    )
    .requiredOption('--theta <list>', 'spike strengths θ ≥ 0, comma-separated')
    .requiredOption('--d <int>', 'dimension d ≥ 2')
    .requiredOption('--alpha <number>', 'sample ratio α = n/d > 0')
    .requiredOption('--lambda <number>', 'ridge λ ≥ 0 (> 0 with --localized)')
    .option('--localized <k>', 'spike on the first k coordinates, u = (1, …, 1, 0, …)/√k')
    .option('--simulate', 'add the outlier and overlap measured on simulated data')
    .option('--seed <int>', 'random seed of the simulation and of the spread direction', '1')
    .option('--json', 'machine-readable output')
    .action(
      (options: {
        theta: string;
        d: string;
        alpha: string;
        lambda: string;
        localized?: string;
        simulate?: boolean;
        seed: string;
        json?: boolean;
      }) => {
        const thetas = options.theta.split(',').map((s) => parseNumber('--theta', s, THETA));
        const d = parseNumber('--d', options.d, SSR_PARAMS.d);
        const alpha = parseNumber('--alpha', options.alpha, SSR_PARAMS.alpha);
        const lambda = parseNumber('--lambda', options.lambda, SSR_PARAMS.lambda);
        const k =
          options.localized === undefined
            ? undefined
            : parseNumber(
                '--localized',
                options.localized,
                interval(1, d / 2, '[]', { integer: true }),
              );
        const seed = Number(options.seed);
        if (!Number.isSafeInteger(seed) || seed < 0)
          throw new InvalidArgumentError('--seed', 'must be an integer ≥ 0', options.seed);
        const theory =
          k === undefined
            ? bbpTheory(thetas, alpha, lambda, { d })
            : bbpLocalizedTheory(thetas, d, k, alpha, lambda);
        const simulated = options.simulate
          ? bbpSimulation(thetas, d, alpha, lambda, seed, { localized: k })
          : undefined;
        const points = theory.points.map((p, i) => ({
          theta: p.theta,
          outlier: p.outlier,
          overlap: p.overlap,
          ...(simulated
            ? { simulated: { outlier: simulated[i].outlier, overlap: simulated[i].overlap } }
            : {}),
        }));
        const threshold = Number.isFinite(theory.threshold) ? theory.threshold : null;
        if (options.json) {
          console.log(JSON.stringify({ threshold, points }));
          return;
        }
        console.log(
          `Σ = I + θuuᵀ, u ${k === undefined ? 'spread' : `on the first ${k} coordinate${k > 1 ? 's' : ''}`}, d = ${d}, α = ${alpha}, λ = ${lambda}`,
        );
        console.log(
          `BBP threshold θc = ${threshold === null ? '∞ (never visible at this λ)' : threshold.toPrecision(5)}`,
        );
        console.log(
          ['θ', 'outlier of Â', '(vᵀu)²', ...(simulated ? ['sim. outlier', 'sim. (vᵀu)²'] : [])]
            .map((h) => h.padStart(14))
            .join(''),
        );
        for (const p of points) {
          const row = [
            p.theta.toPrecision(4),
            p.outlier === null ? '—' : p.outlier.toFixed(5),
            p.overlap.toFixed(4),
          ];
          if (p.simulated) row.push(p.simulated.outlier.toFixed(5), p.simulated.overlap.toFixed(4));
          console.log(row.map((v) => v.padStart(14)).join(''));
        }
      },
    );
}
