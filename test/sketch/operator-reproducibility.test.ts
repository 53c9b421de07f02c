import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availableBackends, setBackend } from '../../src/linalg/backend.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import { randomStream } from '../../src/random/stream.js';
import { sketchingOperator } from '../../src/sketch/operator.js';
import type { SketchDistribution } from '../../src/sketch/types.js';
import { lcgMatrix } from '../linalg/helpers.js';
import { FAMILIES, label, optionsFor } from './operator-helpers.js';

const EPS = Number.EPSILON;

function dense(d: SketchDistribution, l: number, n: number, seed: number | string) {
  return sketchingOperator(d, l, n, seed, optionsFor(d, n)).toDense();
}

/** Asserts that `small` equals the top-left block of `big` times `ratio`, to 2 ulp. */
function assertBlock(small: Matrix, big: Matrix, ratio: number, what: string): void {
  for (let i = 0; i < small.rows; i++)
    for (let j = 0; j < small.cols; j++) {
      const expected = big.get(i, j) * ratio;
      const actual = small.get(i, j);
      assert.ok(
        Math.abs(actual - expected) <= 2 * EPS * Math.abs(expected),
        `${what} (${i}, ${j}): ${actual} vs ${expected}`,
      );
    }
}

describe('sketchingOperator reproducibility', () => {
  for (const d of FAMILIES) {
    it(`${label(d)}: the same seed gives a bit-identical S and products, a different seed another S`, () => {
      const a = dense(d, 6, 20, 99);
      assert.deepEqual(dense(d, 6, 20, 99).data, a.data);
      assert.notDeepEqual(dense(d, 6, 20, 100).data, a.data);
      assert.notDeepEqual(dense(d, 6, 20, 'other').data, a.data);
      const x = lcgMatrix(20, 3, 1);
      const s = sketchingOperator(d, 6, 20, 99, optionsFor(d, 20));
      assert.deepEqual(
        s.applyLeft(x).data,
        sketchingOperator(d, 6, 20, 99, optionsFor(d, 20)).applyLeft(x).data,
      );
    });
  }

  it('a stream passed as the seed is used through its children only (its position does not matter)', () => {
    for (const d of FAMILIES) {
      const used = randomStream(5);
      for (let k = 0; k < 7; k++) used.uniform();
      const s = sketchingOperator(d, 4, 9, used, optionsFor(d, 9)).toDense();
      assert.deepEqual(s.data, dense(d, 4, 9, 5).data, label(d));
    }
  });

  it('S does not depend on the backend', () => {
    const backends = availableBackends();
    for (const d of FAMILIES) {
      const entries = backends.map((b) => {
        const previous = setBackend(b);
        try {
          return dense(d, 5, 11, 3).data;
        } finally {
          setBackend(previous);
        }
      });
      for (const e of entries) assert.deepEqual(e, entries[0]);
    }
  });

  it('dense sketches: a larger l adds rows and a larger n extends every row (equal up to √(l/l′))', () => {
    for (const kind of ['gaussian', 'uniform', 'rademacher'] as const) {
      const small = dense({ kind }, 3, 7, 11);
      assertBlock(small, dense({ kind }, 8, 7, 11), Math.sqrt(8 / 3), `${kind} rows`);
      assertBlock(small, dense({ kind }, 3, 40, 11), 1, `${kind} cols`);
      assertBlock(small, dense({ kind }, 5, 33, 11), Math.sqrt(5 / 3), `${kind} both`);
    }
  });

  it('saso: a larger n adds columns and leaves the first n unchanged', () => {
    const small = dense({ kind: 'saso', vecNnz: 3 }, 10, 12, 4);
    assertBlock(small, dense({ kind: 'saso', vecNnz: 3 }, 10, 50, 4), 1, 'saso');
  });

  it('laso: a larger l adds rows (same indices, scale √(l′/l)) for uniform and given probabilities', () => {
    for (const d of FAMILIES.filter((f) => f.kind === 'laso')) {
      const small = dense(d, 5, 16, 8);
      assertBlock(small, dense(d, 12, 16, 8), Math.sqrt(12 / 5), label(d));
    }
  });

  it('srht: a larger l or a larger n with the same padded length n′ extends S', () => {
    const small = dense({ kind: 'srht' }, 4, 9, 21); // n′ = 16
    assertBlock(small, dense({ kind: 'srht' }, 10, 9, 21), Math.sqrt(10 / 4), 'rows');
    assertBlock(small, dense({ kind: 'srht' }, 4, 16, 21), 1, 'cols');
    assertBlock(small, dense({ kind: 'srht' }, 16, 13, 21), 2, 'both');
  });
});
