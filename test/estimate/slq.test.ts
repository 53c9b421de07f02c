import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slq } from '../../src/estimate/slq.js';
import type { SpectralFunction } from '../../src/estimate/spectral-function.js';
import { spread, symmetricOperator, symmetricWithEigenvalues, traceOf } from './helpers.js';

// Every check is |estimate − exact| ≤ 4·standardError: the Gauss quadrature error is far below
// the stochastic error for these matrices (κ = 6, 20 Lanczos steps: exp(−4·20/√6) ≈ 1e-14), so
// the bound fails with probability ≈ 1e-4 per check under the normal approximation.
describe('slq', () => {
  const n = 60;
  const values = spread(n, 0.5, 3);
  const op = symmetricOperator(symmetricWithEigenvalues(values, 21));
  const cases: [string, SpectralFunction, number][] = [
    ['log', 'log', traceOf(values, Math.log)],
    ['inverse', 'inverse', traceOf(values, (x) => 1 / x)],
    ['exp', 'exp', traceOf(values, Math.exp)],
    ['power 2', { power: 2 }, traceOf(values, (x) => x * x)],
    ['power 0.5', { power: 0.5 }, traceOf(values, Math.sqrt)],
    ['custom x ↦ x log x', (x) => x * Math.log(x), traceOf(values, (x) => x * Math.log(x))],
  ];
  for (const [name, fn, exact] of cases)
    it(`estimates tr f(A) for f = ${name} within 4 standard errors of Σ f(λ)`, () => {
      for (const probes of ['rademacher', 'gaussian'] as const) {
        const e = slq(op, fn, { probes, seed: 5, minProbes: 40, maxProbes: 40, lanczosSteps: 20 });
        assert.equal(e.probes, 40);
        assert.ok(
          Math.abs(e.value - exact) <= 4 * e.standardError,
          `${probes}: ${e.value} vs ${exact} ± ${e.standardError}`,
        );
        assert.ok(e.interval[0] < e.value && e.value < e.interval[1]);
      }
    });

  it('estimates the Schatten 3-norm (Σλ³)^{1/3} within 4 delta-method standard errors', () => {
    const exact = traceOf(values, (x) => x ** 3) ** (1 / 3);
    const e = slq(op, { schatten: 3 }, { seed: 6, minProbes: 40, maxProbes: 40 });
    assert.ok(Math.abs(e.value - exact) <= 4 * e.standardError, `${e.value} vs ${exact}`);
    assert.ok(e.interval[0] <= e.value && e.value <= e.interval[1]);
  });

  it('counts the eigenvalues in an interval within 4 standard errors (full Lanczos: exact quadrature)', () => {
    const exact = values.filter((x) => x >= 1 && x <= 2).length;
    const e = slq(
      op,
      { count: [1, 2] },
      { seed: 7, minProbes: 60, maxProbes: 60, lanczosSteps: n, reorthogonalize: 'full' },
    );
    assert.ok(
      Math.abs(e.value - exact) <= 4 * e.standardError,
      `${e.value} vs ${exact} ± ${e.standardError}`,
    );
  });

  it('gives the same answer for the same seed whatever the batch size (1e-12 relative)', () => {
    const options = { seed: 8, minProbes: 6, maxProbes: 200, rtol: 0.05, lanczosSteps: 15 };
    const reference = slq(op, 'log', { ...options, batchSize: 6 });
    for (const batchSize of [1, 7, 50]) {
      const e = slq(op, 'log', { ...options, batchSize });
      assert.equal(e.probes, reference.probes);
      assert.ok(e.converged && reference.converged);
      assert.ok(Math.abs(e.value - reference.value) <= 1e-12 * Math.abs(reference.value));
      assert.ok(
        Math.abs(e.standardError - reference.standardError) <= 1e-9 * reference.standardError,
      );
    }
  });

  it('stops at the first probe count whose interval meets the relative target', () => {
    const options = { seed: 9, minProbes: 5, maxProbes: 500, rtol: 0.05, lanczosSteps: 15 };
    const e = slq(op, 'log', options);
    assert.ok(e.converged && e.probes < 500);
    assert.ok((e.interval[1] - e.interval[0]) / 2 <= 0.05 * Math.abs(e.value));
    // One probe fewer did not meet the target (it is the same sequence of probes).
    const before = slq(op, 'log', {
      ...options,
      minProbes: e.probes - 1,
      maxProbes: e.probes - 1,
      rtol: 0,
    });
    assert.ok((before.interval[1] - before.interval[0]) / 2 > 0.05 * Math.abs(before.value));
    assert.equal(slq(op, 'log', { ...options, rtol: 0, maxProbes: 12 }).converged, false);
  });
});
