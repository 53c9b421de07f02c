import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError, NonFiniteError } from '../../src/errors.js';
import { cholesky } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import {
  gaussianMatrix,
  sampleWithCovariance,
  sampleWithFactor,
} from '../../src/random/gaussian.js';
import { randomStream } from '../../src/random/stream.js';
import { KS_CRITICAL_0_001, ksStatistic, moments, normalCdf } from './stats.js';

/**
 * Asserts that the sample second moment XᵀX/n of zero-mean rows matches Σ entrywise within
 * 4 standard errors, se_ij = √((Σ_ii Σ_jj + Σ_ij²)/n) for Gaussian rows.
 */
function assertCovariance(x: Matrix, sigma: number[][]): void {
  const { rows: n, cols: d, data } = x;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let r = 0; r < n; r++) s += data[r * d + i]! * data[r * d + j]!;
      const se = Math.sqrt((sigma[i]![i]! * sigma[j]![j]! + sigma[i]![j]! ** 2) / n);
      assert.ok(
        Math.abs(s / n - sigma[i]![j]!) <= 4 * se,
        `S[${i}][${j}] = ${s / n}, Σ = ${sigma[i]![j]} ± 4·${se}`,
      );
    }
  }
}

describe('gaussianMatrix', () => {
  it('draws row i from child stream i, so rows can be made in any order on any worker', () => {
    const g = gaussianMatrix(5, 3, 'rows');
    for (const i of [4, 0, 2])
      assert.deepEqual(g.row(i), randomStream('rows').split(i).fill(new Float64Array(3), 'normal'));
    assert.deepEqual(gaussianMatrix(8, 3, 'rows').data.subarray(0, 15), g.data);
    assert.deepEqual(gaussianMatrix(5, 3, 'rows'), g);
    assert.notDeepEqual(gaussianMatrix(5, 3, 'other'), g);
    assert.deepEqual(gaussianMatrix(0, 3, 1).data.length, 0);
  });

  it('has iid N(0, 1) entries: mean, variance and KS distance within their sampling error', () => {
    const g = gaussianMatrix(400, 500, 11);
    const N = g.data.length;
    const { mean, variance } = moments(g.data);
    assert.ok(Math.abs(mean) <= 4 / Math.sqrt(N));
    assert.ok(Math.abs(variance - 1) <= 4 * Math.sqrt(2 / N));
    assert.ok(Math.sqrt(N) * ksStatistic(g.data, normalCdf) < KS_CRITICAL_0_001);
  });

  it('rejects bad shapes and seeds, naming them', () => {
    for (const [f, argument] of [
      [() => gaussianMatrix(-1, 2, 0), 'rows'],
      [() => gaussianMatrix(2, 1.5, 0), 'cols'],
      [() => gaussianMatrix(2, 2, -3), 'seed'],
    ] as const) {
      assert.throws(
        f,
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument,
      );
    }
  });
});

describe('sampleWithFactor', () => {
  it("returns G Fᵀ for the seed's Gaussian matrix G", () => {
    const f = Matrix.fromRows([
      [1, 0],
      [0.5, 2],
      [-1, 3],
    ]);
    const x = sampleWithFactor(6, f, 5);
    const g = gaussianMatrix(6, 2, 5);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 3; j++) {
        const want = g.get(i, 0) * f.get(j, 0) + g.get(i, 1) * f.get(j, 1);
        assert.ok(
          Math.abs(x.get(i, j) - want) <=
            4 *
              Number.EPSILON *
              (Math.abs(g.get(i, 0) * f.get(j, 0)) + Math.abs(g.get(i, 1) * f.get(j, 1))),
        );
      }
    }
    assert.deepEqual([sampleWithFactor(0, f, 5).rows, sampleWithFactor(0, f, 5).cols], [0, 3]);
  });

  it('gives rows with covariance F Fᵀ', () => {
    assertCovariance(sampleWithFactor(50_000, Matrix.diagonal([1, 2, 3]), 6), [
      [1, 0, 0],
      [0, 4, 0],
      [0, 0, 9],
    ]);
  });
});

describe('sampleWithCovariance', () => {
  it('samples N(0, Σ) for a positive definite Σ, through its Cholesky factor', () => {
    const sigma = [
      [2, 0.6, -0.4, 0],
      [0.6, 1, 0.3, 0.1],
      [-0.4, 0.3, 1.5, 0.5],
      [0, 0.1, 0.5, 0.8],
    ];
    const x = sampleWithCovariance(50_000, Matrix.fromRows(sigma), 'pd');
    assertCovariance(x, sigma);
    assert.deepEqual(x, sampleWithFactor(50_000, cholesky(Matrix.fromRows(sigma)), 'pd'));
  });

  it('samples a singular positive semidefinite Σ through eigh, keeping rows in its range', () => {
    const sigma = [
      [1, 1, 0],
      [1, 1, 0],
      [0, 0, 2],
    ];
    const x = sampleWithCovariance(50_000, Matrix.fromRows(sigma), 'psd');
    assertCovariance(x, sigma);
    for (let r = 0; r < x.rows; r++)
      assert.ok(Math.abs(x.get(r, 0) - x.get(r, 1)) <= 1e-14 * (Math.abs(x.get(r, 0)) + 1));
    const diag = sampleWithCovariance(100, Matrix.diagonal([2, 0, 1]), 'psd');
    for (let r = 0; r < diag.rows; r++) assert.ok(Math.abs(diag.get(r, 1)) <= 1e-15);
  });

  it('accepts eigenvalues down to −tol·‖Σ‖ and rejects lower ones, naming sigma and the eigenvalue', () => {
    const nearlyPsd = Matrix.fromRows([
      [1, 1 + 1e-13],
      [1 + 1e-13, 1],
    ]); // eigenvalues 2 + 1e-13 and −1e-13
    assert.equal(sampleWithCovariance(3, nearlyPsd, 1).rows, 3);
    const rejected = (f: () => unknown, value: number) =>
      assert.throws(
        f,
        (e: unknown) =>
          e instanceof InvalidArgumentError &&
          e.argument === 'sigma' &&
          Math.abs((e.value as number) - value) <= 1e-12 &&
          /positive semidefinite/.test(e.message),
      );
    rejected(() => sampleWithCovariance(3, nearlyPsd, 1, { tol: 1e-15 }), -1e-13);
    rejected(
      () =>
        sampleWithCovariance(
          3,
          Matrix.fromRows([
            [1, 2],
            [2, 1],
          ]),
          1,
        ),
      -1,
    );
  });

  it('rejects a non-square, non-symmetric or non-finite sigma and a bad n, naming them', () => {
    const named = (f: () => unknown, argument: string) =>
      assert.throws(
        f,
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument,
      );
    named(() => sampleWithCovariance(3, Matrix.zeros(2, 3), 1), 'sigma');
    named(
      () =>
        sampleWithCovariance(
          3,
          Matrix.fromRows([
            [1, 0.5],
            [0.4, 1],
          ]),
          1,
        ),
      'sigma',
    );
    assert.throws(
      () =>
        sampleWithCovariance(
          3,
          Matrix.fromRows([
            [1, NaN],
            [NaN, 1],
          ]),
          1,
        ),
      (e: unknown) => e instanceof NonFiniteError && e.argument === 'sigma',
    );
    named(() => sampleWithCovariance(-1, Matrix.identity(2), 1), 'n');
    named(() => sampleWithCovariance(2, Matrix.identity(2), 1, { tol: -1 }), 'tol');
  });
});
