// Sizes past every blocking and threading threshold (the fixtures are small), checked by the
// identities that define each kernel, plus fast-check properties with fixed seeds.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as linalg from '../../src/linalg/index.js';
import { Matrix } from '../../src/linalg/matrix.js';
import {
  EPS,
  frobenius,
  lcgMatrix,
  maxAbsDiff,
  naiveProduct,
  orthogonalityError,
  scaleColumnsProduct,
} from './helpers.js';

function symmetrise(m: Matrix): Matrix {
  const t = m.transpose();
  return Matrix.fromRowMajor(
    m.rows,
    m.cols,
    m.data.map((v, k) => (v + t.data[k]!) / 2),
  );
}

const C = 30;

describe(`linalg at blocked and threaded sizes on the '${linalg.backend()}' backend`, () => {
  it('matches a naive product for 257×131 times 131×190', () => {
    const a = lcgMatrix(257, 131, 1);
    const b = lcgMatrix(131, 190, 2);
    assert.ok(
      maxAbsDiff(linalg.matmul(a, b), naiveProduct(a, b)) <=
        C * 131 * EPS * frobenius(a) * frobenius(b),
    );
  });

  it('matches a naive Gram matrix for 600×301', () => {
    const x = lcgMatrix(600, 301, 3);
    const expected = naiveProduct(x.transpose(), x);
    const g = linalg.gram(x, 1);
    assert.ok(maxAbsDiff(g, expected) <= C * 600 * EPS * frobenius(x) ** 2);
  });

  it('inverts a 300×300 SPD matrix with A·A⁻¹ = I', () => {
    const x = lcgMatrix(700, 300, 4);
    const a = linalg.gram(x);
    const inv = linalg.spdInverse(a);
    assert.ok(maxAbsDiff(naiveProduct(a, inv), Matrix.identity(300)) <= 1e-10);
  });

  it('diagonalises a 260×260 symmetric matrix with A = VΛVᵀ and orthonormal V', () => {
    const a = symmetrise(lcgMatrix(260, 260, 5));
    const { values, vectors } = linalg.eigh(a);
    const tol = C * 260 * EPS * frobenius(a);
    assert.ok(orthogonalityError(vectors) <= C * 260 * EPS);
    assert.ok(maxAbsDiff(scaleColumnsProduct(vectors, values, vectors.transpose()), a) <= tol);
    assert.ok(maxAbsDiff(linalg.eigvalsh(a), values) <= tol);
  });

  it('decomposes a 230×140 matrix by SVD and QR', () => {
    const a = lcgMatrix(230, 140, 6);
    const { u, s, vt } = linalg.svd(a);
    assert.ok(maxAbsDiff(scaleColumnsProduct(u, s, vt), a) <= C * 230 * EPS * frobenius(a));
    const { q, r } = linalg.qr(a);
    assert.ok(orthogonalityError(q) <= C * 230 * EPS);
    assert.ok(maxAbsDiff(naiveProduct(q, r), a) <= C * 230 * EPS * frobenius(a));
  });

  it('reconstructs random symmetric matrices from eigh (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (d, seed) => {
          const a = symmetrise(lcgMatrix(d, d, seed));
          const { values, vectors } = linalg.eigh(a);
          const tol = C * d * EPS * Math.max(frobenius(a), 1e-300);
          return (
            orthogonalityError(vectors) <= C * d * EPS &&
            maxAbsDiff(scaleColumnsProduct(vectors, values, vectors.transpose()), a) <= tol
          );
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it('keeps eigenvalues invariant under a symmetric permutation (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (d, seed) => {
          const a = symmetrise(lcgMatrix(d, d, seed));
          const perm = Array.from({ length: d }, (_, i) => (i * 7 + 3) % d);
          if (new Set(perm).size !== d) return true;
          const p = Matrix.zeros(d, d);
          for (let i = 0; i < d; i++)
            for (let j = 0; j < d; j++) p.data[i * d + j] = a.get(perm[i]!, perm[j]!);
          return maxAbsDiff(linalg.eigvalsh(a), linalg.eigvalsh(p)) <= C * d * EPS * frobenius(a);
        },
      ),
      { seed: 7, numRuns: 40 },
    );
  });

  it('gives the same results from the async variants', async () => {
    const a = linalg.gram(lcgMatrix(120, 60, 8));
    assert.deepEqual(await linalg.eigvalshAsync(a), linalg.eigvalsh(a));
    assert.deepEqual((await linalg.spdInverseAsync(a)).data, linalg.spdInverse(a).data);
  });
});
