import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { populationData } from '../../src/features/population-data.js';
import { rfSpectrum } from '../../src/features/rf-spectrum.js';
import { rfTheory } from '../../src/features/rf-theory.js';
import { simulateRandomFeatures } from '../../src/features/simulate.js';
import { setBlasThreads } from '../../src/linalg/backend.js';
import { buildCovariance, parseCovarianceSpec } from '../../src/scenario/covariance-spec.js';

let blasThreads: ReturnType<typeof setBlasThreads>;
before(() => {
  blasThreads = setBlasThreads(1);
});
after(() => {
  if (blasThreads) setBlasThreads(blasThreads);
});

const model = (text: string, d: number) => buildCovariance(parseCovarianceSpec(text), d);

describe('random-feature ridge regression on a population model (--cov)', () => {
  // The tolerance is 3 Monte Carlo standard errors. p = 256, n = n̂ = 512: a linear teacher on
  // near-isotropic inputs is harder than rf-theory.test.ts's mixture, and at p = 64, n = 128 the
  // equivalent's own finite-n error shows (13 % at N = 64, 3.2 standard errors; measured ≤ 1.8
  // here).
  const ratios = [0.25, 0.5, 2, 4];
  const gammas = [1e-1, 1e-5];
  const runs = 10;
  for (const [cov, act] of [
    ['ar1:0.6', 'relu'],
    ['powerlaw:1:2', 'erf'],
  ] as const)
    it(`${cov}, ${act}: train and test MSE within 3 standard errors of ${runs} runs at N/n = ${ratios.join(', ')}`, () => {
      const data = populationData(model(cov, 256), { n: 512, noise: 0.2, seed: 4 }, act);
      const theory = rfTheory(rfSpectrum(data), ratios, gammas);
      const features = ratios.map((r) => Math.round(r * 512));
      const sim = simulateRandomFeatures(data, features, gammas, { runs, seed: 5 });
      theory.forEach((t, k) => {
        const s = sim[k];
        const where = `N/n = ${t.ratio}, γ = ${t.gamma}`;
        assert.ok(
          Math.abs(t.train - s.train) <= 3 * s.trainError,
          `${where} train ${t.train} vs ${s.train} ± ${s.trainError}`,
        );
        assert.ok(
          Math.abs(t.test - s.test) <= 3 * s.testError,
          `${where} test ${t.test} vs ${s.test} ± ${s.testError}`,
        );
      });
    });
  it('draws inputs with E‖x‖² = 1 and a teacher of unit signal variance (to 3 standard errors)', () => {
    const data = populationData(model('ar1:0.6', 64), { n: 2000, noise: 0, seed: 1 }, 'relu');
    let norms = 0;
    let squares = 0;
    for (let i = 0; i < 2000; i++) {
      for (let j = 0; j < 64; j++) norms += data.x.data[i * 64 + j] ** 2 / 2000;
      squares += data.y[i] ** 2 / 2000;
    }
    // ‖x‖² = zᵀz/tr Σ has variance 2 tr Σ²/(tr Σ)² ≈ 0.1 for AR(1) 0.6 at p = 64.
    assert.ok(Math.abs(norms - 1) < 3 * Math.sqrt(0.1 / 2000), `mean ‖x‖² ${norms}`);
    // bᵀΣb fluctuates with the one teacher b: relative sd √(2 tr Σ²)/tr Σ ≈ 0.32.
    assert.ok(Math.abs(squares - 1) < 3 * 0.32, `mean y² ${squares}`);
  });
  it('rejects n < 1, negative noise and a d = ∞ model with a typed error naming the argument', () => {
    const m = model('iso', 8);
    assert.throws(
      () => populationData(m, { n: 0 }, 'relu'),
      (e: Error) => e instanceof InvalidArgumentError && /n must/.test(e.message),
    );
    assert.throws(() => populationData(m, { n: 4, noise: -1 }, 'relu'), /noise/);
    assert.throws(() => populationData(model('iso', Infinity), { n: 4 }, 'relu'), /cov/);
  });
});
