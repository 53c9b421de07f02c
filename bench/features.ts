// Random features and random networks benchmark (issue 16), the numbers docs/random-features.md
// quotes, each beside a reference measured in the same run:
// - the 60-ratio × 2-γ theory curve on n = n̂ = 1024 samples (p = 784): kernel K and K_{XX̂}, one
//   eigh, the curve; numpy's eigh of the same size beside it (python3);
// - the spectrum of the layer-3 conjugate kernel of a normalised random ReLU network against K̃_3
//   at n = p = 2000 (the size) and n = 2000, p = 4000: Kolmogorov distances;
// - the HTMP ridge scaling law over two decades of n: simulated vs theory log-log slope.
// Usage: node --import tsx bench/features.ts [--threads 1] [--skip-ck]
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { twoSampleDistance } from '../src/experiments/defs/deep-ck.js';
import { ckCoefficients, deepKernels } from '../src/features/deep-kernel.js';
import { htmpRidgeExponent, simulateHtmpRidge } from '../src/features/htmp-scaling.js';
import { featureKernel } from '../src/features/kernel.js';
import { linearizedConjugateKernel } from '../src/features/linearized-kernel.js';
import { rfSpectrum } from '../src/features/rf-spectrum.js';
import { rfTheory } from '../src/features/rf-theory.js';
import { eigh, eigvalsh } from '../src/linalg/api.js';
import { setBlasThreads } from '../src/linalg/backend.js';
import type { Matrix } from '../src/linalg/matrix.js';
import { gaussianMatrix } from '../src/random/gaussian.js';
import { logGrid } from '../src/scenario/grid.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const threads = Number(arg('threads', '1'));
setBlasThreads(threads);
const best = (f: () => unknown, reps = 3) => {
  let t = Infinity;
  for (let r = 0; r < reps; r++) {
    const s = performance.now();
    f();
    t = Math.min(t, performance.now() - s);
  }
  return t;
};

function sphere(n: number, p: number, seed: number): Matrix {
  const x = gaussianMatrix(n, p, seed);
  for (let i = 0; i < n; i++) {
    const row = x.data.subarray(i * p, (i + 1) * p);
    const r = Math.hypot(...row);
    for (let j = 0; j < p; j++) row[j] /= r;
  }
  return x;
}

// 1. Theory curve at n = 1024.
const n = 1024;
const x = sphere(n, 784, 1);
const xt = sphere(n, 784, 2);
const y = Float64Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1));
const data = { x, y, xTest: xt, yTest: y, activation: 'relu' };
const k = featureKernel('relu', x);
const tKernel = best(() => featureKernel('relu', x));
const tEigh = best(() => eigh(k));
const spectrum = rfSpectrum(data);
const tSpectrum = best(() => rfSpectrum(data));
const ratios = logGrid(0.1, 10, 60);
const tCurve = best(() => rfTheory(spectrum, ratios, [1e-5, 1e-1]));
const tWhole = best(() => rfTheory(data, ratios, [1e-5, 1e-1]));
let numpy = NaN;
try {
  numpy =
    1000 *
    Number(
      execFileSync(
        'python3',
        [
          '-c',
          'import numpy as np,time\nk=np.random.default_rng(1).standard_normal((1024,784))\nk=k@k.T/784\nb=9\nfor _ in range(3):\n t=time.perf_counter();np.linalg.eigh(k);b=min(b,time.perf_counter()-t)\nprint(b)',
        ],
        { env: { ...process.env, OPENBLAS_NUM_THREADS: String(threads) } },
      ).toString(),
    );
} catch {}
console.log(
  `## rfTheory, n = n̂ = ${n}, p = 784, ReLU, 60 ratios × 2 γ (best of 3, ${threads} BLAS thread(s))`,
);
console.log('| step | ms |\n|---|---|');
console.log(`| K (one gemm + closed-form map) | ${tKernel.toFixed(0)} |`);
console.log(`| eigh(K) | ${tEigh.toFixed(0)} |`);
console.log(`| numpy eigh, same size | ${numpy.toFixed(0)} |`);
console.log(`| rfSpectrum (K, K_XX̂, eigh, rotations) | ${tSpectrum.toFixed(0)} |`);
console.log(`| curve after the spectrum (120 points) | ${tCurve.toFixed(0)} |`);
console.log(`| whole curve from data | ${tWhole.toFixed(0)} |`);

// 2. Conjugate kernel of a 3-layer normalised ReLU network against K̃_3.
if (!process.argv.includes('--skip-ck')) {
  console.log('\n## K_CK,3 (normalised ReLU, infinite width) vs K̃_3: Kolmogorov distance');
  console.log('| n | p | layer 1 | layer 2 | layer 3 | seconds |\n|---|---|---|---|---|---|');
  const coefficients = ckCoefficients('relu', 3);
  for (const [m, p] of [
    [2000, 2000],
    [2000, 4000],
  ]) {
    const s = performance.now();
    const xs = sphere(m, p, 7);
    const { ck } = deepKernels(xs, 'relu', 3);
    const d = ck.map((kl, l) =>
      twoSampleDistance(
        eigvalsh(kl),
        eigvalsh(linearizedConjugateKernel(xs, coefficients[l].alpha1, coefficients[l].alpha2)),
      ),
    );
    console.log(
      `| ${m} | ${p} | ${d.map((v) => v.toFixed(4)).join(' | ')} | ${((performance.now() - s) / 1000).toFixed(1)} |`,
    );
  }
}

// 3. HTMP ridge scaling law.
console.log('\n## HTMP ridge loss, μ = n^(−ℓ), n = 20…2000 (3 runs per n)');
console.log(
  '| γ | κ | ℓ | simulated slope | theory slope | asymptotic −ℓ·min(e, 2) |\n|---|---|---|---|---|---|',
);
for (const [g, kappa, ell] of [
  [0.5, 1, 0.5],
  [0.5, 2, 0.5],
  [0.3, 1, 0.6],
]) {
  const r = simulateHtmpRidge(g, kappa, ell, [20, 60, 200, 600, 2000], { seed: 2, runs: 3 });
  console.log(
    `| ${g} | ${kappa} | ${ell} | ${r.slope.toFixed(3)} | ${r.theorySlope.toFixed(3)} | ${(-ell * htmpRidgeExponent(g, kappa)).toFixed(3)} |`,
  );
}
