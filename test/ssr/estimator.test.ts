import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { eigvalsh, gram } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/index.js';
import { fitSsrInPlace } from '../../src/ssr/estimator.js';
import { fitSsr, fitSsrAsync, populationError, type SsrFit } from '../../src/ssr/index.js';
import { centredCopy, relativeDiff, residualError, separateRegressions } from './helpers.js';

const EPS = Number.EPSILON;

/**
 * Â(λ) against the ridgeless Â(0) = I − M₀diag(M₀)⁻¹ for singular Σ̂ (docs/theory.md §1), column by
 * column. With Σ̂ = Σ s_i v_i v_iᵀ (s_i > 0) and P = Σ v_i v_iᵀ, λQ = M₀ + F where M₀ = I − P and
 * F = λΣ v_i v_iᵀ/(s_i + λ), so ‖F‖ ≤ λ/s_min; the Cholesky inverse of Σ̂ + λI (condition
 * (s_max + λ)/λ) adds a rounding error of about ε(s_max + λ)/λ to λQ. Column k of the difference is
 * (Fe_k − M₀e_k·F_kk/m_k)/(m_k + F_kk) with m_k = (M₀)_kk and ‖M₀e_k‖ = √m_k, hence
 * max_j |ΔÂ_jk| ≤ f·(1 + 1/√m_k)/(m_k − f) with f = λ/s_min + ε(s_max + λ)/λ. A coordinate with
 * f ≥ m_k/2 (nearly inside the row space) is not yet in the limit at this λ and is not checked
 * (10 of 2000 columns over 200 seeds at n = d = 10, none for the fixed data; at least half must
 * be); over those 200 seeds the measured difference stays below 0.09 of the bound.
 */
function assertNearRidgeless(x: Matrix, fit: SsrFit, lambda: number): void {
  let checked = 0;
  const near = fitSsr(x, { lambda });
  const { rows: n, cols: d } = x;
  const s = [...eigvalsh(gram(centredCopy(x)))].sort((a, b) => b - a);
  const f = lambda / s[n - 2]! + (EPS * (s[0]! + lambda)) / lambda; // rank of X_c is n − 1
  for (let k = 0; k < d; k++) {
    const m = fit.diagQ[k]!;
    if (f >= m / 2) continue;
    const bound = (f * (1 + 1 / Math.sqrt(m))) / (m - f);
    checked++;
    for (let j = 0; j < d; j++) {
      const diff = Math.abs(near.A.get(j, k) - fit.A.get(j, k));
      assert.ok(diff <= bound, `n = ${n}, d = ${d}, Â[${j}, ${k}]: ${diff} > ${bound}`);
    }
  }
  assert.ok(checked >= d / 2, `only ${checked} of ${d} columns are in the limit`);
}

