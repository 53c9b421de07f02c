import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar1Covariance, spikedCovariance } from '../../src/covariance/index.js';
import { ar1GammaStar } from '../../src/pca/boundary.js';
import { comparePca } from '../../src/ssr/compare-pca.js';
import { irreducibleError } from '../../src/ssr/theory.js';

describe('comparePca (SSR versus PCA)', () => {
  const ar1 = ar1Covariance(0.5, Infinity).spectrum();

  it('gives the population boundary γ*(ρ) of docs/theory.md §5 for AR(1) at α = ∞', () => {
    const result = comparePca(ar1, Infinity);
    assert.ok(Math.abs(result.ssrError - 0.6) < 1e-12);
    // The quadrature of the symbol resolves γ to about 1e-4.
    assert.ok(Math.abs(result.gammaStar - ar1GammaStar(0.5)) < 1e-4);
    assert.equal(result.lambda, null);
  });

  it('γ*(ρ, α) at finite α lies below γ*(ρ), grows with α and approaches it', () => {
    const values = [0.5, 2, 20, 1000].map(
      (alpha) => comparePca(ar1, alpha, { gammas: [] }).gammaStar,
    );
    for (let i = 1; i < values.length; i++) assert.ok(values[i] > values[i - 1]);
    assert.ok(
      values[values.length - 1] < ar1GammaStar(0.5) &&
        ar1GammaStar(0.5) - values[values.length - 1] < 5e-3,
    );
  });

  it('PCA with one component beats SSR on a spiked covariance (the paper’s claim), at α = 2 and ∞', () => {
    const d = 1000;
    const form = spikedCovariance(3, d, 1).spectrum();
    for (const alpha of [2, Infinity]) {
      const result = comparePca(form, alpha, { gammas: [1 / d] });
      assert.ok(result.pca[0].error < result.ssrError, `α=${alpha}`);
      assert.ok(result.gammaStar <= 1 / d);
    }
    assert.ok(
      Math.abs(comparePca(form, Infinity, { gammas: [] }).ssrError - irreducibleError(form)) <
        1e-15,
    );
  });

  it('uses the optimal λ by default and a given λ when asked', () => {
    const opt = comparePca(ar1, 2, { gammas: [0.1] });
    const fixed = comparePca(ar1, 2, { lambda: 10, gammas: [0.1] });
    assert.equal(fixed.lambda, 10);
    assert.ok(opt.ssrError < fixed.ssrError);
    assert.equal(opt.pca[0].error, fixed.pca[0].error);
  });
});
