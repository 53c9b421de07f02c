// Conformance suite, second part: the kernels of the randomized least-squares solvers (gemv,
// trsm, qrPivoted, lstsqQr, qrR) on the ACTIVE backend (native by default, js under
// RMTKIT_BACKEND=js) against numpy/scipy fixtures (test/fixtures/linalg_fixtures.py) and the
// identities that define them. Tolerances are c·d·ε·(scale) rounding-error bounds.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as linalg from '../../src/linalg/index.js';
import { Matrix } from '../../src/linalg/matrix.js';
import {
  EPS,
  frobenius,
  fromJson,
  loadFixture,
  type MatrixJson,
  maxAbsDiff,
  naiveProduct,
  orthogonalityError,
} from './helpers.js';
import { absProduct, columns, triangle } from './solver-helpers.js';

interface Cases {
  gemv: Array<{
    a: MatrixJson;
    alpha: number;
    x: number[];
    u: number[];
    ax: number[];
    atu: number[];
  }>;
  trsm: Array<{
    name: string;
    t: MatrixJson;
    upper: boolean;
    cond: number;
    bLeft: MatrixJson;
    bRight: MatrixJson;
    x: Record<'n-left' | 'n-right' | 't-left' | 't-right', MatrixJson>;
  }>;
  qrPivoted: Array<{
    name: string;
    a: MatrixJson;
    perm: number[];
    absDiagR: number[];
    rank: number;
    pivotMargin: number;
  }>;
  lstsq: Array<{
    name: string;
    a: MatrixJson;
    b: MatrixJson;
    x: MatrixJson;
    cond: number;
    norm2: number;
    xNorms: number[];
    residualNorms: number[];
  }>;
  qrR: Array<{
    name: string;
    a: MatrixJson;
    r: MatrixJson;
    gram: MatrixJson;
    rows: number;
    cond: number;
  }>;
}
const { cases } = loadFixture<{ cases: Cases }>('linalg/cases.json');
const C = 30; // constant in the c·d·ε bounds

