import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availableBackends, setBackend } from '../../src/linalg/backend.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { denseOperator } from '../../src/operators/linear-operator.js';
import { randomStream } from '../../src/random/stream.js';
import { fillRow } from '../../src/sketch/dense.js';
import { sketchingOperator } from '../../src/sketch/operator.js';
import type { SketchingOperator } from '../../src/sketch/types.js';
import { lcgMatrix, naiveProduct } from '../linalg/helpers.js';
import { FAMILIES, label, optionsFor, relativeError } from './operator-helpers.js';

const TOL = 1e-12;

/** Checks applyLeft, applyRight, applyVector and applyOperator against products with toDense. */
function checkProducts(s: SketchingOperator, k: number, seed: number): void {
  const dense = s.toDense();
  assert.equal(dense.rows, s.rows);
  assert.equal(dense.cols, s.cols);
  const a = lcgMatrix(s.cols, k, seed);
  const expected = naiveProduct(dense, a);
  assert.ok(relativeError(s.applyLeft(a), expected) <= TOL, 'applyLeft');
  const op = s.applyOperator(denseOperator(a));
  assert.deepEqual([op.rows, op.cols], [s.rows, k]);
  assert.ok(relativeError(op, expected) <= TOL, 'applyOperator');
  const b = lcgMatrix(k, s.cols, seed + 1);
  const right = s.applyRight(b);
  assert.deepEqual([right.rows, right.cols], [k, s.rows]);
  assert.ok(relativeError(right, naiveProduct(b, dense.transpose())) <= TOL, 'applyRight');
  const x = lcgMatrix(s.cols, 1, seed + 2);
  assert.ok(
    relativeError(s.applyVector(x.data), naiveProduct(dense, x).data) <= TOL,
    'applyVector',
  );
}

describe('sketchingOperator products', () => {
  for (const backend of availableBackends()) {
    for (const d of FAMILIES) {
      it(`${label(d)} on the ${backend} backend: applyLeft, applyRight, applyVector and applyOperator match toDense to 1e-12`, () => {
        const previous = setBackend(backend);
        try {
          for (const [l, n, k] of [
            [5, 13, 4],
            [7, 16, 3],
            [1, 1, 2],
            [9, 6, 1],
          ] as const) {
            if (d.kind === 'saso' && d.vecNnz > l) continue;
            if (d.kind === 'srht' && l > 2 ** Math.ceil(Math.log2(n))) continue;
            checkProducts(sketchingOperator(d, l, n, 17 + l, optionsFor(d, n)), k, 3 * n + k);
          }
        } finally {
          setBackend(previous);
        }
      });
    }
  }

  it('srht with n = 3000 (padded to 4096, past one cache chunk) and 40 columns (two blocks) matches toDense', () => {
    const s = sketchingOperator({ kind: 'srht' }, 50, 3000, 'srht-large');
    checkProducts(s, 40, 5);
  });

  it('saso, laso and srht on an operator read in two column blocks (n·k > 2²² entries) match applyLeft', () => {
    for (const d of [
      { kind: 'saso', vecNnz: 4 },
      { kind: 'laso', sampling: 'uniform' },
      { kind: 'srht' },
    ] as const) {
      const s = sketchingOperator(d, 20, 70000, 9);
      const a = lcgMatrix(70000, 70, 11);
      assert.ok(relativeError(s.applyOperator(denseOperator(a)), s.applyLeft(a)) <= TOL);
    }
  });

  it('a dense sketch generated in several row blocks (n = 2²¹ + 1) gives row i·x from split(i)', () => {
    const n = 2 ** 21 + 1;
    const s = sketchingOperator({ kind: 'rademacher' }, 3, n, 23);
    const x = lcgMatrix(n, 2, 4);
    const row = new Float64Array(n);
    const expected = Matrix.zeros(3, 2);
    for (let i = 0; i < 3; i++) {
      fillRow('rademacher', randomStream(23).split(i), row);
      for (let j = 0; j < n; j++)
        for (let c = 0; c < 2; c++)
          expected.data[i * 2 + c] += (row[j]! * x.data[j * 2 + c]!) / Math.sqrt(3);
    }
    assert.ok(relativeError(s.applyLeft(x), expected) <= TOL);
    assert.ok(relativeError(s.applyRight(x.transpose()), expected.transpose()) <= TOL);
    assert.ok(relativeError(s.applyOperator(denseOperator(x)), expected) <= TOL);
  });

  it('returns empty results for inputs with no columns (or rows, for applyRight)', () => {
    for (const d of FAMILIES) {
      const s = sketchingOperator(d, 4, 8, 1, optionsFor(d, 8));
      assert.deepEqual(
        [s.applyLeft(Matrix.zeros(8, 0)).rows, s.applyLeft(Matrix.zeros(8, 0)).cols],
        [4, 0],
      );
      assert.deepEqual(
        [s.applyRight(Matrix.zeros(0, 8)).rows, s.applyRight(Matrix.zeros(0, 8)).cols],
        [0, 4],
      );
    }
  });
});
