import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { Z_LIMIT } from '../../src/experiments/stats.js';
import { solveDelta } from '../../src/features/effective-ridge.js';
import { hermiteCoefficients } from '../../src/features/hermite.js';
import { meiMontanariRisk } from '../../src/features/mei-montanari.js';
import { rfSpectrum } from '../../src/features/rf-spectrum.js';
import { rfTheory } from '../../src/features/rf-theory.js';
import { simulateRandomFeatures } from '../../src/features/simulate.js';
import { setBlasThreads } from '../../src/linalg/backend.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';

// Two-class Gaussian mixture in p = 64 (means ±2e₁/√p, covariance I/p, so ‖x‖ ≈ 1), n = n̂ = 128:
// small enough that both Monte Carlo tests take about a second on one core.
const p = 64;
const n = 128;
function mixture(count: number, seed: number) {
  const x = gaussianMatrix(count, p, seed);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    y[i] = i % 2 ? 1 : -1;
    x.data[i * p] += 2 * y[i];
    for (let j = 0; j < p; j++) x.data[i * p + j] /= Math.sqrt(p);
  }
  return { x, y };
}
// One OpenBLAS thread: on matrices this small a second thread only spins (measured on the 2-core
// machine under load: 33 s wall and 13 s CPU for this file with two threads, 5 s and 2.3 s with
// one).
let blasThreads: ReturnType<typeof setBlasThreads>;
before(() => {
  blasThreads = setBlasThreads(1);
});
after(() => {
  if (blasThreads) setBlasThreads(blasThreads);
});

const train = mixture(n, 1);
const test = mixture(n, 2);

// The deterministic equivalent is exact only as n → ∞: its finite-n bias does not average out
// over runs, so the check is |theory − simulation| ≤ Z_LIMIT·stderr + finiteSize(·)·|theory|, as
// in the experiments (src/experiments/stats.ts). Measured with 200 runs on three data sets at
// n = 128 (sim seed 3, data seeds 1, 5, 7): the simulation is off the theory (mostly above) by up
// to 4.9 % (train) and 2.5 % (test), and by 8–11 % for the interpolating training MSE (N > n, γ =
// 1e-5, a γ²·yᵀQ²y quantity); at n = 256 by up to 2.9 % and 4.2–8.1 % (interpolating): about
// n^{-1/2}, LLC18's rate. Hence 0.7/√n (6.2 %) and 1.6/√n (14 %). Z_LIMIT = 4, not 3: 32
// simultaneous checks would fail 8 % of seeds on Monte Carlo noise alone at 3 standard errors,
// 0.2 % at 4. Over sim seeds 1–10 and data seeds 1, 5, 7, 11, 13 (40 runs) the largest excess
// beyond the allowance was 1.4 standard errors.
function finiteSize(ratio: number, gamma: number, key: 'train' | 'test'): number {
  const interpolating = key === 'train' && ratio > 1 && gamma <= 1e-5;
  return (interpolating ? 1.6 : 0.7) / Math.sqrt(n);
}

describe('random-feature ridge regression: LLC18 deterministic equivalent against simulation', () => {
  const ratios = [0.25, 0.5, 2, 4]; // away from the peak N/n = 1
  const gammas = [1e-1, 1e-5];
  const runs = 40; // standard errors ≈ 2 % of the MSE: below the finite-size allowance
  for (const act of ['relu', 'tanh'])
    it(`${act}: train and test MSE within ${Z_LIMIT} Monte Carlo standard errors (${runs} runs) plus the O(n^{-1/2}) finite-size bias at N/n = ${ratios.join(', ')}, γ = 1e-1 and 1e-5`, () => {
      const data = { x: train.x, y: train.y, xTest: test.x, yTest: test.y, activation: act };
      // Order 32 for tanh: kernel error ~1e-6, far below the Monte Carlo error, 3× faster.
      const theory = rfTheory(rfSpectrum(data, { order: 32 }), ratios, gammas);
      const features = ratios.map((r) => Math.round(r * n));
      const sim = simulateRandomFeatures(data, features, gammas, { runs, seed: 3 });
      for (let k = 0; k < theory.length; k++) {
        const t = theory[k];
        const s = sim[k];
        assert.equal(s.ratio, t.ratio);
        for (const key of ['train', 'test'] as const) {
          const stderr = key === 'train' ? s.trainError : s.testError;
          const allowed = Z_LIMIT * stderr + finiteSize(t.ratio, t.gamma, key) * Math.abs(t[key]);
          assert.ok(
            Math.abs(t[key] - s[key]) <= allowed,
            `${act} N/n = ${t.ratio}, γ = ${t.gamma} ${key} ${t[key]} vs ${s[key]} ± ${stderr}`,
          );
        }
      }
    });
});

