// logdet(a, { structure }): the exact log-determinant with sign by Cholesky, LDLᵀ or LU, against
// numpy.linalg.slogdet fixtures (test/fixtures/linalg_logdet_fixtures.py) on the active backend.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError, NotPositiveDefiniteError } from '../../src/errors.js';
import { logdet } from '../../src/estimate/logdet.js';
import { Matrix } from '../../src/linalg/matrix.js';
import type { LogdetCase } from '../linalg/conformance-logdet.test.js';
import { EPS, fromJson, loadFixture } from '../linalg/helpers.js';

const { cases } = loadFixture<{ cases: LogdetCase[] }>('linalg/logdet.json');

/** 1e-10 relative where κ(A) ≤ 1e3; the c·n·ε·κ(A) perturbation bound beyond (κ up to 1e10). */
function close(got: number, c: LogdetCase): boolean {
  const expected = c.logAbsDet!;
  const scale = Math.max(1, Math.abs(expected));
  const tol = c.cond! <= 1e3 ? 1e-10 * scale : 30 * c.a.rows * EPS * c.cond! * scale;
  return Math.abs(got - expected) <= tol;
}

describe('logdet', () => {
  it('auto: Cholesky for SPD, LDLᵀ for symmetric indefinite, LU for general, numpy’s slogdet to 1e-10', () => {
    const expected = { spd: 'cholesky', symmetric: 'ldl', general: 'lu' } as const;
    for (const c of cases) {
      const r = logdet(fromJson(c.a));
      if (c.logAbsDet === null) {
        assert.deepEqual([r.logAbsDet, r.sign], [-Infinity, 0], c.name);
        continue;
      }
      // A symmetric indefinite matrix with a positive diagonal tries Cholesky first, then LDLᵀ; a
      // 1×1 'general' matrix is symmetric too.
      const oneByOne = c.a.data[0]! > 0 ? 'cholesky' : 'ldl';
      assert.equal(r.method, c.a.rows === 1 ? oneByOne : expected[c.structure], c.name);
      assert.equal(r.sign, c.sign, c.name);
      assert.ok(close(r.logAbsDet, c), `${c.name}: ${r.logAbsDet} vs ${c.logAbsDet}`);
    }
  });

  it('every structure that applies gives the same answer', () => {
    for (const c of cases.filter((c) => c.logAbsDet !== null)) {
      const a = fromJson(c.a);
      const structures =
        c.structure === 'spd'
          ? (['spd', 'symmetric', 'general'] as const)
          : c.structure === 'symmetric'
            ? (['symmetric', 'general'] as const)
            : (['general'] as const);
      for (const structure of structures) {
        const r = logdet(a, { structure });
        assert.equal(r.sign, c.sign, `${c.name} ${structure}`);
        assert.ok(close(r.logAbsDet, c), `${c.name} ${structure}`);
      }
    }
  });

  it('auto falls back from Cholesky to LDLᵀ for an indefinite matrix with a positive diagonal', () => {
    const r = logdet(
      Matrix.fromRows([
        [1, 2],
        [2, 1],
      ]),
    );
    assert.equal(r.method, 'ldl');
    assert.equal(r.sign, -1);
    assert.ok(Math.abs(r.logAbsDet - Math.log(3)) <= 4 * EPS);
  });

  it('rejects a bad structure, a non-square a, an asymmetric a for spd/symmetric, indefinite for spd', () => {
    const a = Matrix.fromRows([
      [1, 2],
      [3, 4],
    ]);
    assert.throws(
      () => logdet(a, { structure: 'lower' as 'auto' }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'structure',
    );
    assert.throws(
      () => logdet(Matrix.zeros(2, 3)),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'a',
    );
    for (const structure of ['spd', 'symmetric'] as const) {
      assert.throws(
        () => logdet(a, { structure }),
        (e: unknown) =>
          e instanceof InvalidArgumentError && e.argument === 'a' && /symmetric/.test(e.message),
      );
    }
    assert.throws(
      () =>
        logdet(
          Matrix.fromRows([
            [1, 2],
            [2, 1],
          ]),
          { structure: 'spd' },
        ),
      NotPositiveDefiniteError,
    );
    assert.equal(logdet(a).method, 'lu');
    assert.ok(Math.abs(logdet(a).logAbsDet - Math.log(2)) <= 4 * EPS);
    assert.equal(logdet(a).sign, -1);
  });
});
