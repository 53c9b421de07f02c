// Conformance suite: every kernel of the ACTIVE backend (native by default, js under
// RMTKIT_BACKEND=js) against numpy fixtures (test/fixtures/linalg_fixtures.py) and against the
// identities that define it. Tolerances are c·d·ε·‖A‖ backward-error bounds.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as linalg from '../../src/linalg/index.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import {
  EPS,
  frobenius,
  fromJson,
  loadFixture,
  type MatrixJson,
  maxAbsDiff,
  naiveProduct,
  orthogonalityError,
  scaleColumnsProduct,
} from './helpers.js';

interface Cases {
  gemm: Array<{
    a: MatrixJson;
    b: MatrixJson;
    product: MatrixJson;
    atb: MatrixJson;
    abt: MatrixJson;
  }>;
  gram: Array<{ x: MatrixJson; gram: MatrixJson }>;
  spd: Array<{
    a: MatrixJson;
    cond: number;
    cholesky: MatrixJson;
    inverse: MatrixJson;
    b: MatrixJson;
    solve: MatrixJson;
  }>;
  symmetric: Array<{ name: string; a: MatrixJson; eigenvalues: number[] }>;
  svd: Array<{ name: string; a: MatrixJson; s: number[] }>;
  qr: Array<{ name: string; a: MatrixJson; absDiagR: number[] }>;
}
const { cases } = loadFixture<{ cases: Cases }>('linalg/cases.json');
const C = 30; // constant in the c·d·ε backward-error bounds