describe('ridgeless limits and the interpolation threshold', () => {
  const spectrum = rfSpectrum({
    x: train.x,
    y: train.y,
    xTest: test.x,
    yTest: test.y,
    activation: 'relu',
  });
  it('γ = 0 is the limit γ → 0 on both sides of N = n (to 1e-6 relative at γ = 1e-12)', () => {
    const ratios = [0.3, 0.8, 1.25, 3];
    const zero = rfTheory(spectrum, ratios, [0]);
    const tiny = rfTheory(spectrum, ratios, [1e-12]);
    for (let k = 0; k < ratios.length; k++) {
      assert.ok(
        Math.abs(zero[k].test - tiny[k].test) <= 1e-6 * zero[k].test,
        `test at ${ratios[k]}`,
      );
      assert.ok(
        Math.abs(zero[k].train - tiny[k].train) <= 1e-6 * Math.max(zero[k].train, 1e-12),
        `train at ${ratios[k]}`,
      );
    }
    assert.ok(zero[2].train < 1e-20 && zero[3].train < 1e-20, 'interpolation for N > n');
    assert.ok(zero[0].train > 0.05, 'no interpolation for N < n');
  });
  it('the ridgeless test error diverges at N = n and peaks there for γ = 1e-5', () => {
    const [atOne] = rfTheory(spectrum, [1], [0]);
    assert.equal(atOne.test, Infinity);
    const curve = rfTheory(spectrum, [0.5, 0.9, 0.99, 1, 1.01, 1.1, 2], [1e-5]);
    const peak = curve.reduce((a, b) => (b.test > a.test ? b : a));
    assert.equal(peak.ratio, 1);
  });
  it('solves δ with s = γ(1+δ) to rounding, and throws naming ratio and gamma', () => {
    const values = spectrum.values;
    const { value: s, delta } = solveDelta(values, 2, 0.1);
    const c = 2;
    let trace = 0; // δ = (1/n) tr K (cK/(1+δ) + γI)⁻¹
    for (const v of values) trace += Math.max(v, 0) / ((c * Math.max(v, 0)) / (1 + delta) + 0.1);
    assert.ok(Math.abs(trace / values.length - delta) <= 1e-12 * delta);
    assert.ok(Math.abs(s - 0.1 * (1 + delta)) <= 1e-14 * s);
    for (const [ratio, gamma, name] of [
      [0, 1, 'ratio'],
      [-1, 1, 'ratio'],
      [1, -1, 'gamma'],
    ] as const)
      assert.throws(
        () => solveDelta(values, ratio, gamma),
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === name,
      );
  });
  it("rejects targets whose length differs from the data, naming 'y'", () => {
    assert.throws(
      () => rfSpectrum({ x: train.x, y: train.y.subarray(1), activation: 'relu' }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'y',
    );
  });
});

describe('Mei–Montanari asymptotic risk as an independent check', () => {
  // MM is the d → ∞ risk averaged over data; the LLC equivalent is the risk of one finite data
  // set (n = 600 on the sphere in d = 300, fixed target direction β, n̂ = 1000 test points). Over
  // 24 data sets (fresh β, training and test points) LLC − MM was −0.7 ± 1.4 %, −1.0 ± 1.5 % and
  // −0.9 ± 3.2 % (mean ± sd) at N/n = 0.5, 1.5, 3: one data set cannot agree within 3 % (this
  // test failed 4 of 8 data seeds that way). So it averages `sets` data sets and asks
  // |mean| ≤ Z_LIMIT·stderr + 1.5 %, the stderr from the sets' own spread and 1.5 % the finite-d
  // offset measured above (≈ 1 %, LLC below MM, ≈ 3/d). Student t with 7 degrees of freedom:
  // 0.5 % chance per check of exceeding 4 on noise alone. Ten disjoint seed blocks (seeds
  // 100b + 1 … 100b + 24, b = 0…9) all pass, the closest at 59 % of its bound.
  it('agrees with the LLC18 equivalent on the sphere (d = 300, n = 600, erf), averaged over 8 data sets', () => {
    const d = 300;
    const m = 600;
    const sets = 8;
    const sphere = (count: number, seed: number, beta: Float64Array) => {
      const norm = Math.hypot(...beta);
      const x = gaussianMatrix(count, d, seed);
      const y = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        const row = x.data.subarray(i * d, (i + 1) * d);
        const r = Math.hypot(...row);
        let dot = 0;
        for (let j = 0; j < d; j++) {
          row[j] /= r;
          dot += (row[j] * beta[j]) / norm;
        }
        y[i] = Math.sqrt(d) * dot;
      }
      return { x, y };
    };
    const h = hermiteCoefficients('erf');
    const gamma = 1e-2;
    const ratios = [0.5, 1.5, 3];
    const mm = ratios.map((ratio) => {
      const psi1 = (ratio * m) / d;
      const risk = meiMontanariRisk({
        psi1,
        psi2: m / d,
        lambda: gamma / psi1,
        mu1: h.a1,
        muStar2: h.nu - h.a0 ** 2 - h.a1 ** 2,
      });
      assert.ok(risk.converged);
      return risk.risk;
    });
    // Relative differences (LLC − MM)/MM, one row per data set; seeds 3k+1…3k+3 never collide.
    const diffs = Array.from({ length: sets }, (_, k) => {
      const beta = gaussianMatrix(1, d, 3 * k + 1).data;
      const tr = sphere(m, 3 * k + 2, beta);
      const te = sphere(1000, 3 * k + 3, beta);
      const data = { x: tr.x, y: tr.y, xTest: te.x, yTest: te.y, activation: 'erf' };
      return rfTheory(data, ratios, [gamma]).map((t, j) => (t.test - mm[j]!) / mm[j]!);
    });
    ratios.forEach((ratio, j) => {
      const values = diffs.map((row) => row[j]!);
      const mean = values.reduce((a, b) => a + b, 0) / sets;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (sets - 1));
      const stderr = sd / Math.sqrt(sets);
      assert.ok(
        Math.abs(mean) <= Z_LIMIT * stderr + 0.015,
        `N/n = ${ratio}: LLC − MM = ${mean} ± ${stderr} relative (${values.join(', ')})`,
      );
    });
  });
});
