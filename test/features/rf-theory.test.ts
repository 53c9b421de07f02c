import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { solveDelta } from '../../src/features/effective-ridge.js';
import { hermiteCoefficients } from '../../src/features/hermite.js';
import { meiMontanariRisk } from '../../src/features/mei-montanari.js';
import { rfSpectrum } from '../../src/features/rf-spectrum.js';
import { rfTheory } from '../../src/features/rf-theory.js';
import { simulateRandomFeatures } from '../../src/features/simulate.js';
import { setBlasThreads } from '../../src/linalg/backend.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';

// Two-class Gaussian mixture in p = 64 (means ±2e₁/√p, covariance I/p, so ‖x‖ ≈ 1), n = n̂ = 128:
// small enough that both Monte Carlo tests take about a second on one core; the tolerance is
// still 3 standard errors of the mean over the runs, whatever their number.
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
let blasThreads: number | undefined;
before(() => {
  blasThreads = setBlasThreads(1);
});
after(() => {
  if (blasThreads) setBlasThreads(blasThreads);
});

const train = mixture(n, 1);
const test = mixture(n, 2);

describe('random-feature ridge regression: LLC18 deterministic equivalent against simulation', () => {
  const ratios = [0.25, 0.5, 2, 4]; // away from the peak N/n = 1
  const gammas = [1e-1, 1e-5];
  const runs = 10;
  for (const act of ['relu', 'tanh'])
    it(`${act}: train and test MSE within 3 Monte Carlo standard errors (${runs} runs) at N/n = ${ratios.join(', ')}, γ = 1e-1 and 1e-5`, () => {
      const data = { x: train.x, y: train.y, xTest: test.x, yTest: test.y, activation: act };
      // Order 32 for tanh: kernel error ~1e-6, far below the Monte Carlo error, 3× faster.
      const theory = rfTheory(rfSpectrum(data, { order: 32 }), ratios, gammas);
      const features = ratios.map((r) => Math.round(r * n));
      const sim = simulateRandomFeatures(data, features, gammas, { runs, seed: 3 });
      for (let k = 0; k < theory.length; k++) {
        const t = theory[k];
        const s = sim[k];
        assert.equal(s.ratio, t.ratio);
        const where = `${act} N/n = ${t.ratio}, γ = ${t.gamma}`;
        assert.ok(
          Math.abs(t.train - s.train) <= 3 * s.trainError,
          `${where} train ${t.train} vs ${s.train} ± ${s.trainError}`,
        );
        assert.ok(
          Math.abs(t.test - s.test) <= 3 * s.testError,
          `${where} test ${t.test} vs ${s.test} ± ${s.testError}`,
        );
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
  it('agrees with the LLC18 equivalent on the sphere (d = 300, n = 600, erf) within 3 %', () => {
    const d = 300;
    const m = 600;
    const beta = gaussianMatrix(1, d, 9).data;
    const norm = Math.hypot(...beta);
    const sphere = (count: number, seed: number) => {
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
    const tr = sphere(m, 1);
    const te = sphere(1000, 2);
    const h = hermiteCoefficients('erf');
    const gamma = 1e-2;
    const theory = rfTheory(
      { x: tr.x, y: tr.y, xTest: te.x, yTest: te.y, activation: 'erf' },
      [0.5, 1.5, 3],
      [gamma],
    );
    for (const t of theory) {
      const psi1 = (t.ratio * m) / d;
      const mm = meiMontanariRisk({
        psi1,
        psi2: m / d,
        lambda: gamma / psi1,
        mu1: h.a1,
        muStar2: h.nu - h.a0 ** 2 - h.a1 ** 2,
      });
      assert.ok(mm.converged);
      assert.ok(
        Math.abs(mm.risk - t.test) <= 0.03 * mm.risk,
        `N/n = ${t.ratio}: MM ${mm.risk} vs LLC ${t.test}`,
      );
    }
  });
});