describe(`linalg conformance on the '${linalg.backend()}' backend`, () => {
  it('reports the backend it runs on', () => {
    assert.ok(['native', 'js'].includes(linalg.backend()));
    if (process.env.RMTKIT_BACKEND) assert.equal(linalg.backend(), process.env.RMTKIT_BACKEND);
  });

  it('multiplies matrices like numpy, with and without transposes', () => {
    for (const c of cases.gemm) {
      const a = fromJson(c.a);
      const b = fromJson(c.b);
      const tol = (k: number, x: Matrix, y: Matrix) =>
        C * k * EPS * frobenius(x) * frobenius(y) + 1e-300;
      assert.ok(maxAbsDiff(linalg.matmul(a, b), fromJson(c.product)) <= tol(a.cols, a, b));
      assert.ok(
        maxAbsDiff(linalg.matmul(a, a, { transA: true }), fromJson(c.atb)) <= tol(a.rows, a, a),
      );
      assert.ok(
        maxAbsDiff(linalg.matmul(b, b, { transB: true }), fromJson(c.abt)) <= tol(b.cols, b, b),
      );
      const scaled = linalg.matmul(a.transpose(), b.transpose(), {
        transA: true,
        transB: true,
        alpha: -2,
      });
      assert.ok(
        maxAbsDiff(
          scaled,
          fromJson(c.product).data.map((v) => -2 * v),
        ) <=
          2 * tol(a.cols, a, b),
      );
    }
  });

  it('computes the Gram matrix XᵀX/n like numpy and returns it exactly symmetric', () => {
    for (const c of cases.gram) {
      const x = fromJson(c.x);
      const g = linalg.gram(x);
      assert.ok(maxAbsDiff(g, fromJson(c.gram)) <= (C * x.rows * EPS * frobenius(x) ** 2) / x.rows);
      assert.equal(maxAbsDiff(g, g.transpose()), 0);
    }
  });

  it('factors SPD matrices by Cholesky with LLᵀ = A and matches numpy when well conditioned', () => {
    for (const c of cases.spd) {
      const a = fromJson(c.a);
      const l = linalg.cholesky(a);
      const d = a.rows;
      for (let i = 0; i < d; i++)
        for (let j = i + 1; j < d; j++)
          assert.equal(l.get(i, j), 0, `L(${i}, ${j}) above the diagonal`);
      assert.ok(maxAbsDiff(naiveProduct(l, l.transpose()), a) <= C * d * EPS * frobenius(a));
      assert.ok(maxAbsDiff(l, fromJson(c.cholesky)) <= C * d * EPS * c.cond * frobenius(l));
    }
  });

  it('solves SPD systems and inverts SPD matrices to cond·d·ε accuracy', () => {
    for (const c of cases.spd) {
      const a = fromJson(c.a);
      const d = a.rows;
      const inv = linalg.spdInverse(a);
      const expected = fromJson(c.inverse);
      assert.ok(
        maxAbsDiff(inv, expected) <= C * d * EPS * c.cond * frobenius(expected),
        `inverse, cond ${c.cond}`,
      );
      assert.equal(maxAbsDiff(inv, inv.transpose()), 0, 'inverse is exactly symmetric');
      const x = linalg.solveSpd(a, fromJson(c.b));
      const solve = fromJson(c.solve);
      assert.ok(
        maxAbsDiff(x, solve) <= C * d * EPS * c.cond * frobenius(solve),
        `solve, cond ${c.cond}`,
      );
    }
  });

  it('computes eigenvalues like numpy, including repeated, zero and ill-conditioned spectra', () => {
    for (const c of cases.symmetric) {
      const a = fromJson(c.a);
      const tol = C * a.rows * EPS * Math.max(frobenius(a), 1e-300);
      const values = linalg.eigvalsh(a);
      assert.ok(maxAbsDiff(values, c.eigenvalues) <= tol, `${c.name}: eigvalsh`);
      const { values: v2, vectors } = linalg.eigh(a);
      assert.ok(maxAbsDiff(v2, c.eigenvalues) <= tol, `${c.name}: eigh values`);
      for (let i = 1; i < v2.length; i++) assert.ok(v2[i - 1]! <= v2[i]!, `${c.name}: ascending`);
      assert.ok(orthogonalityError(vectors) <= C * a.rows * EPS, `${c.name}: VᵀV = I`);
      assert.ok(
        maxAbsDiff(scaleColumnsProduct(vectors, v2, vectors.transpose()), a) <= tol,
        `${c.name}: A = VΛVᵀ`,
      );
    }
  });

  it('computes the thin SVD with A = UΣVᵀ, orthonormal factors and numpy singular values', () => {
    for (const c of cases.svd) {
      const a = fromJson(c.a);
      const k = Math.min(a.rows, a.cols);
      const { u, s, vt } = linalg.svd(a);
      assert.deepEqual(
        [u.rows, u.cols, s.length, vt.rows, vt.cols],
        [a.rows, k, k, k, a.cols],
        `${c.name}: shapes`,
      );
      const tol = C * Math.max(a.rows, a.cols) * EPS * frobenius(a);
      assert.ok(maxAbsDiff(s, c.s) <= tol, `${c.name}: singular values`);
      for (let i = 1; i < k; i++) assert.ok(s[i - 1]! >= s[i]!, `${c.name}: descending`);
      assert.ok(orthogonalityError(u) <= C * a.rows * EPS, `${c.name}: UᵀU = I`);
      assert.ok(orthogonalityError(vt.transpose()) <= C * a.cols * EPS, `${c.name}: VᵀV = I`);
      assert.ok(maxAbsDiff(scaleColumnsProduct(u, s, vt), a) <= tol, `${c.name}: A = UΣVᵀ`);
    }
  });

  it('computes the thin QR with A = QR, orthonormal Q, upper-triangular R and numpy |diag R|', () => {
    for (const c of cases.qr) {
      const a = fromJson(c.a);
      const k = Math.min(a.rows, a.cols);
      const { q, r } = linalg.qr(a);
      assert.deepEqual(
        [q.rows, q.cols, r.rows, r.cols],
        [a.rows, k, k, a.cols],
        `${c.name}: shapes`,
      );
      for (let i = 0; i < k; i++)
        for (let j = 0; j < Math.min(i, a.cols); j++)
          assert.equal(r.get(i, j), 0, `${c.name}: R(${i}, ${j})`);
      const tol = C * a.rows * EPS * frobenius(a);
      assert.ok(orthogonalityError(q) <= C * a.rows * EPS, `${c.name}: QᵀQ = I`);
      assert.ok(maxAbsDiff(naiveProduct(q, r), a) <= tol, `${c.name}: A = QR`);
      assert.ok(maxAbsDiff(r.diag().map(Math.abs), c.absDiagR) <= tol, `${c.name}: |diag R|`);
    }
  });
});
