import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitHtmp } from '../../src/diagnostics/htmp-fit.js';
import { diagnoseMatrix } from '../../src/diagnostics/layer.js';
import { classifyPhase } from '../../src/diagnostics/phases.js';
import { paretoSpectrumMatrix } from '../../src/diagnostics/synthetic.js';
import { kernel } from '../../src/linalg/backend.js';
import { eigvalsTridiagonal } from '../../src/linalg/backends/js/tridiagonal/sterf.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { htmp } from '../../src/rmt/laws/htmp.js';

/** Eigenvalues of HTMP_{γ,κ}'s own sampler (a tridiagonal matrix: dsterf's O(n²) route). */
function htmpSample(gamma: number, kappa: number, n: number, seed: number): Float64Array {
  const m = htmp(gamma, kappa).sampleMatrix(n, seed);
  const d = Float64Array.from({ length: n }, (_, i) => m.data[i * n + i]!);
  const e = Float64Array.from({ length: n - 1 }, (_, i) => m.data[i * n + i + 1]!);
  eigvalsTridiagonal(d, e);
  return d;
}

describe('power-law exponent of a Pareto spectrum (W = U diag(√λ) Vᵀ, λ ~ density ∝ λ^−α)', () => {
  for (const alpha of [2, 2.5, 3.5]) {
    it(`α = ${alpha} recovered within 4 standard errors 4(α − 1)/√n_tail (M = 400)`, () => {
      const { w, evals } = paretoSpectrumMatrix(600, 400, alpha, 11);
      const d = diagnoseMatrix(w);
      d.evals.forEach((v, k) => assert.ok(Math.abs(v - evals[k]!) <= 1e-9 * evals[399]!));
      const tol = (4 * (alpha - 1)) / Math.sqrt(d.fit.n);
      assert.ok(Math.abs(d.alpha - alpha) <= tol, `α̂ = ${d.alpha}, n = ${d.fit.n}, tol ${tol}`);
    });
  }
});

describe("HTMP κ fit on the law's own sampler (γ = 0.5, n = 1000)", () => {
  for (const kappa of [0.5, 3, 20]) {
    it(`κ = ${kappa} recovered within 10 %`, () => {
      const e = htmpSample(0.5, kappa, 1000, 7);
      const fit = fitHtmp(e, 2000, 1000);
      assert.equal(fit.gamma, 0.5);
      assert.ok(Math.abs(fit.kappa / kappa - 1) <= 0.1, `κ̂ = ${fit.kappa}`);
      assert.ok(fit.distance < 0.05, `distance ${fit.distance}`);
    });
  }
});

describe('HTMP κ fit at the end of its range', () => {
  it('fits an MP-like spectrum at γ = 2/9, where exp(ln 42γ)/(2γ) rounds above 21', () => {
    // A Gaussian 288 × 64 layer (a 64 × 32 × 3 × 3 convolution's shape): its best κ is the
    // largest the law allows, which the search on ln κ must not leave by an ulp.
    assert.ok(Math.exp(Math.log(42 * (2 / 9))) / (2 * (2 / 9)) > 21);
    const x = gaussianMatrix(288, 64, 5);
    const fit = fitHtmp(kernel('eigvalsh')(kernel('gram')(x, 1 / 288)), 288, 64);
    assert.ok(fit.kappaMax / (2 * fit.gamma) <= 21 && fit.kappa <= fit.kappaMax);
    assert.ok(fit.kappa > fit.kappaMax / 2, `κ̂ = ${fit.kappa} of ${fit.kappaMax}`);
    assert.doesNotThrow(() => htmp(fit.gamma, fit.kappa));
  });
});

describe('5+1 phases from the ESD', () => {
  const phase = (w: Matrix) => {
    const d = diagnoseMatrix(w);
    return classifyPhase({ evals: d.evals, N: d.N, M: d.M, fit: d.fit });
  };
  it('calls Gaussian noise random-like, and noise with a strong rank-one signal bulk+spikes', () => {
    const g = gaussianMatrix(600, 300, 3);
    assert.equal(phase(g).phase, 'random-like');
    const spiked = g.clone();
    for (let i = 0; i < 600; i++) for (let j = 0; j < 300; j++) spiked.data[i * 300 + j]! += 0.2;
    const call = phase(spiked);
    assert.equal(call.phase, 'bulk+spikes', call.evidence.join('; '));
  });
  it('calls a Pareto spectrum with α = 2.5 heavy-tailed and a rank-100 matrix rank-collapse', () => {
    assert.equal(phase(paretoSpectrumMatrix(600, 300, 2.5, 5).w).phase, 'heavy-tailed');
    const a = gaussianMatrix(600, 100, 1);
    const b = gaussianMatrix(100, 300, 2);
    const low = Matrix.zeros(600, 300);
    for (let i = 0; i < 600; i++)
      for (let k = 0; k < 100; k++)
        for (let j = 0; j < 300; j++)
          low.data[i * 300 + j]! += a.data[i * 100 + k]! * b.data[k * 300 + j]!;
    const call = phase(low);
    assert.equal(call.phase, 'rank-collapse', call.evidence.join('; '));
  });
});
