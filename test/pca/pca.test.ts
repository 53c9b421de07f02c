import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar1Covariance } from '../../src/covariance/index.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { eigh, eigvalsh, gram, matmul } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { ar1GammaStar, crossing } from '../../src/pca/boundary.js';
import { fitPca } from '../../src/pca/estimator.js';
import { ar1PcaError, pcaFiniteError, pcaPopulationError } from '../../src/pca/theory.js';
import { eigenSpectrum } from '../../src/rmt/spectral-form.js';

describe('fitPca', () => {
  const x = ar1Covariance(0.5, 40).sample(120, 1);

  it('keeps orthonormal top eigenvectors and its training error is the discarded eigenvalues / d', () => {
    const fit = fitPca(x, 10);
    const vtv = matmul(fit.components, fit.components, { transA: true });
    for (let i = 0; i < 10; i++)
      for (let j = 0; j < 10; j++) assert.ok(Math.abs(vtv.get(i, j) - (i === j ? 1 : 0)) < 1e-12);
    const all = eigvalsh(gram(x));
    fit.eigenvalues.forEach((v, j) => assert.ok(Math.abs(v - all[39 - j]) < 1e-12 * all[39]));
    const discarded = all.slice(0, 30).reduce((s, v) => s + v, 0) / 40;
    assert.ok(Math.abs(fit.testError(x) - discarded) < 1e-12);
  });

  it('reconstructs exactly with p = d and predicts zero with p = 0', () => {
    assert.ok(fitPca(x, 40).testError(x) < 1e-24);
    const sigma = ar1Covariance(0.5, 40).matrix();
    assert.ok(Math.abs(fitPca(x, 0).populationError(sigma) - 1) < 1e-15);
  });

  it('rejects a bad number of components and a wrong test width', () => {
    assert.throws(
      () => fitPca(x, 41),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'p',
    );
    assert.throws(
      () => fitPca(x, 3).testError(Matrix.zeros(2, 5)),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'x',
    );
  });
});

describe('PCA theory', () => {
  it('the d → ∞ AR(1) quadrature matches the closed form E_PCA(γ) to 1e-4', () => {
    const form = ar1Covariance(0.5, Infinity).spectrum();
    for (const g of [0, 0.05, 0.1513, 0.3, 0.6, 0.95, 1])
      assert.ok(Math.abs(pcaPopulationError(form, g) - ar1PcaError(0.5, g)) < 1e-4, `γ=${g}`);
  });

  it('is exact at γ = p/d for a finite Σ', () => {
    const sigma = ar1Covariance(0.7, 30).matrix();
    const { values, vectors } = eigh(sigma);
    const form = eigenSpectrum(values, vectors);
    const top = values.slice(20).reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(pcaPopulationError(form, 10 / 30) - (30 - top) / 30) < 1e-13);
  });

  it('γ*(0.5) ≈ 0.1513 and the crossing of the closed-form curves reproduces it', () => {
    assert.ok(Math.abs(ar1GammaStar(0.5) - 0.1513) < 5e-5);
    const g = crossing((gamma) => ar1PcaError(0.5, gamma), (1 - 0.25) / (1 + 0.25));
    assert.ok(Math.abs(g - ar1GammaStar(0.5)) < 1e-9);
  });

  it('finite-α error matches the test error of sample PCA at d = 1000, α = 2, ρ = 0.6 to 0.5 %', () => {
    // docs/theory.md §5 reports 0.2 %; one training set, errors computed exactly under Σ.
    const d = 1000;
    const model = ar1Covariance(0.6, d);
    const gammas = [0.1, 0.2, 0.4];
    const theory = pcaFiniteError(model.spectrum(), 2, gammas);
    const fit = fitPca(model.sample(2 * d, 9), 400);
    const sigma = model.matrix();
    const sv = matmul(sigma, fit.components);
    gammas.forEach((g, i) => {
      const p = Math.round(g * d);
      let captured = 0;
      for (let r = 0; r < d; r++)
        for (let j = 0; j < p; j++)
          captured += sv.data[r * 400 + j] * fit.components.data[r * 400 + j];
      const empirical = (d - captured) / d;
      assert.ok(
        Math.abs(empirical - theory[i]) < 0.005 * theory[i],
        `γ=${g}: ${empirical} vs ${theory[i]}`,
      );
    });
  });

  it('finite-α error falls with γ, reaches 0 at γ = 1 and is above the population error', () => {
    const form = ar1Covariance(0.5, Infinity).spectrum();
    const gammas = [0, 0.1, 0.3, 0.5, 0.8, 1];
    const finite = pcaFiniteError(form, 1.5, gammas);
    for (let i = 1; i < gammas.length; i++) assert.ok(finite[i] <= finite[i - 1] + 1e-12);
    assert.ok(finite[gammas.length - 1] < 1e-6);
    gammas.slice(1, -1).forEach((g, i) => assert.ok(finite[i + 1] > pcaPopulationError(form, g)));
  });
});
