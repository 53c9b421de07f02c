// General (non-commuting) spectrum solver benchmark (issue 25): the density of Â for a dense Σ
// (two noisy clusters of eigenvalues in a Haar-random basis, α = 2, λ = 0.1) on a 400-point
// grid, against numpy's empirical spectrum of one simulated Â at the same d, measured in the same
// run. Each point of the general solver costs two d×d eigenvalue solves, so above d = 1000 the
// 400-point time is extrapolated from `--points` timed grid evaluations plus the measured
// set-up and scan (`--full` runs the whole 400-point law at the smallest d instead).
// `--block b` makes Σ block-diagonal (the same two clusters in a Haar-random basis of each block
// of b coordinates): then the whole `ssrSpectrumTheory` call (κ, Δ, eigh(Σ), the law) is timed
// at every d (twice: first call and second), and its Kolmogorov distance to numpy's simulated
// eigenvalues is printed;
// `--equicorrelation` makes the blocks (1 − ρ)I + ρ11ᵀ (ρ = 0.6, 0.2, …), which commute with Δ.
// Usage: OPENBLAS_NUM_THREADS=1 node --import tsx bench/spectrum-general.ts
//   [--sizes 1000,2000,4000] [--points 3] [--full] [--block 50 [--equicorrelation]]
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { denseCovariance } from '../src/covariance/index.js';
import { readNpy } from '../src/io/npy.js';
import { backend } from '../src/linalg/backend.js';
import { Matrix } from '../src/linalg/matrix.js';
import { deformedLaw } from '../src/rmt/deformed/law.js';
import { generalPencil } from '../src/rmt/deformed/pencil.js';
import { kolmogorovDistance } from '../src/rmt/kolmogorov.js';
import { spectrumScales } from '../src/ssr/spectrum-delta.js';
import { ssrSpectrumTheory } from '../src/ssr/spectrum-theory.js';

const args = process.argv.slice(2);
const option = (name: string) => args[args.indexOf(`--${name}`) + 1];
const sizes = (args.includes('--sizes') ? option('sizes') : '1000,2000,4000')
  .split(',')
  .map(Number);
const points = Number(args.includes('--points') ? option('points') : 3);
const full = args.includes('--full');
const block = Number(args.includes('--block') ? option('block') : 0);
const equicorrelation = args.includes('--equicorrelation');
const alpha = 2;
const lambda = 0.1;
const dir = mkdtempSync(join(tmpdir(), 'rmtkit-spectrum-'));
const numpy = JSON.parse(
  execFileSync(
    'python3',
    [
      new URL('./spectrum_general_numpy.py', import.meta.url).pathname,
      JSON.stringify({ sizes, alpha, lambda, dir, block, equicorrelation }),
    ],
    { encoding: 'utf8' },
  ),
) as { numpy: string; sizes: Record<string, { simulate: number; eigvalsh: number }> };
const now = () => performance.now() / 1000;
let scanEvaluations = 0;

console.log(
  `rmtkit ${backend()} backend, numpy ${numpy.numpy}, OPENBLAS_NUM_THREADS=${process.env.OPENBLAS_NUM_THREADS ?? 'unset'}, load average ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
console.log(
  '   d   set-up s  scan s  (solves)  point s  400 points s   numpy sim s  eigvalsh s  ×sim   ×eigvalsh',
);
for (const d of sizes) {
  const sigma = readNpy(join(dir, `sigma-${d}.npy`)) as Matrix;
  const ref = numpy.sizes[String(d)];
  if (block > 0) {
    // Twice, each on a fresh model (no cached eigendecomposition): the first call also pays
    // the JIT compilation of the solver.
    const seconds: number[] = [];
    let theory: ReturnType<typeof ssrSpectrumTheory> | undefined;
    for (let r = 0; r < 2; r++) {
      const t0 = now();
      theory = ssrSpectrumTheory(denseCovariance(sigma), alpha, lambda, {
        method: 'general',
        gridPoints: 400,
      });
      seconds.push(now() - t0);
    }
    const law = theory as ReturnType<typeof ssrSpectrumTheory>;
    const empirical = readNpy(join(dir, `empirical-${d}.npy`)) as Float64Array;
    const ks = kolmogorovDistance(empirical, law.cdf);
    const [first, second] = seconds;
    console.log(
      `${String(d).padStart(5)}  ${equicorrelation ? 'equicorrelation ' : ''}blocks of ${block}: whole law ${first.toFixed(3)} s first call, ${second.toFixed(3)} s second (${law.grid.length} grid points, Δ spread ${law.deltaSpread.toFixed(3)}); numpy sim ${ref.simulate.toFixed(3)} s, eigvalsh ${ref.eigvalsh.toFixed(3)} s; second call ×sim ${(second / ref.simulate).toFixed(2)}, ×eigvalsh ${(second / ref.eigvalsh).toFixed(2)}; Kolmogorov to numpy's Â ${ks.toFixed(4)}`,
    );
    continue;
  }
  const t0 = now();
  const scales = spectrumScales(denseCovariance(sigma).spectrum(), alpha, lambda);
  const delta = scales.delta;
  const t = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++)
      t.data[i * d + j] = Math.sqrt(delta[i] * delta[j]) * sigma.data[i * d + j];
  const pencil = generalPencil(
    Float64Array.from(delta, (v) => lambda * v),
    t,
    1 / alpha,
  );
  const setup = now() - t0;
  let total: number;
  let scan = 0;
  let evaluations = 0;
  let perPoint = 0;
  if (full && d === sizes[0]) {
    const t1 = now();
    evaluations = deformedLaw(pencil, 1 / alpha, { gridPoints: 400 }).evaluations;
    total = setup + now() - t1;
  } else {
    const [lo, hi] = pencil.range;
    const t2 = now();
    for (let k = 0; k < points; k++) pencil.at(lo + ((hi - lo) * (k + 1)) / (4 * points), true);
    perPoint = (now() - t2) / points;
    if (d === sizes[0]) {
      // Scan and edges: the law with the smallest grid (16 points), less those 16 points.
      const t1 = now();
      const law = deformedLaw(pencil, 1 / alpha, { gridPoints: 16 });
      scanEvaluations = law.evaluations - law.grid.length;
      evaluations = scanEvaluations;
      scan = Math.max(0, now() - t1 - 16 * perPoint);
    } else {
      // Larger d: as many scan and edge evaluations (one eigenvalue solve each) as at the first.
      evaluations = scanEvaluations;
      scan = (scanEvaluations * perPoint) / 2;
    }
    total = setup + scan + 400 * perPoint;
  }
  console.log(
    `${String(d).padStart(5)}${setup.toFixed(2).padStart(10)}${scan.toFixed(2).padStart(8)}${String(evaluations).padStart(9)}${perPoint.toFixed(3).padStart(9)}${total.toFixed(1).padStart(14)}${ref.simulate.toFixed(3).padStart(14)}${ref.eigvalsh.toFixed(3).padStart(12)}${(total / ref.simulate).toFixed(0).padStart(6)}${(total / ref.eigvalsh).toFixed(0).padStart(12)}`,
  );
}
console.log(
  `load average after: ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
