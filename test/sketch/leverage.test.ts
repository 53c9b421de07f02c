import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { spdInverse } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { leverageScores } from '../../src/sketch/leverage.js';
import { lcgMatrix, naiveProduct } from '../linalg/helpers.js';
import { relativeError } from './operator-helpers.js';

describe('leverageScores', () => {
  it('equals the diagonal of A(AᵀA)⁻¹Aᵀ to 1e-12 and sums to d for a full-rank tall A', () => {
    const a = lcgMatrix(30, 4, 7);
    const hat = naiveProduct(
      naiveProduct(a, spdInverse(naiveProduct(a.transpose(), a))),
      a.transpose(),
    );
    const scores = leverageScores(a);
    assert.ok(relativeError(scores, hat.diag()) <= 1e-12);
    assert.ok(Math.abs(scores.reduce((x, y) => x + y, 0) - 4) <= 1e-12);
    for (const s of scores) assert.ok(s >= 0 && s <= 1 + 1e-12);
  });

  it('sums to the rank when A is rank-deficient (a repeated column) and equals the hat diagonal of its column space', () => {
    const base = lcgMatrix(25, 3, 2);
    const a = Matrix.zeros(25, 4);
    for (let i = 0; i < 25; i++) {
      for (let j = 0; j < 3; j++) a.data[i * 4 + j] = base.get(i, j);
      a.data[i * 4 + 3] = base.get(i, 0) + 2 * base.get(i, 1);
    }
    const scores = leverageScores(a);
    assert.ok(Math.abs(scores.reduce((x, y) => x + y, 0) - 3) <= 1e-10);
    assert.ok(relativeError(scores, leverageScores(base)) <= 1e-10);
  });

  it('gives every row the score 1 for a square invertible A and scores e_i-rows 1, others by their share', () => {
    const scores = leverageScores(lcgMatrix(5, 5, 3));
    for (const s of scores) assert.ok(Math.abs(s - 1) <= 1e-12);
    const spike = Matrix.fromRows([
      [1, 0],
      [0, 1],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    assert.deepEqual(
      Array.from(leverageScores(spike), (s) => Math.round(s * 1e12) / 1e12),
      [1, 0.25, 0.25, 0.25, 0.25],
    );
  });

  it('rejects an empty or non-finite matrix, naming a', () => {
    assert.throws(
      () => leverageScores(Matrix.zeros(0, 3)),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'a',
    );
    const bad = lcgMatrix(4, 2, 1);
    bad.data[3] = Number.NaN;
    assert.throws(
      () => leverageScores(bad),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'a',
    );
  });
});
