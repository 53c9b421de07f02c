// Spectrum benchmark (issue 4): the theoretical density of Â on a 400-point grid for AR(1) at
// d = 1000 (target < 2 s) and the general non-commuting solver at d = 500 (target < 30 s), with
// numpy references measured in the same run. Usage: node --import tsx bench/spectrum.ts
//   [--d 1000] [--d-general 500] [--numpy-points 3]
// The general solver on a dense Σ at d = 1000–4000 against one simulated Â:
// bench/spectrum-general.ts.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { ar1Covariance, diagonalCovariance, spikedCovariance } from '../src/covariance/index.js';
import { backend } from '../src/linalg/backend.js';
import { ssrEigen } from '../src/ssr/spectrum.js';
import { ssrSpectrumTheory } from '../src/ssr/spectrum-theory.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const d = Number(args.d ?? 1000);
const dGeneral = Number(args['d-general'] ?? 500);
const numpyPoints = Number(args['numpy-points'] ?? 3);
const alpha = 2;
const lambda = 0.1;

const numpy = JSON.parse(
  execFileSync(
    'python3',
    [
      new URL('./spectrum_numpy.py', import.meta.url).pathname,
      JSON.stringify({ d, rho: 0.5, alpha, dGeneral, generalPoints: numpyPoints }),
    ],
    { encoding: 'utf8' },
  ),
) as {
  numpy: string;
  silverstein: { seconds: number; iterations: number };
  general: { secondsPerPoint: number; solvesPerPoint: number };
  simulate: { seconds: number };
};

const seconds = (f: () => void): number => {
  const start = performance.now();
  f();
  return (performance.now() - start) / 1000;
};

console.log(`rmtkit ${backend()} backend, numpy ${numpy.numpy}; α = ${alpha}, λ = ${lambda}`);
console.log(
  'task                                              rmtkit s    reference s   ×reference   reference',
);
const row = (task: string, t: number, ref: number, what: string) =>
  console.log(
    `${task.padEnd(48)}${t.toFixed(3).padStart(10)}${ref.toFixed(3).padStart(15)}${(t / ref).toFixed(2).padStart(12)}   ${what}`,
  );

const ar1 = ar1Covariance(0.5, d);
const tEig = seconds(() => ar1.spectrum());
let grid = 0;
const tAr1 = seconds(
  () => (grid = ssrSpectrumTheory(ar1, alpha, lambda, { gridPoints: 400 }).grid.length),
);
row(
  `AR(1) d=${d}: eigh(Σ) + density, ${grid} points (mp)`,
  tEig + tAr1,
  numpy.silverstein.seconds,
  `numpy eigvalsh + fixed point, 400 pts (${numpy.silverstein.iterations} it.)`,
);
const two = diagonalCovariance(Float64Array.from({ length: d }, (_, k) => (k < d / 2 ? 1 : 4)));
row(
  `two-level diagonal d=${d}: density (diagonal)`,
  seconds(() => ssrSpectrumTheory(two, alpha, lambda)),
  numpy.silverstein.seconds,
  'same numpy reference',
);
const spiked = spikedCovariance(3, d, 1);
row(
  `spiked d=${d}: density + outlier (mp)`,
  seconds(() => ssrSpectrumTheory(spiked, alpha, lambda)),
  numpy.silverstein.seconds,
  'same numpy reference',
);

const general = ar1Covariance(0.5, dGeneral);
general.spectrum();
let points = 0;
const tGeneral = seconds(() => {
  points = ssrSpectrumTheory(general, alpha, lambda, { method: 'general' }).grid.length;
});
const refGeneral = numpy.general.secondsPerPoint * points;
row(
  `general solver AR(1) d=${dGeneral}, ${points} points`,
  tGeneral,
  refGeneral,
  `numpy complex inverse per δ step (${numpy.general.solvesPerPoint.toFixed(0)}/point), extrapolated from ${numpyPoints} points`,
);
const sim = ar1.sample(alpha * d, 1);
row(
  `simulation: one Â spectrum at d=${d}`,
  seconds(() => ssrEigen(sim, lambda)),
  numpy.simulate.seconds,
  'numpy Gram + inv + eigvalsh',
);
console.log(
  `targets: AR(1) density ${(tEig + tAr1).toFixed(2)} s (< 2 s), general solver d=${dGeneral} ${tGeneral.toFixed(1)} s (< 30 s)`,
);
