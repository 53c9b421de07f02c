// Conformance suite, log-determinants: luLogdet (LU with partial pivoting) and ldlLogdet
// (Bunch–Kaufman LDLᵀ) on the ACTIVE backend (native by default, js under RMTKIT_BACKEND=js)
// against numpy.linalg.slogdet fixtures (test/fixtures/linalg_logdet_fixtures.py). A backward
// stable factorisation changes ln |det A| by at most tr(A⁻¹ δA) ≤ c·n·ε·κ(A), the tolerance here.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as linalg from '../../src/linalg/index.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { EPS, fromJson, loadFixture, type MatrixJson } from './helpers.js';

export interface LogdetCase {
  name: string;
  structure: 'spd' | 'symmetric' | 'general';
  a: MatrixJson;
  sign: number;
  logAbsDet: number | null;
  eigLogAbsDet?: number;
  cond: number | null;
}
const { cases } = loadFixture<{ cases: LogdetCase[] }>('linalg/logdet.json');
const C = 30;

function check(c: LogdetCase, got: { logAbsDet: number; sign: number }, what: string): void {
  if (c.logAbsDet === null) {
    assert.deepEqual(got, { logAbsDet: -Infinity, sign: 0 }, `${c.name} (${what}): singular`);
    return;
  }
  assert.equal(got.sign, c.sign, `${c.name} (${what}): sign`);
  const tol = C * c.a.rows * EPS * c.cond! * Math.max(1, Math.abs(c.logAbsDet));
  const err = Math.abs(got.logAbsDet - c.logAbsDet);
  assert.ok(err <= tol, `${c.name} (${what}): |error| ${err} > ${tol}`);
  if (c.eigLogAbsDet !== undefined) {
    const eigErr = Math.abs(got.logAbsDet - c.eigLogAbsDet);
    assert.ok(eigErr <= tol, `${c.name} (${what}): against the eigenvalues, ${eigErr} > ${tol}`);
  }
}

describe(`log-determinant kernels on the '${linalg.backend()}' backend`, () => {
  it('luLogdet gives numpy’s slogdet of every matrix, within c·n·ε·κ(A)', () => {
    for (const c of cases) check(c, linalg.luLogdet(fromJson(c.a)), 'lu');
  });

  it('ldlLogdet gives numpy’s slogdet and Σ ln|λ| of every symmetric matrix, within c·n·ε·κ(A)', () => {
    for (const c of cases.filter((c) => c.structure !== 'general'))
      check(c, linalg.ldlLogdet(fromJson(c.a)), 'ldl');
  });

  it('reads exact determinants of small integer matrices to the last bits', () => {
    const lu = linalg.luLogdet(
      Matrix.fromRows([
        [0, 1],
        [2, 3],
      ]),
    );
    assert.equal(lu.sign, -1);
    assert.ok(Math.abs(lu.logAbsDet - Math.log(2)) <= 2 * EPS);
    const ldl = linalg.ldlLogdet(
      Matrix.fromRows([
        [0, 1],
        [1, 0],
      ]),
    );
    assert.deepEqual(ldl, { logAbsDet: 0, sign: -1 });
    const diag = linalg.ldlLogdet(
      Matrix.fromRows([
        [-2, 0, 0],
        [0, 3, 0],
        [0, 0, -5],
      ]),
    );
    assert.equal(diag.sign, 1);
    assert.ok(Math.abs(diag.logAbsDet - Math.log(30)) <= 4 * EPS * Math.log(30));
  });

  it('does not overflow where the determinant itself would: det(1e3·I₂₀₀) = 1e600', () => {
    const n = 200;
    const a = Matrix.zeros(n, n);
    for (let i = 0; i < n; i++) a.data[i * n + i] = i % 2 === 0 ? 1e3 : -1e3;
    for (const f of [linalg.luLogdet, linalg.ldlLogdet]) {
      const { logAbsDet, sign } = f(a);
      assert.equal(sign, 1);
      assert.ok(Math.abs(logAbsDet - n * Math.log(1e3)) <= n * EPS * n * Math.log(1e3));
    }
  });

  it('agrees with the other factorisation and with Cholesky on SPD input', () => {
    for (const c of cases.filter((c) => c.structure === 'spd')) {
      const a = fromJson(c.a);
      const l = linalg.cholesky(a);
      let chol = 0;
      for (let i = 0; i < a.rows; i++) chol += 2 * Math.log(l.data[i * a.rows + i]!);
      const tol = C * a.rows * EPS * c.cond! * Math.max(1, Math.abs(chol));
      for (const f of [linalg.luLogdet, linalg.ldlLogdet]) {
        const got = f(a);
        assert.equal(got.sign, 1, c.name);
        assert.ok(Math.abs(got.logAbsDet - chol) <= tol, c.name);
      }
    }
  });

  it('never mutates its input', () => {
    const c = cases.find((c) => c.name === 'symmetric indefinite 17')!;
    const a = fromJson(c.a);
    const copy = a.clone();
    linalg.luLogdet(a);
    linalg.ldlLogdet(a);
    assert.deepEqual(a, copy);
  });
});
