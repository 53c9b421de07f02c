// SSR speed benchmark (issue 3), every reference measured in the same run:
//  1. fitSsr at n × d (default 4000 × 2000) on the active backend against bench/ssr_numpy.py doing
//     the same closed form on the same data; batches alternate (numpy, rmtkit, numpy, rmtkit) so
//     load from other processes hits both; the ratio uses the best time of each.
//  2. A 200-point λ-curve of the theory for a dense Σ (AR(1), d = 2000) after one
//     eigendecomposition (timed separately), and the optimal λ at one α.
//  3. The same curve for AR(1) at d = ∞ (spectral symbol).
// Usage: node --import tsx bench/ssr.ts [--n 4000] [--d 2000] [--repeats 3] [--lambda 0.1]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ar1Covariance } from '../src/covariance/index.js';
import { writeNpy } from '../src/io/index.js';
import { backend } from '../src/linalg/backend.js';
import { gaussianMatrix } from '../src/random/index.js';
import { fitSsr, optimalLambda, ssrTheory } from '../src/ssr/index.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const n = Number(args.n ?? 4000);
const d = Number(args.d ?? 2000);
const repeats = Number(args.repeats ?? 3);
const lambda = Number(args.lambda ?? 0.1);

const dir = mkdtempSync(join(tmpdir(), 'rmtkit-bench-ssr-'));
const file = join(dir, 'x.npy');
const x = gaussianMatrix(n, d, 1);
writeNpy(file, x);
const env = { ...process.env };
delete env.OPENBLAS_CORETYPE;
delete env.OPENBLAS_L2_SIZE;

const numpyTimes: number[] = [];
const ourTimes: number[] = [];
let numpyTrain = NaN;
let ourTrain = NaN;
for (let batch = 0; batch < 2; batch++) {
  const r = JSON.parse(
    execFileSync(
      'python3',
      [
        new URL('./ssr_numpy.py', import.meta.url).pathname,
        JSON.stringify({ file, lambda, repeats }),
      ],
      { env, encoding: 'utf8' },
    ),
  );
  numpyTimes.push(...r.times);
  numpyTrain = r.trainError;
  for (let k = 0; k < repeats; k++) {
    const start = performance.now();
    ourTrain = fitSsr(x, { lambda }).trainError;
    ourTimes.push((performance.now() - start) / 1000);
  }
}
rmSync(dir, { recursive: true, force: true });
const best = (t: number[]) => Math.min(...t);
const median = (t: number[]) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];
console.log(`fitSsr n = ${n}, d = ${d}, λ = ${lambda}, backend ${backend()}`);
console.log(
  `  rmtkit best ${best(ourTimes).toFixed(3)} s (median ${median(ourTimes).toFixed(3)})   numpy best ${best(numpyTimes).toFixed(3)} s (median ${median(numpyTimes).toFixed(3)})`,
);
console.log(
  `  ratio rmtkit/numpy: best ${(best(ourTimes) / best(numpyTimes)).toFixed(2)}×, median ${(median(ourTimes) / median(numpyTimes)).toFixed(2)}×   (target ≤ 1.2×)`,
);
console.log(
  `  training errors agree: rmtkit ${ourTrain} numpy ${numpyTrain} (rel diff ${Math.abs(ourTrain / numpyTrain - 1).toExponential(1)})`,
);

const lambdas = Array.from({ length: 200 }, (_, i) => ({
  alpha: 2,
  lambda: 10 ** (-4 + (6 * i) / 199),
}));
let start = performance.now();
const dense = ar1Covariance(0.5, 2000);
const form = dense.spectrum();
const eighSeconds = (performance.now() - start) / 1000;
start = performance.now();
const curve = ssrTheory(form, lambdas);
const curveSeconds = (performance.now() - start) / 1000;
start = performance.now();
const opt = optimalLambda(form, 2);
const optSeconds = (performance.now() - start) / 1000;
console.log(
  `dense Σ (AR(1) ρ = 0.5, d = 2000): eigendecomposition ${eighSeconds.toFixed(3)} s, then 200-point λ-curve ${curveSeconds.toFixed(3)} s (target < 3 s), optimal λ ${optSeconds.toFixed(3)} s (λ* = ${opt.point.lambda.toPrecision(4)}, L_gen ${opt.point.genError.toPrecision(5)})`,
);

start = performance.now();
const limit = ar1Covariance(0.5, Infinity).spectrum();
const symbolSeconds = (performance.now() - start) / 1000;
ssrTheory(limit, lambdas); // warm-up (JIT)
const times: number[] = [];
let limitCurve = curve;
for (let k = 0; k < 5; k++) {
  start = performance.now();
  limitCurve = ssrTheory(limit, lambdas);
  times.push(performance.now() - start);
}
const gap = Math.max(...curve.map((p, i) => Math.abs(p.genError / limitCurve[i].genError - 1)));
console.log(
  `AR(1) d = ∞: symbol quadrature ${(symbolSeconds * 1000).toFixed(2)} ms (${limit.values.length} nodes), 200-point curve best ${best(times).toFixed(2)} ms (median ${median(times).toFixed(2)} ms); max relative gap to d = 2000: ${gap.toExponential(2)}`,
);
