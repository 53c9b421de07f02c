import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../../errors.js';
import { eigvalsh, gram } from '../../linalg/api.js';
import { backend } from '../../linalg/backend.js';
import { gaussianMatrix } from '../../random/index.js';
import { kolmogorovDistance } from '../../rmt/kolmogorov.js';
import { marchenkoPastur } from '../../rmt/laws/marchenko-pastur.js';
import { histogram } from '../../stats/histogram.js';
import { CLI_LIMITS, float64Bytes, limitNote, requireMemory } from '../limits.js';
import { ssrDemo } from './demo-ssr.js';

/**
 * `rmtkit demo`: the two checks anyone can run right after install. (1) Masked SSR fitted on
 * seeded AR(1) data against its deterministic-equivalent errors; (2) the spectrum of the sample
 * covariance of Gaussian data against the Marchenko–Pastur law.
 */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'masked SSR on AR(1) data vs its theory, and a sample spectrum vs Marchenko–Pastur',
    )
    .option('--d <int>', 'dimension', '500')
    .option('--alpha <number>', 'samples per dimension n/d', '2')
    .option('--rho <number>', 'AR(1) correlation ρ of the SSR data', '0.5')
    .option(
      '--seeds <int>',
      `independent data sets for the SSR simulation ${limitNote(CLI_LIMITS.seeds)}`,
      '3',
    )
    .option('--seed <int>', 'random seed', '1')
    .option('--json', 'machine-readable output')
    .action(
      (options: {
        d: string;
        alpha: string;
        rho: string;
        seeds: string;
        seed: string;
        json?: boolean;
      }) => {
        const d = Number(options.d);
        const alpha = Number(options.alpha);
        if (!Number.isInteger(d) || d < 2)
          throw new InvalidArgumentError('--d', 'must be an integer ≥ 2', options.d);
        if (!(alpha > 0) || !Number.isFinite(alpha))
          throw new InvalidArgumentError('--alpha', 'must be a number > 0', options.alpha);
        const rho = Number(options.rho);
        if (!(rho >= 0 && rho < 1))
          throw new InvalidArgumentError('--rho', 'must be in [0, 1)', options.rho);
        const seeds = CLI_LIMITS.seeds.check('--seeds', Number(options.seeds));
        const rows = Math.max(1, Math.round(alpha * d));
        requireMemory(
          '--d',
          d,
          float64Bytes(2 * rows * d, 4 * d * d),
          `${rows}×${d} samples and ${d}×${d} matrices`,
        );
        const ssrStart = performance.now();
        const ssr = ssrDemo(d, alpha, rho, seeds, Number(options.seed));
        const ssrSeconds = (performance.now() - ssrStart) / 1000;
        const n = Math.max(1, Math.round(alpha * d));
        const start = performance.now();
        const x = gaussianMatrix(n, d, Number(options.seed));
        const values = eigvalsh(gram(x));
        const seconds = (performance.now() - start) / 1000;
        const law = marchenkoPastur(d / n);
        const ks = kolmogorovDistance(values, law.cdf);
        const spectrum = {
          n,
          d,
          seconds,
          empiricalEdges: [values[0], values[d - 1]],
          theoryEdges: law.support,
          kolmogorovDistance: ks,
        };
        if (options.json) {
          console.log(
            JSON.stringify({ backend: backend(), ssr: { ...ssr, seconds: ssrSeconds }, spectrum }),
          );
          return;
        }
        const pm = (m: number, se: number) =>
          Number.isNaN(se)
            ? `${m.toFixed(5)} (one seed: no standard error)`
            : `${m.toFixed(5)} ± ${se.toFixed(5)}`;
        console.log(
          `Masked SSR on ${ssr.n}×${ssr.d} samples of AR(1) ρ = ${rho} (${seeds} seeds, λ* = ${ssr.lambda.toPrecision(4)} from the theory), ${ssrSeconds.toFixed(2)} s`,
        );
        console.log(
          `  generalisation error  simulation ${pm(ssr.simulation.genError, ssr.simulation.genStdErr)}   theory ${ssr.theory.genError.toFixed(5)}`,
        );
        console.log(
          `  training error        simulation ${pm(ssr.simulation.trainError, ssr.simulation.trainStdErr)}   theory ${ssr.theory.trainError.toFixed(5)}`,
        );
        console.log(`  (errors: mean squared error per coordinate, Σ has unit variances)\n`);
        console.log(
          `Sample covariance of ${n}×${d} Gaussian data (c = d/n = ${(d / n).toFixed(3)}), ${backend()} backend, ${seconds.toFixed(3)} s`,
        );
        console.log(
          `eigenvalue range   empirical [${values[0]!.toFixed(4)}, ${values[d - 1]!.toFixed(4)}]   Marchenko–Pastur [${law.support[0].toFixed(4)}, ${law.support[1].toFixed(4)}]`,
        );
        console.log(textHistogram(values, law.cdf, law.support));
        console.log(
          `Kolmogorov distance to the Marchenko–Pastur law: ${ks.toFixed(4)} (finite-d fluctuations are O(1/d) = ${(1 / d).toFixed(4)})`,
        );
      },
    );
}

/**
 * A text histogram of the eigenvalue density per bin, next to the law's average density over the
 * bin.
 */
function textHistogram(
  values: Float64Array,
  cdf: (x: number) => number,
  [lo, hi]: [number, number],
): string {
  const bins = 16;
  const { width, counts } = histogram(values, { bins, range: [lo, hi] });
  const peak = Math.max(...counts) / (values.length * width);
  const lines: string[] = [];
  for (let b = 0; b < bins; b++) {
    const centre = lo + (b + 0.5) * width;
    const empirical = counts[b]! / (values.length * width);
    const theory = (cdf(lo + (b + 1) * width) - cdf(lo + b * width)) / width;
    const bar = '#'.repeat(Math.round((40 * empirical) / peak));
    lines.push(
      `${centre.toFixed(3).padStart(8)} | ${bar.padEnd(40)} ${empirical.toFixed(3)} (theory ${theory.toFixed(3)})`,
    );
  }
  return lines.join('\n');
}
