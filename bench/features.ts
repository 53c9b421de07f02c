// Random features and random networks benchmark (issue 16), the numbers docs/random-features.md
// quotes, each beside a reference measured in the same run:
// - the 60-ratio × 2-γ theory curve on n = n̂ = 1024 samples (p = 784): kernel K and K_{XX̂}, one
//   eigh, the curve; numpy's eigh of the same size beside it (python3);
// - the spectrum of the layer-3 conjugate kernel of a normalised random ReLU network against K̃_3
//   at n = p = 2000 (the size) and n = 2000, p = 4000: Kolmogorov distances;
// - one run of the double-descent experiment's simulation (60 N, n = 1024) per activation
//   against bench/features_numpy.py, and the full experiment's cost extrapolated from it;
// - the HTMP ridge scaling law over two decades of n: simulated vs theory log-log slope.
// Usage: node --import tsx bench/features.ts [--threads 1] [--only curve|ck|dd|htmp] [--dd-runs 1]
// [--dd-act relu,tanh] [--skip-ck] [--ck-small]
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { twoSampleDistance } from '../src/experiments/defs/deep-ck.js';
import { ckCoefficients, deepKernels, normalizedActivation } from '../src/features/deep-kernel.js';
import { hermiteCoefficients } from '../src/features/hermite.js';
import {
  htmpRidgeExponent,
  htmpRidgeLoss,
  simulateHtmpRidge,
} from '../src/features/htmp-scaling.js';
import { featureKernel } from '../src/features/kernel.js';
import {
  conjugateKernelLaw,
  linearizedConjugateKernel,
} from '../src/features/linearized-kernel.js';
import { simulateNestedFeatures } from '../src/features/nested-simulation.js';
import {
  ckRemainderNorm,
  kolmogorovBound,
  layerMapSeries,
  quadraticConjugateKernel,
} from '../src/features/quadratic-kernel.js';
import { rfSpectrum } from '../src/features/rf-spectrum.js';
import { rfTheory } from '../src/features/rf-theory.js';
import { eigh, eigvalsh, matmul, solveSpd } from '../src/linalg/api.js';
import { setBlasThreads } from '../src/linalg/backend.js';
import { Matrix } from '../src/linalg/matrix.js';
import { gaussianMatrix } from '../src/random/gaussian.js';
import { sphereRows } from '../src/random/sphere.js';
import { randomStream } from '../src/random/stream.js';
import { kolmogorovDistance } from '../src/rmt/kolmogorov.js';
import { htmp } from '../src/rmt/laws/htmp.js';
import { logGrid } from '../src/scenario/grid.js';
import { logLogSlope } from '../src/stats/log-log-slope.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const arg = (name: string, fallback: string) => args[name] ?? fallback;
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

// 1. Theory curve at n = 1024.
const only = arg('only', 'all'); // curve | ck | dd | htmp
if (only === 'all' || only === 'curve') {
  const n = 1024;
  const x = sphereRows(n, 784, 1);
  const xt = sphereRows(n, 784, 2);
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
}

