import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { denseCovariance } from '../../src/covariance/index.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { ssrEigen } from '../../src/ssr/spectrum.js';
import { ssrSpectrumTheory } from '../../src/ssr/spectrum-theory.js';

/** Block-diagonal Σ with blocks (1 − ρ_k)I + ρ_k 11ᵀ: eigenvalues 1 − ρ_k and 1 + (b − 1)ρ_k. */
function blockEquicorrelation(size: number, rhos: number[]): Matrix {
  const d = size * rhos.length;
  const s = Matrix.zeros(d, d);
  rhos.forEach((rho, k) => {
    for (let i = k * size; i < (k + 1) * size; i++)
      for (let j = k * size; j < (k + 1) * size; j++) s.data[i * d + j] = i === j ? 1 : rho;
  });
  return s;
}

describe('outliers of the general spectrum solver (covariance with gaps)', () => {
  // d = 120, four blocks of 30: Â has one bulk of 116 eigenvalues and four separated ones, each
  // in its own gap (issue 24: the solver listed 493 "outliers", 489 of them of mass 0).
  const d = 120;
  const alpha = 1.21;
  const lambda = 0.09;
  const model = denseCovariance(blockEquicorrelation(30, [0.2, 0.4, 0.6, 0.8]));
  const theory = ssrSpectrumTheory(model, alpha, lambda, { method: 'general' });

  it('lists only components holding at least half an eigenvalue, with masses summing to 1 (1e-12)', () => {
    for (const k of theory.components) assert.ok(k.mass * d >= 0.5, `mass·d ${k.mass * d}`);
    const counts = theory.components.map((k) => k.mass * d);
    assert.deepEqual(
      counts.map((c) => Math.round(c)),
      [116, 1, 1, 1, 1],
    );
    counts.forEach((c) => assert.ok(Math.abs(c - Math.round(c)) < 1e-9, `count ${c}`));
    const sum = theory.components.reduce((s, k) => s + k.mass, 0);
    assert.ok(Math.abs(sum - 1) < 1e-12, `Σ mass = ${sum}`);
  });

  it('predicts as many outliers as simulation finds outside the bulk, each near its component', () => {
    assert.equal(theory.outliers.length, 4);
    assert.equal(theory.edges.length, 1);
    const edge = theory.edges[0][1];
    const outliers = theory.components.filter((k) => k.outlier);
    for (const seed of [1, 2, 3]) {
      const values = ssrEigen(model.sample(Math.round(alpha * d), seed), lambda).values;
      // The bulk edge fluctuates by O(d^{-2/3}) ≈ 0.01 (scale 1): outside means 0.02 past it.
      const outside = Array.from(values).filter((v) => v > edge + 0.02);
      assert.equal(outside.length, 4, `seed ${seed}: ${outside}`);
      // A separated eigenvalue fluctuates by O(d^{-1/2}) ≈ 0.01 around its component.
      outside.forEach((v, i) => {
        const k = outliers[i];
        assert.ok(v > k.lo - 0.02 && v < k.hi + 0.02, `seed ${seed}: ${v} vs [${k.lo}, ${k.hi}]`);
      });
    }
  });
});
