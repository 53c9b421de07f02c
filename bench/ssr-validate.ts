// Validation of the SSR theory against Monte Carlo on a wider grid than the test suite
// (issue 3: d = 500, ≥ 5 seeds, α ∈ [0.3, 5], λ ∈ [1e-3, 10], AR(1), spiked and diagonal models).
// Prints, per point, the relative gap (MC mean / theory − 1) with its standard error for the
// generalisation and the training error, then the worst cases.
// Usage: node --import tsx bench/ssr-validate.ts [--d 500] [--seeds 5]
import { performance } from 'node:perf_hooks';
import { ar1Covariance, diagonalCovariance, spikedCovariance } from '../src/covariance/index.js';
import { type McComparison, monteCarlo } from '../test/ssr/mc.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const d = Number(args.d ?? 500);
const seeds = Number(args.seeds ?? 5);
const alphas = [0.3, 0.6, 1.5, 3, 5];
const lambdas = [1e-3, 0.1, 10];
const models = [
  ar1Covariance(0.6, d),
  spikedCovariance(3, d, 1),
  diagonalCovariance(Float64Array.from({ length: d }, (_, k) => 0.25 + (2 * k) / d)),
];

const start = performance.now();
const rows: McComparison[] = [];
const pct = (v: number) => `${(100 * v).toFixed(2).padStart(6)} %`;
console.log(`d = ${d}, ${seeds} seeds per point; gap = MC mean / theory − 1 (± standard error)`);
console.log(
  'model          α       λ      L_gen theory   gap ± SE              L_tr theory    gap ± SE',
);
for (const model of models) {
  for (const alpha of alphas) {
    for (const lambda of lambdas) {
      const r = monteCarlo(model, alpha, lambda, seeds);
      rows.push(r);
      console.log(
        `${r.model.padEnd(12)} ${String(alpha).padStart(4)} ${String(lambda).padStart(7)}   ${r.theoryGen.toPrecision(5).padStart(10)}  ${pct(r.mcGen / r.theoryGen - 1)} ± ${pct(r.seGen / r.theoryGen)}   ${r.theoryTrain.toPrecision(5).padStart(10)}  ${pct(r.mcTrain / r.theoryTrain - 1)} ± ${pct(r.seTrain / r.theoryTrain)}`,
      );
    }
  }
}
const worst = (key: 'Gen' | 'Train', filter: (r: McComparison) => boolean) =>
  rows
    .filter(filter)
    .reduce((m, r) => Math.max(m, Math.abs(r[`mc${key}`] / r[`theory${key}`] - 1)), 0);
console.log(
  `worst |gap| L_gen: ${pct(worst('Gen', () => true))}; L_tr for α ≥ 1: ${pct(worst('Train', (r) => r.alpha >= 1))}, for α < 1: ${pct(worst('Train', (r) => r.alpha < 1))}`,
);
console.log(`${rows.length} points in ${((performance.now() - start) / 1000).toFixed(1)} s`);
