import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { COVARIANCE_SYNTAX } from '../../scenario/covariance-spec.js';
import { optimalLambda } from '../../ssr/optimal.js';
import { SSR_PARAMS } from '../../ssr/params.js';
import { irreducibleError, ssrTheory, type TheoryPoint } from '../../ssr/theory.js';
import { buildModel, parseDimensionFlag } from '../covariance-flags.js';
import { parseNumber } from '../inputs.js';

/**
 * `rmtkit theory`: the deterministic-equivalent SSR errors for a covariance model over a grid of
 * α and λ values (`--lambda opt` adds the optimal λ* for each α). One eigendecomposition serves
 * the whole grid.
 * @example rmtkit theory --cov ar1:0.5 --d inf --alpha 0.5,1,2 --lambda 0.01,opt --json
 */
export function registerTheory(program: Command): void {
  program
    .command('theory')
    .description('deterministic-equivalent generalisation and training error of masked SSR')
    .requiredOption('--cov <model>', `covariance model: ${COVARIANCE_SYNTAX}`)
    .option(
      '--d <int|inf>',
      'dimension (an integer ≥ 2, or inf for the d → ∞ limit); file models take it from the file',
    )
    .requiredOption('--alpha <list>', 'sample ratios α = n/d > 0, comma-separated')
    .requiredOption(
      '--lambda <list>',
      'ridges λ ≥ 0, comma-separated; "opt" adds the optimal λ for each α',
    )
    .option('--json', 'machine-readable output')
    .action(
      (options: { cov: string; d?: string; alpha: string; lambda: string; json?: boolean }) => {
        const d = options.d === undefined ? undefined : parseDimensionFlag(options.d);
        const alphas = options.alpha
          .split(',')
          .map((s) => parseNumber('--alpha', s, SSR_PARAMS.alpha));
        const lambdaItems = options.lambda.split(',').map((s) => s.trim());
        const wantOptimal = lambdaItems.includes('opt');
        const lambdas = lambdaItems
          .filter((s) => s !== 'opt')
          .map((s) => parseNumber('--lambda', s, SSR_PARAMS.lambda));
        const start = performance.now();
        const model = buildModel(options.cov, d);
        const form = model.spectrum();
        const points: Array<TheoryPoint & { optimal: boolean; atBound?: 'lower' | 'upper' }> = [];
        for (const alpha of alphas) {
          for (const p of ssrTheory(
            form,
            lambdas.map((lambda) => ({ alpha, lambda })),
          ))
            points.push({ ...p, optimal: false });
          if (wantOptimal) {
            const best = optimalLambda(form, alpha);
            points.push({
              ...best.point,
              optimal: true,
              ...(best.atBound ? { atBound: best.atBound } : {}),
            });
          }
        }
        const irreducible = irreducibleError(form);
        const seconds = (performance.now() - start) / 1000;
        if (options.json) {
          const finite = (v: number) => (Number.isFinite(v) ? v : null);
          console.log(
            JSON.stringify({
              model: model.name,
              description: model.description,
              d: model.d === Infinity ? 'inf' : model.d,
              irreducibleError: irreducible,
              seconds,
              points: points.map((p) => ({
                alpha: p.alpha,
                lambda: p.lambda,
                kappa: p.kappa,
                df1: finite(p.df1),
                df2: finite(p.df2),
                df1OverN: p.df1OverN,
                df2OverN: p.df2OverN,
                genError: finite(p.genError),
                trainError: finite(p.trainError),
                optimal: p.optimal,
                ...(p.atBound ? { atBound: p.atBound } : {}),
                converged: p.converged,
              })),
            }),
          );
          return;
        }
        console.log(
          `${model.description}; irreducible error (n → ∞) ${irreducible.toPrecision(6)}`,
        );
        console.log(
          'errors are mean squared errors per coordinate, in the units of Σ (variance); κ is the effective ridge',
        );
        console.log(
          ['α', 'λ', 'κ', 'df₁/n', 'df₂/n', 'L_gen', 'L_tr'].map((h) => h.padStart(12)).join(''),
        );
        for (const p of points) {
          const row = [p.alpha, p.lambda, p.kappa, p.df1OverN, p.df2OverN, p.genError, p.trainError]
            .map((v) => fmt(v).padStart(12))
            .join('');
          console.log(
            `${row}${p.optimal ? '   ← optimal λ' : ''}${p.converged ? '' : '   (κ solve did not converge)'}`,
          );
        }
        console.log(`${points.length} points in ${seconds.toFixed(3)} s`);
      },
    );
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? v.toPrecision(5) : v.toExponential(3);
}