describe('fitSsr (masked SSR estimator)', () => {
  it('matches d separate constrained ridge regressions to 1e-10 relative, centred or not', () => {
    const x = gaussianMatrix(40, 9, 11);
    for (const lambda of [0.03, 0.3, 5]) {
      const raw = fitSsr(x, { lambda, centre: false });
      assert.ok(
        relativeDiff(raw.A, separateRegressions(x, lambda)) <= 1e-10,
        `uncentred λ = ${lambda}`,
      );
      const centred = fitSsr(x, { lambda });
      assert.equal(centred.centred, true);
      assert.ok(
        relativeDiff(centred.A, separateRegressions(centredCopy(x), lambda)) <= 1e-10,
        `centred λ = ${lambda}`,
      );
    }
  });

  it('has an exactly zero diagonal for any data and λ', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 2, max: 12 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        (n, d, lambda, seed) => {
          const fit = fitSsr(gaussianMatrix(n, d, seed), { lambda, centre: n > 1 });
          for (let k = 0; k < d; k++) assert.equal(fit.A.get(k, k), 0);
        },
      ),
      { seed: 3, numRuns: 60 },
    );
  });

  it('permutes Â when the coordinates are permuted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.boolean(),
        (d, seed, ridgeless) => {
          const n = 3 * d;
          const x = gaussianMatrix(n, d, seed);
          const perm = Array.from({ length: d }, (_, k) => (k * 7 + 3) % d);
          if (new Set(perm).size !== d) return; // 7k + 3 is a permutation only when gcd(7, d) = 1
          const xp = Matrix.zeros(n, d);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < d; j++) xp.data[i * d + j] = x.data[i * d + perm[j]];
          const lambda = ridgeless ? 0 : 0.2;
          const a = fitSsr(x, { lambda }).A;
          const ap = fitSsr(xp, { lambda }).A;
          let scale = 0;
          for (const v of a.data) scale = Math.max(scale, Math.abs(v));
          for (let i = 0; i < d; i++)
            for (let j = 0; j < d; j++)
              assert.ok(Math.abs(ap.get(i, j) - a.get(perm[i], perm[j])) <= 1e3 * EPS * scale);
        },
      ),
      { seed: 5, numRuns: 40 },
    );
  });

  it('takes the ridgeless limit with n > d: ordinary least squares, and λ = 1e-10 agrees', () => {
    const x = gaussianMatrix(60, 8, 21);
    const fit = fitSsr(x, { lambda: 0 });
    assert.equal(fit.regime, 'ridgeless-invertible');
    assert.ok(relativeDiff(fit.A, separateRegressions(centredCopy(x), 0)) <= 1e-10);
    const near = fitSsr(x, { lambda: 1e-10 });
    // Â(λ) − Â(0) = O(λ/s_min): s_min of this Σ̂ is about 0.3, so 1e-9 bounds the difference.
    assert.ok(relativeDiff(near.A, fit.A) <= 1e-8);
    assert.ok(
      Math.abs(fit.trainError - residualError(centredCopy(x), fit.A)) <= 1e-12 * fit.trainError,
    );
  });

  it('takes the ridgeless limit with n ≤ d: the minimum-norm interpolator I − (I−P)diag(I−P)⁻¹', () => {
    for (const [n, d] of [
      [6, 10],
      [10, 10],
      [4, 12],
    ]) {
      const x = gaussianMatrix(n, d, 100 + n);
      const fit = fitSsr(x, { lambda: 0 });
      assert.equal(fit.regime, 'ridgeless-projector');
      assert.ok(
        relativeDiff(fit.A, separateRegressions(centredCopy(x), 0)) <= 1e-10,
        `n = ${n}, d = ${d}`,
      );
      assert.equal(fit.trainError, 0);
      assert.ok(residualError(centredCopy(x), fit.A) <= 1e-24 * d);
      assertNearRidgeless(x, fit, 1e-10);
    }
  });

  it('computes the training error, predictions and held-out score as their definitions', () => {
    const x = gaussianMatrix(50, 7, 31);
    const test = gaussianMatrix(20, 7, 32);
    const fit = fitSsr(x, { lambda: 0.7 });
    assert.ok(
      Math.abs(fit.trainError - residualError(centredCopy(x), fit.A)) <= 1e-12 * fit.trainError,
    );
    const shifted = test.clone();
    for (let i = 0; i < 20; i++) for (let k = 0; k < 7; k++) shifted.data[i * 7 + k] -= fit.mean[k];
    assert.ok(
      Math.abs(fit.testError(test) - residualError(shifted, fit.A)) <= 1e-12 * fit.testError(test),
    );
    const predicted = fit.predict(test);
    for (let i = 0; i < 20; i++) {
      for (let k = 0; k < 7; k++) {
        let value = fit.mean[k];
        for (let j = 0; j < 7; j++) value += shifted.data[i * 7 + j] * fit.A.get(j, k);
        assert.ok(Math.abs(predicted.get(i, k) - value) <= 1e-13 * (1 + Math.abs(value)));
      }
    }
  });

  it('gives the same fit asynchronously', async () => {
    const x = gaussianMatrix(30, 6, 41);
    const sync = fitSsr(x, { lambda: 0.1 });
    const async = await fitSsrAsync(x, { lambda: 0.1 });
    assert.ok(relativeDiff(async.A, sync.A) <= 1e-14);
    assert.equal(
      (await fitSsrAsync(gaussianMatrix(4, 6, 1), { lambda: 0 })).regime,
      'ridgeless-projector',
    );
  });

  it('gives the same fit to the bit when it may centre its input in place, which then holds X_c', () => {
    const x = gaussianMatrix(30, 6, 43);
    const kept = x.clone();
    const copy = fitSsr(x, { lambda: 0.1 });
    assert.deepEqual(x.data, kept.data, 'fitSsr leaves its input alone');
    const inPlace = fitSsrInPlace(x, { lambda: 0.1 });
    assert.deepEqual(inPlace.A.data, copy.A.data);
    assert.deepEqual(inPlace.diagQ, copy.diagQ);
    assert.equal(inPlace.trainError, copy.trainError);
    const mean = new Float64Array(6);
    for (let t = 0; t < kept.data.length; t++) mean[t % 6] += kept.data[t];
    for (let k = 0; k < 6; k++) mean[k] /= 30;
    assert.deepEqual(
      x.data,
      kept.data.map((v, t) => v - mean[t % 6]),
    );
    for (const lambda of [0, 1e-300]) {
      const ridgeless = fitSsrInPlace(gaussianMatrix(4, 6, 1), { lambda });
      assert.deepEqual(ridgeless.A.data, fitSsr(gaussianMatrix(4, 6, 1), { lambda }).A.data);
    }
  });

  it('computes the population error tr[(I−Â)ᵀΣ(I−Â)]/d', () => {
    const x = gaussianMatrix(30, 5, 51);
    const fit = fitSsr(x, { lambda: 0.2, centre: false });
    const sigma = Matrix.fromRows([
      [2, 0.5, 0, 0, 0],
      [0.5, 1, 0.2, 0, 0],
      [0, 0.2, 1, 0, 0],
      [0, 0, 0, 3, 1],
      [0, 0, 0, 1, 2],
    ]);
    let expected = 0;
    for (let k = 0; k < 5; k++)
      for (let i = 0; i < 5; i++)
        for (let j = 0; j < 5; j++) {
          expected +=
            ((i === k ? 1 : 0) - fit.A.get(i, k)) *
            sigma.get(i, j) *
            ((j === k ? 1 : 0) - fit.A.get(j, k));
        }
    assert.ok(Math.abs(populationError(fit, sigma) - expected / 5) <= 1e-13 * expected);
  });

  it('rejects λ < 0, non-finite data and d < 2, naming the argument', () => {
    const x = gaussianMatrix(10, 3, 1);
    assert.throws(() => fitSsr(x, { lambda: -1 }), /lambda must be ≥ 0\. Value: -1\./);
    assert.throws(() => fitSsr(x, { lambda: Infinity }), /lambda must be finite/);
    assert.throws(
      () => fitSsr(gaussianMatrix(10, 1, 1), { lambda: 1 }),
      /data must have at least 2 columns/,
    );
    const bad = x.clone();
    bad.data[2 * 3 + 1] = NaN;
    assert.throws(() => fitSsr(bad, { lambda: 1 }), /data must be finite; entry \(2, 1\)/);
  });
});
