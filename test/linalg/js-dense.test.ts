// The pure-TypeScript dense kernels (src/linalg/backends/js: gemm, gram, cholesky, qr), called
// directly so they are tested whatever backend is active, against numpy/LAPACK fixtures from
// test/fixtures/js_dense_fixtures.py. Bounds: products to 2·k·ε·(|A||B|) entrywise (both sides
// carry γ_k rounding); factorisations and inverses to C·n·ε·κ(A) relative (forward error of a
// backward-stable method). Blocking, parallel and property checks: js-dense-properties.test.ts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotPositiveDefiniteError } from '../../src/errors.js';
import {
  cholesky,
  choleskySolve,
  spdInverse,
} from '../../src/linalg/backends/js/cholesky/cholesky.js';
import { gemm } from '../../src/linalg/backends/js/products/gemm.js';
import { gram } from '../../src/linalg/backends/js/products/gram.js';
import { qr } from '../../src/linalg/backends/js/qr/qr.js';
import { EPS, fromJson, loadFixture, type MatrixJson } from './helpers.js';
import { absProduct, assertWithin, maxAbs, scaled } from './js-dense-helpers.js';

interface GemmCase {
  transA: boolean;
  transB: boolean;
  alpha: number;
  a: MatrixJson;
  b: MatrixJson;
  c: MatrixJson;
}
interface GramCase {
  scale: number;
  x: MatrixJson;
  g: MatrixJson;
}
interface CholeskyCase {
  a: MatrixJson;
  l: MatrixJson;
  inverse: MatrixJson;
  b: MatrixJson;
  x: MatrixJson;
  kappa: number;
}
interface NotPdCase {
  a: MatrixJson;
  order: number;
}
interface QrCase {
  a: MatrixJson;
  q: MatrixJson;
  r: MatrixJson;
  kappa: number;
}

const cases = <T>(file: string): T[] => loadFixture<{ cases: T[] }>(`js-dense/${file}`).cases;

describe('JS gemm', () => {
  it('matches numpy for every transpose combination to 2·k·ε·|alpha|·(|op(A)||op(B)|)', () => {
    for (const c of cases<GemmCase>('gemm.json')) {
      const a = fromJson(c.a);
      const b = fromJson(c.b);
      const opA = c.transA ? a.transpose() : a;
      const opB = c.transB ? b.transpose() : b;
      const bound = scaled(absProduct(opA, opB), 2 * opA.cols * EPS * Math.abs(c.alpha));
      assertWithin(
        gemm(a, b, c.transA, c.transB, c.alpha),
        fromJson(c.c),
        bound,
        `gemm ${a.rows}×${a.cols} ${c.transA}/${c.transB}`,
      );
    }
  });
});

describe('JS gram', () => {
  it("matches numpy's scale·XᵀX to 2·n·ε·scale·(|X|ᵀ|X|) and is exactly symmetric", () => {
    for (const c of cases<GramCase>('gram.json')) {
      const x = fromJson(c.x);
      const g = gram(x, c.scale);
      const bound = scaled(absProduct(x.transpose(), x), 2 * x.rows * EPS * c.scale);
      assertWithin(g, fromJson(c.g), bound, `gram ${x.rows}×${x.cols}`);
      assert.deepEqual(g.data, g.transpose().data);
    }
  });
});

describe('JS cholesky, choleskySolve, spdInverse', () => {
  const all = cases<CholeskyCase>('cholesky.json');

  it("matches numpy's lower factor to 4·n·ε·κ(A)·max|L|, with exact zeros above the diagonal", () => {
    for (const c of all) {
      const n = c.a.rows;
      const l = cholesky(fromJson(c.a));
      const expected = fromJson(c.l);
      assertWithin(l, expected, 4 * n * EPS * c.kappa * maxAbs(expected), `cholesky n=${n}`);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) assert.equal(l.get(i, j), 0);
    }
  });

  it("matches numpy's solve of AX = B to 4·n·ε·κ(A)·max|X|", () => {
    for (const c of all) {
      const expected = fromJson(c.x);
      const x = choleskySolve(cholesky(fromJson(c.a)), fromJson(c.b));
      assertWithin(
        x,
        expected,
        4 * c.a.rows * EPS * c.kappa * maxAbs(expected),
        `solve n=${c.a.rows}`,
      );
    }
  });

  it("matches numpy's inverse to 4·n·ε·κ(A)·max|A⁻¹| and is exactly symmetric", () => {
    for (const c of all) {
      const expected = fromJson(c.inverse);
      const inverse = spdInverse(fromJson(c.a));
      assertWithin(
        inverse,
        expected,
        4 * c.a.rows * EPS * c.kappa * maxAbs(expected),
        `spdInverse n=${c.a.rows}`,
      );
      assert.deepEqual(inverse.data, inverse.transpose().data);
    }
  });

  it("throws NotPositiveDefiniteError('a', order) with LAPACK dpotrf's info as the order", () => {
    for (const c of cases<NotPdCase>('not_pd.json')) {
      for (const kernel of [cholesky, spdInverse]) {
        assert.throws(
          () => kernel(fromJson(c.a)),
          (error: unknown) => {
            assert.ok(error instanceof NotPositiveDefiniteError);
            assert.equal(error.argument, 'a');
            assert.equal(error.minor, c.order, `n=${c.a.rows}`);
            return true;
          },
        );
      }
    }
  });
});

describe('JS qr', () => {
  it("matches numpy's reduced Q and R, LAPACK signs included, to 4·m·n·ε·κ(A) relative", () => {
    for (const c of cases<QrCase>('qr.json')) {
      const a = fromJson(c.a);
      const { q, r } = qr(a);
      const tol = 4 * a.rows * a.cols * EPS * c.kappa;
      assertWithin(q, fromJson(c.q), tol, `Q of ${a.rows}×${a.cols}`);
      assertWithin(r, fromJson(c.r), tol * maxAbs(fromJson(c.r)), `R of ${a.rows}×${a.cols}`);
    }
  });
});