describe(`linalg solver kernels on the '${linalg.backend()}' backend`, () => {
  it('multiplies a matrix by a vector like numpy, within n·ε·(|alpha|·|A|·|x|) per entry', () => {
    for (const c of cases.gemv) {
      const a = fromJson(c.a);
      for (const [trans, x, expected] of [
        [false, c.x, c.ax],
        [true, c.u, c.atu],
      ] as const) {
        const v = Float64Array.from(x);
        const y = linalg.matvec(a, v, { trans, alpha: c.alpha });
        assert.equal(y.length, expected.length);
        const bound = absProduct(trans ? a.transpose() : a, v);
        const inner = trans ? a.rows : a.cols;
        for (let i = 0; i < y.length; i++) {
          const tol = C * inner * EPS * Math.abs(c.alpha) * bound[i]!;
          assert.ok(Math.abs(y[i]! - expected[i]!) <= tol, `${a.rows}×${a.cols} trans ${trans}`);
        }
      }
      // The defaults: no transpose, alpha = 1.
      const y = linalg.matvec(a, Float64Array.from(c.x));
      const tol = C * a.cols * EPS * Math.max(...absProduct(a, Float64Array.from(c.x)));
      assert.ok(
        maxAbsDiff(
          y,
          c.ax.map((v) => v / c.alpha),
        ) <= tol,
      );
    }
  });

  it('solves triangular systems on either side, with and without transpose, like scipy', () => {
    for (const c of cases.trsm) {
      const t = fromJson(c.t);
      const d = t.rows;
      const clean = triangle(t, c.upper);
      for (const key of ['n-left', 'n-right', 't-left', 't-right'] as const) {
        const trans = key.startsWith('t');
        const side = key.endsWith('left') ? 'left' : 'right';
        const b = fromJson(side === 'left' ? c.bLeft : c.bRight);
        const x = linalg.triangularSolve(t, b, { lower: !c.upper, trans, side });
        const expected = fromJson(c.x[key]);
        assert.deepEqual([x.rows, x.cols], [b.rows, b.cols], `${c.name} ${key}: shape`);
        const op = trans ? clean.transpose() : clean;
        // Backward error: |op(T)·X − B| ≤ c·d·ε·|op(T)|·|X| (entrywise, Higham §8.1).
        const residual = side === 'left' ? naiveProduct(op, x) : naiveProduct(x, op);
        const scale =
          side === 'left' ? naiveProduct(abs(op), abs(x)) : naiveProduct(abs(x), abs(op));
        for (let k = 0; k < b.data.length; k++) {
          const err = Math.abs(residual.data[k]! - b.data[k]!);
          assert.ok(err <= C * d * EPS * scale.data[k]!, `${c.name} ${key}: backward error`);
        }
        assert.ok(
          maxAbsDiff(x, expected) <= C * d * EPS * c.cond * frobenius(expected),
          `${c.name} ${key}: forward error`,
        );
      }
    }
  });

  it('never reads the other triangle of T, even when it holds NaN', () => {
    for (const c of cases.trsm.filter((c) => c.t.rows > 1)) {
      const t = fromJson(c.t);
      const poisoned = t.clone();
      const d = t.rows;
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) if (c.upper ? j < i : j > i) poisoned.data[i * d + j] = NaN;
      for (const side of ['left', 'right'] as const) {
        const b = fromJson(side === 'left' ? c.bLeft : c.bRight);
        const options = { lower: !c.upper, trans: true, side };
        assert.deepEqual(
          linalg.triangularSolve(poisoned, b, options),
          linalg.triangularSolve(t, b, options),
          `${c.name} ${side}`,
        );
      }
    }
  });

  it('factors A[:, perm] = QR with column pivoting: scipy’s pivots and |diag R|, nonincreasing', () => {
    for (const c of cases.qrPivoted) {
      const a = fromJson(c.a);
      const [m, n] = [a.rows, a.cols];
      const k = Math.min(m, n);
      const { q, r, perm } = linalg.qrPivoted(a);
      assert.ok(perm instanceof Int32Array, `${c.name}: perm is an Int32Array`);
      assert.deepEqual([q.rows, q.cols, r.rows, r.cols, perm.length], [m, k, k, n, n]);
      assert.deepEqual(
        [...perm].sort((x, y) => x - y),
        [...Array(n).keys()],
        `${c.name}: perm`,
      );
      for (let i = 0; i < k; i++)
        for (let j = 0; j < i; j++) assert.equal(r.get(i, j), 0, `${c.name}: R(${i}, ${j})`);
      const tol = C * m * EPS * frobenius(a);
      assert.ok(orthogonalityError(q) <= C * m * EPS, `${c.name}: QᵀQ = I`);
      const permuted = Matrix.fromRows(a.toArray().map((row) => [...perm].map((p) => row[p]!)));
      assert.ok(maxAbsDiff(naiveProduct(q, r), permuted) <= tol, `${c.name}: A[:, perm] = QR`);
      // Where the rank is full and each pivot wins by a margin far above the rounding errors of
      // the norm downdates (√ε), the pivot order is unique.
      assert.ok(c.pivotMargin > 1e-6, `${c.name}: fixture margin`);
      assert.deepEqual([...perm.slice(0, c.rank)], c.perm.slice(0, c.rank), `${c.name}: pivots`);
      const diag = r.diag().map(Math.abs);
      for (let i = 0; i < k; i++) {
        const expected = i < c.rank ? c.absDiagR[i]! : 0;
        assert.ok(Math.abs(diag[i]! - expected) <= tol, `${c.name}: |R(${i}, ${i})|`);
        // Pivoting: |R_ii| is at least the norm of every later column of the trailing block,
        // up to the √ε error of the downdated norms the choice was made on.
        for (let j = i + 1; j < n; j++) {
          let s = 0;
          for (let p = i; p < k; p++) s += r.get(p, j) ** 2;
          assert.ok(Math.sqrt(s) <= diag[i]! * (1 + 1e-7) + tol, `${c.name}: pivot ${i}, ${j}`);
        }
      }
    }
  });

  it('recomputes a remaining column norm that downdating has cancelled to nothing', () => {
    // Column 0 is 2v + 1e-9·w, column 2 is −2.5v: once column 2 is the first pivot, the downdate
    // of column 0's norm cancels completely (its true remaining norm is ~1e-9), and only its
    // recomputation (LAPACK Working Note 176) prefers it to column 1, of norm ~1e-10.
    const m = 8;
    const a = Matrix.fromRows(
      Array.from({ length: m }, (_, i) => [
        2 * Math.cos(i + 1) + 1e-9 * Math.sin(3 * i + 2),
        1e-10 * Math.cos(5 * i + 0.3),
        -2.5 * Math.cos(i + 1),
      ]),
    );
    const { r, perm } = linalg.qrPivoted(a);
    assert.deepEqual([...perm], [2, 0, 1]);
    const diag = r.diag().map(Math.abs);
    assert.ok(diag[1]! > 1e-9 && diag[2]! < 2e-10, `|diag R| = ${diag.join(', ')}`);
  });

  it('solves least-squares problems like numpy, to the κ + κ²·‖r‖ bound of a stable solver', () => {
    for (const c of cases.lstsq) {
      const a = fromJson(c.a);
      const b = fromJson(c.b);
      const [m, n] = [a.rows, a.cols];
      const x = linalg.lstsqQr(a, b);
      assert.deepEqual([x.rows, x.cols], [n, b.cols], `${c.name}: shape`);
      const expected = columns(fromJson(c.x));
      columns(x).forEach((col, j) => {
        // ‖x̂ − x‖ ≲ c·ε·(κ·‖x‖ + κ²·‖r‖/‖A‖₂) (Golub and Van Loan §5.3.8), numpy's own error
        // being of the same order.
        const bound =
          C * m * EPS * (c.cond * c.xNorms[j]! + (c.cond ** 2 * c.residualNorms[j]!) / c.norm2);
        assert.ok(maxAbsDiff(col, expected[j]!) <= bound, `${c.name}: column ${j}`);
      });
      // Backward stability without κ: ‖Aᵀ(AX − B)‖ ≤ c·m·ε·‖A‖·(‖A‖·‖X‖ + 2‖B‖).
      const residual = naiveProduct(a, x).data.map((v, k) => v - b.data[k]!);
      const normal = naiveProduct(a.transpose(), Matrix.fromRowMajor(m, b.cols, residual));
      const fa = frobenius(a);
      assert.ok(
        frobenius(normal) <= C * m * EPS * fa * (fa * frobenius(x) + 2 * frobenius(b)),
        `${c.name}: normal equations`,
      );
    }
  });

  it('computes the R of the thin QR alone: k×n upper triangular, RᵀR = numpy’s AᵀA to c·m·ε·‖A‖²', () => {
    for (const c of cases.qrR) {
      const a = fromJson(c.a);
      const [m, n] = [a.rows, a.cols];
      const k = Math.min(m, n);
      const r = linalg.qrR(a);
      assert.deepEqual([r.rows, r.cols], [k, n], `${c.name}: shape`);
      for (let i = 0; i < k; i++)
        for (let j = 0; j < i; j++) assert.equal(r.get(i, j), 0, `${c.name}: R(${i}, ${j})`);
      const fa = frobenius(a);
      const gram = naiveProduct(r.transpose(), r);
      assert.ok(
        maxAbsDiff(gram, fromJson(c.gram)) <= C * m * EPS * fa * fa,
        `${c.name}: RᵀR = AᵀA`,
      );
    }
  });

  it('returns numpy’s R (LAPACK’s signs) on the rows that A determines, to c·m·ε·κ·‖A‖', () => {
    for (const c of cases.qrR) {
      const a = fromJson(c.a);
      const r = linalg.qrR(a);
      const expected = fromJson(c.r);
      const tol = C * a.rows * EPS * c.cond * frobenius(a);
      for (let i = 0; i < c.rows; i++) {
        const row = r.data.subarray(i * a.cols, (i + 1) * a.cols);
        const want = expected.data.subarray(i * a.cols, (i + 1) * a.cols);
        assert.ok(maxAbsDiff(row, want) <= tol, `${c.name}: row ${i}`);
      }
    }
  });

  it('returns the R of qr on the same backend, to k·ε·‖A‖, whatever the rank', () => {
    for (const c of cases.qrR) {
      const a = fromJson(c.a);
      const k = Math.min(a.rows, a.cols);
      assert.ok(
        maxAbsDiff(linalg.qrR(a), linalg.qr(a).r) <= k * EPS * frobenius(a),
        `${c.name}: qrR = qr.r`,
      );
    }
    // dlarfg's β = −sign(α)·‖x‖: the documented example, exactly as LAPACK gives it.
    const r = linalg.qrR(
      Matrix.fromRows([
        [3, 1],
        [4, 2],
      ]),
    );
    assert.ok(maxAbsDiff(r, [-5, -2.2, 0, 0.4]) <= 8 * EPS, `R = ${r.toArray()}`);
  });
});

function abs(m: Matrix): Matrix {
  return Matrix.fromRowMajor(m.rows, m.cols, m.data.map(Math.abs));
}