// 2. Conjugate kernels of a 3-layer normalised ReLU network (seed 004, eqs. 26–29): the
// infinite-width K_CK,ℓ = E[Σ_ℓᵀΣ_ℓ] (exact arc-cosine recursion on X) against K̃_ℓ built from the
// same X, and one finite-width network (d_ℓ = n and 2n) against both. Σ_ℓ = φ̃(W_ℓΣ_{ℓ−1})/√d_ℓ.
if ((only === 'all' || only === 'ck') && !process.argv.includes('--skip-ck')) {
  const relu = normalizedActivation('relu');
  const coefficients = ckCoefficients('relu', 3);
  const series = layerMapSeries('relu', 3, 8);
  const sizes = process.argv.includes('--ck-small')
    ? [[500, 500]]
    : [
        [2000, 2000],
        [2000, 4000],
      ];
  for (const [m, p] of sizes) {
    const s = performance.now();
    const xs = sphereRows(m, p, 7);
    const { ck } = deepKernels(xs, 'relu', 3);
    const tildes = ck.map((_, l) =>
      eigvalsh(linearizedConjugateKernel(xs, coefficients[l].alpha1, coefficients[l].alpha2)),
    );
    const exact = ck.map((kl) => eigvalsh(kl));
    const finite = [1, 2].map((w) => {
      const d = w * m;
      let sigma = matmul(gaussianMatrix(d, p, 100 + w), xs, { transB: true });
      const out: Float64Array[] = [];
      for (let l = 0; l < 3; l++) {
        if (l > 0) sigma = matmul(gaussianMatrix(d, d, 100 + 10 * l + w), sigma);
        for (let k = 0; k < sigma.data.length; k++) sigma.data[k] = relu.fn(sigma.data[k]);
        out.push(eigvalsh(matmul(sigma, sigma, { transA: true, alpha: 1 / d })));
        for (let k = 0; k < sigma.data.length; k++) sigma.data[k] /= Math.sqrt(d);
      }
      return out;
    });
    console.log(
      `\n## Normalised ReLU network, n = ${m}, p = ${p}, X uniform on the sphere: Kolmogorov distances (${((performance.now() - s) / 1000).toFixed(0)} s)`,
    );
    console.log(
      '| ℓ | K_CK vs K̂ (second order) | Weyl window 2ε | ‖K_CK − K̂‖ | ε(n, p) | K_CK vs K̃ | K_CK bulk vs limit law | d = n: vs K_CK | vs K̃ | d = 2n: vs K_CK | vs K̃ | 1ᵀK1/n: K_CK | K̃ | K̃, printed α₂ |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    // 1ᵀK1/n: the direction of the α₂²(1/p)11ᵀ term; K̃ with the seed's printed recursion
    // (α_{ℓ−1,1}² in place of α_{ℓ−1,1}⁴) beside the corrected one.
    const ones = (k: Matrix) => k.data.reduce((a, v) => a + v, 0) / m;
    let seedAlpha2 = 0;
    for (let l = 0; l < 3; l++) {
      const { a1, a2 } = hermiteCoefficients(relu);
      seedAlpha2 = Math.sqrt(
        a1 * a1 * seedAlpha2 ** 2 + a2 * a2 * (l ? coefficients[l - 1].alpha1 ** 2 : 1),
      );
      const { alpha1, alpha2 } = coefficients[l];
      const along = [
        ones(ck[l]),
        ones(linearizedConjugateKernel(xs, alpha1, alpha2)),
        ones(linearizedConjugateKernel(xs, alpha1, seedAlpha2)),
      ];
      const law = conjugateKernelLaw(m / p, coefficients[l].alpha1);
      const quadratic = quadraticConjugateKernel(xs, alpha1, alpha2);
      const quadraticValues = eigvalsh(quadratic);
      const eps = ckRemainderNorm(m, p, series[l]);
      for (let k = 0; k < quadratic.data.length; k++)
        quadratic.data[k] = ck[l].data[k] - quadratic.data[k];
      const residual = eigvalsh(quadratic);
      const row = [
        twoSampleDistance(exact[l], quadraticValues),
        kolmogorovBound(quadraticValues, eps),
        Math.max(-residual[0], residual[m - 1]),
        eps,
        twoSampleDistance(exact[l], tildes[l]),
        kolmogorovDistance(exact[l].subarray(0, m - 1), law.cdf),
        twoSampleDistance(finite[0][l], exact[l]),
        twoSampleDistance(finite[0][l], tildes[l]),
        twoSampleDistance(finite[1][l], exact[l]),
        twoSampleDistance(finite[1][l], tildes[l]),
      ];
      console.log(
        `| ${l + 1} | ${row.map((v) => (v < 1e-3 ? v.toExponential(2) : v.toFixed(4))).join(' | ')} | ${along.map((v) => v.toFixed(3)).join(' | ')} |`,
      );
    }
  }
}

// 4. The double-descent experiment's cost at the full size: one run (the 60 N of
// logGrid(0.1, 10, 60), n = n̂ = 1024, p = 784, nested features from one W, both γ by Cholesky
// solves of the dual system, src/features/nested-simulation.ts) per activation,
// bench/features_numpy.py doing the same (`nested`) beside it; the 30-run experiment on 2 workers
// is extrapolated as 30·(t_relu + t_tanh)/2 plus the analysis (one rfSpectrum per activation).
if (only === 'all' || only === 'dd') {
  // CPU seconds (process.cpuUsage / time.process_time, one BLAS thread) beside wall seconds: on
  // the shared 2-core machine the wall time of a run grows with the load, its CPU time does not,
  // and on 2 idle cores with 2 workers the experiment's wall time is its CPU time over 2.
  const runs = Number(arg('dd-runs', '1'));
  const xd = sphereRows(1024, 784, 11);
  const xdt = sphereRows(1024, 784, 12);
  const yd = Float64Array.from({ length: 1024 }, (_, i) => (i % 2 ? 1 : -1));
  const features = logGrid(0.1, 10, 60).map((r) => Math.max(1, Math.round(r * 1024)));
  console.log(
    `\n## Double-descent simulation, one run = 60 N × 2 γ, n = n̂ = 1024, p = 784 (best of ${runs}, ${threads} BLAS thread(s))`,
  );
  console.log(
    '| activation | rmtkit CPU s/run (wall) | numpy CPU s/run (wall) | CPU ratio | rfSpectrum (analysis) CPU s |\n|---|---|---|---|---|',
  );
  const perRun: number[] = [];
  const analysis: number[] = [];
  const acts = arg('dd-act', 'relu,tanh').split(',');
  for (const act of acts) {
    const data = { x: xd, y: yd, xTest: xdt, yTest: yd, activation: act };
    const t = bestCpu(() => simulateNestedFeatures(data, features, [1e-1, 1e-5], 3), runs);
    const ta = bestCpu(() => rfSpectrum(data), 1);
    let np = [NaN, NaN];
    try {
      np = execFileSync('python3', ['bench/features_numpy.py', act, String(runs), 'nested'], {
        env: { ...process.env, OPENBLAS_NUM_THREADS: String(threads) },
      })
        .toString()
        .trim()
        .split(/\s+/)
        .map(Number);
    } catch {}
    perRun.push(t.cpu);
    analysis.push(ta.cpu);
    console.log(
      `| ${act} | ${t.cpu.toFixed(1)} (${t.wall.toFixed(1)}) | ${np[1].toFixed(1)} (${np[0].toFixed(1)}) | ${(t.cpu / np[1]).toFixed(2)} | ${ta.cpu.toFixed(1)} |`,
    );
  }
  const full = (30 * perRun.reduce((a, v) => a + v, 0)) / 2 + analysis.reduce((a, v) => a + v, 0);
  console.log(
    `Extrapolated full experiment on 2 idle cores (30 runs, ${acts.join(' + ')}, 2 workers): ${(full / 60).toFixed(1)} min`,
  );
}

/** Best CPU and wall seconds of `reps` calls (CPU: user + system of the whole process). */
function bestCpu(f: () => unknown, reps: number): { cpu: number; wall: number } {
  let cpu = Infinity;
  let wall = Infinity;
  for (let r = 0; r < reps; r++) {
    const c = process.cpuUsage();
    const s = performance.now();
    f();
    wall = Math.min(wall, (performance.now() - s) / 1000);
    const d = process.cpuUsage(c);
    cpu = Math.min(cpu, (d.user + d.system) / 1e6);
  }
  return { cpu, wall };
}

// 3. HTMP ridge scaling law.
if (only === 'all' || only === 'htmp') {
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
  // Which exponent: −ℓ·min(e, 2) (rmtkit) or the seed's −ℓ(2 + e)? Explicit ridge fits
  // ŵ = (ΦᵀΦ + μI)⁻¹ΦᵀΦw* with ΦᵀΦ an n×n HTMP sample (Φ = Λ^{1/2}Uᵀ), w* ~ N(0, I/n),
  // loss E_x(φᵀŵ − y)² = ‖ŵ − w*‖² (E φφᵀ = I), 4 runs per n; and the theory's local slope at
  // n = 10⁶…10⁸, where it has reached its asymptote.
  console.log(
    '\n## HTMP ridge regression fits: log-log slope of the test loss against n, μ = n^(−ℓ)',
  );
  console.log(
    '| γ | κ | ℓ | e | fitted slope, n = 20…2000 | theory slope, same n | theory slope, n = 1e6…1e8 | −ℓ·min(e, 2) | seed −ℓ(2 + e) |\n|---|---|---|---|---|---|---|---|---|',
  );
  for (const [g, kappa, ell] of [
    [0.5, 1, 0.5],
    [0.5, 2, 0.5],
    [0.3, 1, 0.6],
    [0.15, 1, 0.5],
  ]) {
    const e = g === 0 ? 0 : kappa / (2 * g) - kappa / 2;
    const sizes = [20, 60, 200, 600, 2000];
    const law = htmp(g, kappa);
    const fitted = sizes.map((n) => {
      const mu = n ** -ell;
      let loss = 0;
      for (let r = 0; r < 4; r++) {
        const { values, vectors } = eigh(law.sampleMatrix(n, randomStream(5).child(n, r)));
        const phi = Matrix.zeros(n, n); // Λ^{1/2}Uᵀ
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            phi.data[i * n + j] = Math.sqrt(Math.max(values[i], 0)) * vectors.data[j * n + i];
        const wStar = gaussianMatrix(n, 1, randomStream(6).child(n, r));
        for (let i = 0; i < n; i++) wStar.data[i] /= Math.sqrt(n);
        const gramPhi = matmul(phi, phi, { transA: true });
        const rhs = matmul(gramPhi, wStar);
        for (let i = 0; i < n; i++) gramPhi.data[i * n + i] += mu;
        const w = solveSpd(gramPhi, rhs);
        for (let i = 0; i < n; i++) loss += (w.data[i] - wStar.data[i]) ** 2 / 4;
      }
      return loss;
    });
    const theory = (ns: number[]) =>
      logLogSlope(
        ns,
        ns.map((n) => htmpRidgeLoss(g, kappa, n ** -ell)),
      );
    console.log(
      `| ${g} | ${kappa} | ${ell} | ${e.toFixed(3)} | ${logLogSlope(sizes, fitted).toFixed(3)} | ${theory(sizes).toFixed(3)} | ${theory([1e6, 1e7, 1e8]).toFixed(3)} | ${(-ell * htmpRidgeExponent(g, kappa)).toFixed(3)} | ${(-ell * (2 + e)).toFixed(3)} |`,
    );
  }
}
