import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ar1Covariance,
  denseCovariance,
  diagonalCovariance,
  spikedCovariance,
} from '../../src/covariance/index.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { matmul } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { kolmogorovDistance } from '../../src/rmt/kolmogorov.js';
import { fitSsr } from '../../src/ssr/index.js';
import { ssrEigen } from '../../src/ssr/spectrum.js';
import { ssrSpectrumTheory } from '../../src/ssr/spectrum-theory.js';

describe('ssrEigen (empirical spectrum of Â)', () => {
  const x = ar1Covariance(0.5, 60).sample(150, 2);

  it('has eigenvalues summing to tr Â = 0 and right eigenvectors with Â v = a v to 1e-9', () => {
    const { values, vectors } = ssrEigen(x, 0.1, { vectors: true });
    assert.ok(Math.abs(values.reduce((s, v) => s + v, 0)) < 1e-10 * 60);
    const A = fitSsr(x, { lambda: 0.1, centre: false }).A;
    const av = matmul(A, vectors!);
    for (let j = 0; j < 60; j++)
      for (let i = 0; i < 60; i++)
        assert.ok(Math.abs(av.get(i, j) - values[j] * vectors!.get(i, j)) < 1e-9);
  });

  it('is invariant under a permutation of the coordinates', () => {
    const perm = Array.from({ length: 60 }, (_, k) => (k * 7) % 60);
    const permuted = Matrix.fromRows(x.toArray().map((row) => perm.map((k) => row[k])));
    const a = ssrEigen(x, 0.1).values;
    const b = ssrEigen(permuted, 0.1).values;
    a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) < 1e-10));
  });
});

describe('ssrSpectrumTheory against simulation at d = 1000, α = 2, λ = 0.1', () => {
  const d = 1000;
  const twoLevel = diagonalCovariance(
    Float64Array.from({ length: d }, (_, k) => (k < d / 2 ? 1 : 4)),
    'two-level',
  );
  for (const [name, model, method] of [
    ['AR(1) ρ = 0.5', ar1Covariance(0.5, d), 'mp'],
    ['diagonal two-level', twoLevel, 'diagonal'],
    ['spiked θ = 3', spikedCovariance(3, d, 1), 'mp'],
  ] as const) {
    it(`is within Kolmogorov distance 0.03 for ${name} (${method} path)`, () => {
      const theory = ssrSpectrumTheory(model, 2, 0.1);
      assert.equal(theory.method, method);
      const { values } = ssrEigen(model.sample(2 * d, 7), 0.1);
      assert.ok(kolmogorovDistance(values, theory.cdf) < 0.03);
      if (name.startsWith('spiked')) {
        // One outlier; the top eigenvalue fluctuates by about 0.006 (measured over seeds).
        assert.equal(theory.outliers.length, 1);
        assert.ok(Math.abs(values[d - 1] - theory.outliers[0]) < 0.03);
        assert.ok(values[d - 2] < theory.edges[theory.edges.length - 1][1] + 0.01);
      }
    });
  }
});

describe('ssrSpectrumTheory, general (non-commuting) solver', () => {
  it('agrees with the diagonal path on a diagonal Σ', () => {
    const model = diagonalCovariance(Float64Array.from({ length: 80 }, (_, k) => 0.5 + (k % 3)));
    const general = ssrSpectrumTheory(model, 1.5, 0.2, { method: 'general' });
    const diagonal = ssrSpectrumTheory(model, 1.5, 0.2, { method: 'diagonal' });
    for (let a = -4; a < 1; a += 0.01)
      assert.ok(Math.abs(general.cdf(a) - diagonal.cdf(a)) < 1e-3, `a=${a}`);
  });

  it('predicts the spectrum and the outlier of a localised, non-axis spike (d = 200)', () => {
    const d = 200;
    const sigma = ar1Covariance(0.3, d).matrix().clone();
    for (const i of [0, 1, 2]) for (const j of [0, 1, 2]) sigma.data[i * d + j] += 2;
    const model = denseCovariance(sigma, 'local-spike');
    const theory = ssrSpectrumTheory(model, 2, 0.1);
    assert.equal(theory.method, 'general');
    assert.equal(theory.outliers.length, 1);
    const { values } = ssrEigen(model.sample(2 * d, 3), 0.1);
    assert.ok(kolmogorovDistance(values, theory.cdf) < 0.03);
    assert.ok(Math.abs(values[d - 1] - theory.outliers[0]) < 0.02);
  });
});

describe('ssrSpectrumTheory, other regimes', () => {
  it('α < 1: the d − n near-null eigenvalues sit at the predicted atom (spread O(d^{-1/2}) at finite d)', () => {
    const d = 600;
    const model = diagonalCovariance(new Float64Array(d).fill(1));
    const theory = ssrSpectrumTheory(model, 0.5, 1);
    const atom = theory.edges.find(([lo, hi]) => hi - lo < 1e-6);
    assert.ok(atom);
    const { values } = ssrEigen(model.sample(d / 2, 4), 1);
    const low = values.slice(0, d / 2);
    const mean = low.reduce((s, v) => s + v, 0) / low.length;
    // Measured spread of the cluster: 0.6/√d; its mean is far more precise.
    assert.ok(Math.abs(mean - atom[0]) < 0.01);
    assert.ok(values[d / 2] > theory.edges[1][0] - 0.05);
  });

  it('λ = 0 with α > 1 (ridgeless) matches simulation', () => {
    const model = ar1Covariance(0.4, 400);
    const theory = ssrSpectrumTheory(model, 3, 0);
    assert.ok(kolmogorovDistance(ssrEigen(model.sample(1200, 5), 0).values, theory.cdf) < 0.03);
  });

  it('rejects what it cannot do, naming the argument', () => {
    const isArg = (name: string) => (e: unknown) =>
      e instanceof InvalidArgumentError && e.argument === name;
    assert.throws(() => ssrSpectrumTheory(ar1Covariance(0.5, 50), 0.5, 0), isArg('lambda'));
    assert.throws(
      () => ssrSpectrumTheory(ar1Covariance(0.5, 50), 2, 0.1, { method: 'diagonal' }),
      isArg('method'),
    );
    assert.throws(
      () => ssrSpectrumTheory(ar1Covariance(0.5, Infinity), 2, 0.1, { method: 'general' }),
      isArg('method'),
    );
    assert.throws(() => ssrSpectrumTheory(ar1Covariance(0.5, 50), -1, 0.1), isArg('alpha'));
  });
});
