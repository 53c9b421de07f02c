// The pure-TypeScript SVD (src/linalg/backends/js/svd/svd.ts), called directly so it is tested
// whatever backend is active. References: numpy fixtures from test/fixtures/js_eigen_fixtures.py.
// Bounds are backward-error bounds C·max(m, n)·ε·σ₁ (singular values are perfectly conditioned in
// the absolute sense); U and V must have orthonormal columns even for rank-deficient input.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { svd } from '../../src/linalg/backends/js/svd/svd.js';
import { Matrix } from '../../src/linalg/matrix.js';
import {
  EPS,
  fromJson,
  lcgMatrix,
  loadFixture,
  type MatrixJson,
  maxAbsDiff,
  naiveProduct,
  orthogonalityError,
  scaleColumnsProduct,
} from './helpers.js';
import { isAscending, spectralNorm } from './js-eigen-helpers.js';

const C = 8;
const svdCases = loadFixture<{ cases: Array<{ name: string; a: MatrixJson; s: number[] }> }>(
  'js-eigen/svd.json',
).cases;

function svdErrors(a: Matrix): {
  s: Float64Array;
  reconstruction: number;
  orthoU: number;
  orthoV: number;
  shapes: number[];
} {
  const { u, s, vt } = svd(a);
  return {
    s,
    reconstruction: maxAbsDiff(scaleColumnsProduct(u, s, vt), a),
    orthoU: orthogonalityError(u),
    orthoV: orthogonalityError(vt.transpose()),
    shapes: [u.rows, u.cols, s.length, vt.rows, vt.cols],
  };
}

describe('JS SVD (one-sided Jacobi)', () => {
  it('matches numpy singular values to C·max(m,n)·ε·σ₁, descending, with orthonormal U and V', () => {
    for (const c of svdCases) {
      const a = fromJson(c.a);
      const { m, n } = { m: a.rows, n: a.cols };
      const k = Math.min(m, n);
      const { s, reconstruction, orthoU, orthoV, shapes } = svdErrors(a);
      const sigma1 = spectralNorm(c.s);
      const size = Math.max(m, n);
      assert.deepEqual(shapes, [m, k, k, k, n], c.name);
      assert.ok(isAscending(Array.from(s).reverse()), `${c.name} not descending`);
      assert.ok(maxAbsDiff(s, c.s) <= C * size * EPS * sigma1, `${c.name}: ${maxAbsDiff(s, c.s)}`);
      assert.ok(
        reconstruction <= C * size * EPS * sigma1,
        `${c.name}: reconstruction ${reconstruction}`,
      );
      assert.ok(orthoU <= C * size * EPS, `${c.name}: UᵀU ${orthoU}`);
      assert.ok(orthoV <= C * size * EPS, `${c.name}: VᵀV ${orthoV}`);
    }
  });

  it('keeps U orthonormal for rank-deficient input (zero singular values completed)', () => {
    for (const name of ['rank 2 of 7x5', 'rank 1 of 4x6', 'zero 3x4']) {
      const a = fromJson(svdCases.find((c) => c.name === name)!.a);
      const { s, orthoU, orthoV } = svdErrors(a);
      assert.ok(s[s.length - 1]! <= C * 7 * EPS * Math.max(s[0]!, 1), name);
      assert.ok(orthoU <= C * 7 * EPS && orthoV <= C * 7 * EPS, `${name}: ${orthoU} ${orthoV}`);
    }
  });

  it('decomposes 150×120 rank-3, 90×160 and graded matrices past the preconditioning size', () => {
    const low = lcgMatrix(150, 3, 21);
    const high = lcgMatrix(3, 120, 22);
    const graded = lcgMatrix(120, 80, 23);
    for (let i = 0; i < 120; i++)
      for (let j = 0; j < 80; j++) graded.data[i * 80 + j]! *= 10 ** (-j / 5);
    for (const [name, a] of [
      ['rank 3', naiveProduct(low, high)],
      ['wide', lcgMatrix(90, 160, 24)],
      ['graded', graded],
    ] as const) {
      const { s, reconstruction, orthoU, orthoV } = svdErrors(a);
      const size = Math.max(a.rows, a.cols);
      assert.ok(
        reconstruction <= C * size * EPS * s[0]!,
        `${name}: reconstruction ${reconstruction}`,
      );
      assert.ok(
        orthoU <= C * size * EPS && orthoV <= C * size * EPS,
        `${name}: ${orthoU} ${orthoV}`,
      );
      if (name === 'rank 3') assert.ok(s[3]! <= C * size * EPS * s[0]!);
    }
  });

  // Entries may be subnormal: the bound carries the underflow term |η| ≤ Number.MIN_VALUE (Higham,
  // §2.1).
  it('decomposes random tall and wide matrices (fast-check property, fixed seed)', () => {
    const matrices = fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
      .chain(([m, n]) =>
        fc
          .array(fc.double({ min: -10, max: 10, noNaN: true }), {
            minLength: m * n,
            maxLength: m * n,
          })
          .map((x) => Matrix.fromRowMajor(m, n, x)),
      );
    fc.assert(
      fc.property(matrices, (a) => {
        const { s, reconstruction, orthoU, orthoV } = svdErrors(a);
        const size = Math.max(a.rows, a.cols);
        return (
          isAscending(Array.from(s).reverse()) &&
          reconstruction <= C * size * (EPS * s[0]! + Number.MIN_VALUE) &&
          orthoU <= C * size * EPS &&
          orthoV <= C * size * EPS
        );
      }),
      { seed: 20240602, numRuns: 200 },
    );
  });
});
