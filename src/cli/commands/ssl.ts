import type { Command } from 'commander';
import { InvalidArgumentError } from '../../errors.js';
import { SSL_PARAMS } from '../../ssl/params.js';
import { runSslTrial } from '../../ssl/trial.js';
import { parseNumber } from '../inputs.js';

/**
 * `rmtkit ssl`: one run of reconstructive SSL on the linear-Gaussian model with low-rank
 * redundancy (docs/theory.md §16): excess risks of SSL (linear and ridge downstream) and the
 * supervised baselines at each n, with ε_s (exact and stand-in), d_λ and the Corollary 11 bound.
 * @example rmtkit ssl --d1 40 --d2 60 --p 3 --s 2 --n 50,500,5000 --json
 */
export function registerSsl(program: Command): void {
  program
    .command('ssl')
    .description('reconstructive SSL with low-rank redundancy: one run (docs/theory.md §16)')
    .option('--d1 <int>', 'input dimension d₁', '40')
    .option('--d2 <int>', 'pretext-target dimension d₂', '60')
    .option('--p <int>', 'label dimension p', '3')
    .option('--s <int>', 'redundancy rank s ≤ d₂ − p', '2')
    .option('--epsilon <number>', 'approximation error ε_s ≥ 0', '0')
    .option('--encoding-rank <int>', 'rank of the label encoding C_h (default p)')
    .option('--sigma <number>', 'label noise σ', '1')
    .option('--n <list>', 'labeled sample sizes, comma-separated (each ≥ p)', '100')
    .option('--pretext <kind>', 'oracle | linear | random-features', 'oracle')
    .option('--unlabeled <int>', 'unlabeled pairs m for a learned pretext (default 20·d₁)')
    .option('--lambda <number>', 'downstream ridge λ', '0.05')
    .option('--seed <int>', 'data seed', '1')
    .option('--json', 'machine-readable output')
    .action((o: Record<string, string | boolean | undefined>) => {
      const num = (flag: string, key: string, c: (typeof SSL_PARAMS)[keyof typeof SSL_PARAMS]) =>
        parseNumber(flag, String(o[key]), c);
      const pretext = String(o.pretext);
      if (!['oracle', 'linear', 'random-features'].includes(pretext))
        throw new InvalidArgumentError(
          '--pretext',
          'must be oracle, linear or random-features',
          pretext,
        );
      const p = num('--p', 'p', SSL_PARAMS.p);
      const ns = String(o.n)
        .split(',')
        .map((v) => parseNumber('--n', v, SSL_PARAMS.n));
      const results = runSslTrial({
        model: {
          d1: num('--d1', 'd1', SSL_PARAMS.d1),
          d2: num('--d2', 'd2', SSL_PARAMS.d2),
          p,
          s: num('--s', 's', SSL_PARAMS.s),
          epsilon: num('--epsilon', 'epsilon', SSL_PARAMS.epsilon),
          encodingRank:
            o.encodingRank === undefined ? p : num('--encoding-rank', 'encodingRank', SSL_PARAMS.p),
          sigma: num('--sigma', 'sigma', SSL_PARAMS.sigma),
        },
        n: ns,
        pretext: pretext as 'oracle' | 'linear' | 'random-features',
        unlabeled:
          o.unlabeled === undefined ? undefined : num('--unlabeled', 'unlabeled', SSL_PARAMS.n),
        lambda: num('--lambda', 'lambda', SSL_PARAMS.lambda),
        seed: num('--seed', 'seed', SSL_PARAMS.s),
      });
      if (o.json) {
        console.log(JSON.stringify({ pretext, results }));
        return;
      }
      const r0 = results[0]!;
      console.log(
        `Reconstructive SSL (${pretext} pretext): ε_s exact ${r0.epsilonExact.toPrecision(4)}, stand-in ${r0.epsilonStandIn.toPrecision(4)}; error* ${r0.errorStar.toPrecision(3)}; d_λ ${r0.dLambda.toFixed(3)} ≤ ${r0.dLambdaBound.toFixed(3)}`,
      );
      console.log(
        `  ${'n'.padStart(6)} ${'SSL linear'.padStart(11)} ${'SSL ridge'.padStart(11)} ${'sup. linear'.padStart(11)} ${'sup. ridge'.padStart(11)} ${'bound'.padStart(11)} ${'(p+s)σ²/n'.padStart(11)}`,
      );
      for (const r of results)
        console.log(
          `  ${String(r.n).padStart(6)} ${[
            r.sslLinear,
            r.sslRidge,
            r.supervisedLinear,
            r.supervisedRidge,
            r.bound,
            r.rate,
          ]
            .map((v) => v.toExponential(3).padStart(11))
            .join(' ')}${r.boundValid ? '' : '  (bound outside n ≥ 2D + 2)'}`,
        );
    });
}
