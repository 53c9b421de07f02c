// Solver kernels (gemv, trsm, qrPivoted, lstsqQr, qrR) on the ACTIVE backend at sizes past every
// blocking and threading threshold (the fixtures are small), checked by the identities that define
// each kernel.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as linalg from '../../src/linalg/index.js';
import { Matrix } from '../../src/linalg/matrix.js';
import {
  EPS,
  frobenius,
  lcgMatrix,
  maxAbsDiff,
  naiveProduct,
  orthogonalityError,
} from './helpers.js';
import { absProduct, triangle } from './solver-helpers.js';

const C = 30; // constant in the c·d·ε bounds

describe(`linalg solver kernels at blocked and threaded sizes on the '${linalg.backend()}' backend`, () => {
  it('solves a 300×300 triangular system with 80 right-hand sides on every side and transpose', () => {
    const d = 300;
    const t = lcgMatrix(d, d, 11);
    for (let i = 0; i < d; i++) t.data[i * d + i] = (i % 2 ? -1 : 1) * (2 + (i % 7) / 7);
    for (const lower of [false, true]) {
      const op0 = triangle(t, !lower);
      for (const trans of [false, true]) {
        const op = trans ? op0.transpose() : op0;
        const left = lcgMatrix(d, 80, 12);
        const x = linalg.triangularSolve(t, left, { lower, trans });
        const right = lcgMatrix(80, d, 13);
        const y = linalg.triangularSolve(t, right, { lower, trans, side: 'right' });
        const tol = C * d * EPS * frobenius(op);
        assert.ok(maxAbsDiff(naiveProduct(op, x), left) <= tol * frobenius(x), 'left');
        assert.ok(maxAbsDiff(naiveProduct(y, op), right) <= tol * frobenius(y), 'right');
      }
    }
  });

  it('solves a 700×160 least-squares problem: the residual is orthogonal to the columns of A', () => {
    const a = lcgMatrix(700, 160, 14);
    const b = lcgMatrix(700, 3, 15);
    const x = linalg.lstsqQr(a, b);
    const residual = naiveProduct(a, x).data.map((v, k) => v - b.data[k]!);
    const normal = naiveProduct(a.transpose(), Matrix.fromRowMajor(700, 3, residual));
    const fa = frobenius(a);
    assert.ok(frobenius(normal) <= C * 700 * EPS * fa * (fa * frobenius(x) + 2 * frobenius(b)));
  });

  it('factors a 260×180 matrix with pivoting: A[:, perm] = QR, QᵀQ = I, |diag R| nonincreasing', () => {
    const a = lcgMatrix(260, 180, 16);
    const { q, r, perm } = linalg.qrPivoted(a);
    const permuted = Matrix.fromRows(a.toArray().map((row) => [...perm].map((p) => row[p]!)));
    assert.ok(maxAbsDiff(naiveProduct(q, r), permuted) <= C * 260 * EPS * frobenius(a));
    assert.ok(orthogonalityError(q) <= C * 260 * EPS);
    const diag = r.diag().map(Math.abs);
    for (let i = 1; i < diag.length; i++) assert.ok(diag[i]! <= diag[i - 1]! * (1 + 1e-7));
  });

  it('factors 700×300 and 200×330 matrices to R alone: the R of qr, with RᵀR = AᵀA', () => {
    for (const [m, n, seed] of [
      [700, 300, 20],
      [200, 330, 21],
    ] as const) {
      const a = lcgMatrix(m, n, seed);
      const k = Math.min(m, n);
      const r = linalg.qrR(a);
      assert.deepEqual([r.rows, r.cols], [k, n]);
      for (let i = 0; i < k; i++)
        for (let j = 0; j < i; j++) assert.equal(r.data[i * n + j], 0, `${m}×${n}: R(${i}, ${j})`);
      const fa = frobenius(a);
      assert.ok(maxAbsDiff(r, linalg.qr(a).r) <= k * EPS * fa, `${m}×${n}: qrR = qr.r`);
      const gram = naiveProduct(a.transpose(), a);
      assert.ok(
        maxAbsDiff(naiveProduct(r.transpose(), r), gram) <= C * m * EPS * fa * fa,
        `${m}×${n}: RᵀR = AᵀA`,
      );
    }
  });

  it('multiplies a 1500×900 matrix by vectors like a naive loop', () => {
    const a = lcgMatrix(1500, 900, 17);
    const x = lcgMatrix(900, 1, 18);
    const u = lcgMatrix(1500, 1, 19);
    const y = linalg.matvec(a, x.data, { alpha: -1.5 });
    const expected = naiveProduct(a, x).data.map((v) => -1.5 * v);
    assert.ok(maxAbsDiff(y, expected) <= C * 900 * EPS * 1.5 * Math.max(...absProduct(a, x.data)));
    const z = linalg.matvec(a, u.data, { trans: true });
    const bound = C * 1500 * EPS * Math.max(...absProduct(a.transpose(), u.data));
    assert.ok(maxAbsDiff(z, naiveProduct(a.transpose(), u).data) <= bound);
  });
});
