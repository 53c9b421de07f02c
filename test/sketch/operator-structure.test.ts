import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Matrix } from '../../src/linalg/matrix.js';
import { fwhtColumns } from '../../src/sketch/fwht.js';
import { sketchingOperator } from '../../src/sketch/operator.js';
import { lcgMatrix, naiveProduct } from '../linalg/helpers.js';
import { relativeError } from './operator-helpers.js';

/** The nonzeros of column j of S as [row, value] pairs. */
function columnNonzeros(s: Matrix, j: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < s.rows; i++) if (s.get(i, j) !== 0) out.push([i, s.get(i, j)]);
  return out;
}

describe('sketchingOperator structure', () => {
  it('saso: every column has exactly vecNnz nonzeros ±1/√vecNnz in distinct rows, with both signs', () => {
    for (const [l, vecNnz] of [
      [40, 8],
      [5, 5],
      [7, 1],
      [3, 2],
    ] as const) {
      const s = sketchingOperator({ kind: 'saso', vecNnz }, l, 300, l * vecNnz).toDense();
      const signs = new Set<number>();
      for (let j = 0; j < s.cols; j++) {
        const nz = columnNonzeros(s, j);
        assert.equal(nz.length, vecNnz, `column ${j}`);
        for (const [, v] of nz) {
          assert.equal(Math.abs(v), 1 / Math.sqrt(vecNnz));
          signs.add(Math.sign(v));
        }
      }
      assert.equal(signs.size, 2);
    }
  });

  it('laso: every row holds one nonzero √(n/l) (uniform) or 1/√(l·p_k) (given p), never at p_k = 0', () => {
    const uniform = sketchingOperator({ kind: 'laso', sampling: 'uniform' }, 6, 50, 1).toDense();
    for (let i = 0; i < uniform.rows; i++) {
      const nz = columnNonzeros(uniform.transpose(), i);
      assert.equal(nz.length, 1);
      assert.equal(nz[0]![1], Math.sqrt(50 / 6));
    }
    const p = new Float64Array(8);
    p.set([0.5, 0, 0.25, 0, 0, 0.125, 0, 0.125]);
    const s = sketchingOperator({ kind: 'laso', sampling: 'leverage' }, 200, 8, 2, {
      probabilities: p,
    });
    const dense = s.toDense();
    for (let i = 0; i < 200; i++) {
      const nz = columnNonzeros(dense.transpose(), i);
      assert.equal(nz.length, 1);
      const [k, v] = nz[0]!;
      assert.ok(p[k]! > 0, `row ${i} sampled index ${k} with p = 0`);
      assert.ok(Math.abs(v - 1 / Math.sqrt(200 * p[k]!)) <= 4 * Number.EPSILON * v);
    }
  });

  it('srht: entries are ±1/√l for n not a power of two, and SSᵀ = (n/l)·I when n is one (distinct rows)', () => {
    const s = sketchingOperator({ kind: 'srht' }, 12, 100, 5).toDense();
    for (const v of s.data) assert.equal(Math.abs(v), 1 / Math.sqrt(12));
    const t = sketchingOperator({ kind: 'srht' }, 10, 64, 6).toDense();
    const sst = naiveProduct(t, t.transpose());
    const expected = Matrix.identity(10);
    for (let k = 0; k < expected.data.length; k++) expected.data[k]! *= 64 / 10;
    assert.ok(relativeError(sst, expected) <= 1e-13);
  });

  it('dense: rademacher entries are ±1/√l and uniform entries lie in [−√3, √3]/√l', () => {
    const r = sketchingOperator({ kind: 'rademacher' }, 5, 70, 3).toDense();
    for (const v of r.data) assert.equal(Math.abs(v), 1 / Math.sqrt(5));
    const u = sketchingOperator({ kind: 'uniform' }, 5, 70, 3).toDense();
    for (const v of u.data) assert.ok(Math.abs(v) <= Math.sqrt(3 / 5));
  });
});

describe('fwhtColumns', () => {
  /** H_n·X by (H_n)_{ij} = (−1)^popcount(i & j). */
  function reference(x: Matrix): Matrix {
    const h = Matrix.zeros(x.rows, x.rows);
    for (let i = 0; i < x.rows; i++)
      for (let j = 0; j < x.rows; j++) {
        let bits = i & j;
        let parity = 0;
        for (; bits; bits &= bits - 1) parity ^= 1;
        h.data[i * x.rows + j] = parity ? -1 : 1;
      }
    return naiveProduct(h, x);
  }

  it('equals H_n·X for n = 1 … 1024 and widths 1, 3 and 64 (radix 8, 4 and 2 passes; two cache chunks at 1024 × 64)', () => {
    for (let n = 1; n <= 1024; n *= 2)
      for (const width of [1, 3, 64]) {
        const x = lcgMatrix(n, width, n + width);
        const y = x.clone();
        fwhtColumns(y.data, n, width);
        assert.ok(relativeError(y, reference(x)) <= 1e-13, `n = ${n}, width = ${width}`);
      }
  });

  it('gives bit-identical columns whatever the width (the blocking does not change the sums)', () => {
    const n = 2 ** 13;
    const x = lcgMatrix(n, 40, 9);
    const wide = x.clone();
    fwhtColumns(wide.data, n, 40);
    const column = x.col(17);
    fwhtColumns(column, n, 1);
    assert.deepEqual(wide.col(17), column);
  });
});
