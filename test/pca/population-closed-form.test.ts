import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar1Covariance } from '../../src/covariance/ar1.js';
import { symbolSpectrum } from '../../src/covariance/symbol.js';
import { ar1GammaStar } from '../../src/pca/boundary.js';
import { symbolPcaError } from '../../src/pca/symbol-energy.js';
import { ar1PcaError, pcaPopulationError } from '../../src/pca/theory.js';
import { comparePca } from '../../src/ssr/compare-pca.js';
import { irreducibleError } from '../../src/ssr/theory.js';

// d = ∞ quantities against their closed forms to 1e-10 (issue 24: summing the symbol's midpoint
// nodes cut the spectrum at the wrong place by O(1/nodes), ~1e-4).
const RHOS = [0.1, 0.5, 0.67, 0.97];
const GAMMAS = [0, 0.01, 0.13, 0.37, 0.5, 0.77, 0.99, 1];

describe('population PCA at α = ∞ against closed forms', () => {
  it('AR(1): E_PCA(γ) = 1 − (2/π)arctan(K tan(πγ/2)) to 1e-12 for ρ up to 0.97', () => {
    for (const rho of RHOS) {
      const form = ar1Covariance(rho, Infinity).spectrum();
      for (const g of GAMMAS) {
        const error = Math.abs(pcaPopulationError(form, g) - ar1PcaError(rho, g));
        assert.ok(error < 1e-12, `ρ = ${rho}, γ = ${g}: off by ${error}`);
      }
    }
  });

  it('AR(1): the SSR error (1 − ρ²)/(1 + ρ²) and the crossing γ*(ρ) to 1e-10', () => {
    for (const rho of RHOS) {
      const form = ar1Covariance(rho, Infinity).spectrum();
      const ssr = (1 - rho * rho) / (1 + rho * rho);
      assert.ok(Math.abs(irreducibleError(form) - ssr) < 1e-10, `ρ = ${rho}`);
      const { gammaStar } = comparePca(form, Infinity);
      assert.ok(
        Math.abs(gammaStar - ar1GammaStar(rho)) < 1e-10,
        `ρ = ${rho}: ${gammaStar} vs ${ar1GammaStar(rho)}`,
      );
    }
  });

  it('a symbol that is not monotone, 1 + a·cos 2ω: E(γ) = 1 − γ − a·sin(πγ)/π to 1e-12', () => {
    const a = 0.8;
    const form = symbolSpectrum((w) => 1 + a * Math.cos(2 * w));
    for (const g of GAMMAS) {
      const exact = 1 - g - (a * Math.sin(Math.PI * g)) / Math.PI;
      const error = Math.abs(pcaPopulationError(form, g) - exact);
      assert.ok(error < 1e-12, `γ = ${g}: off by ${error}`);
    }
  });

  it('a flat symbol shares its one level between kept and dropped components: E(γ) = 2(1 − γ)', () => {
    for (const g of GAMMAS) assert.ok(Math.abs(symbolPcaError(() => 2, g) - 2 * (1 - g)) < 1e-14);
  });
});
