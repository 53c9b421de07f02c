import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type InvalidArgumentError, NotPositiveDefiniteError } from '../../src/errors.js';
import { logdetCholesky } from '../../src/estimate/logdet-cholesky.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { spread, symmetricWithEigenvalues, traceOf } from './helpers.js';

describe('logdetCholesky', () => {
  it('equals Σ ln λ of the eigenvalues to 1e-12 relative, with sign 1', () => {
    const values = spread(50, 0.01, 30);
    const { logAbsDet, sign } = logdetCholesky(symmetricWithEigenvalues(values, 61));
    const exact = traceOf(values, Math.log);
    assert.equal(sign, 1);
    assert.ok(Math.abs(logAbsDet - exact) <= 1e-12 * Math.abs(exact), `${logAbsDet} vs ${exact}`);
  });

  it('does not overflow where the determinant itself would (1e-300 · I of order 10 = 1e-3000)', () => {
    const { logAbsDet } = logdetCholesky(Matrix.diagonal(new Float64Array(10).fill(1e-300)));
    assert.ok(Math.abs(logAbsDet - 10 * Math.log(1e-300)) <= 1e-12 * 6908);
  });

  it('rejects an indefinite matrix naming a and the leading minor, and a non-square one naming a', () => {
    const indefinite = Matrix.fromRows([
      [1, 2],
      [2, 1],
    ]);
    assert.throws(
      () => logdetCholesky(indefinite),
      (e: NotPositiveDefiniteError) =>
        e instanceof NotPositiveDefiniteError && e.argument === 'a' && e.minor === 2,
    );
    assert.throws(
      () => logdetCholesky(Matrix.zeros(2, 3)),
      (e: InvalidArgumentError) => e.argument === 'a',
    );
  });
});
