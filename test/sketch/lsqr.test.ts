import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { svd } from '../../src/linalg/api.js';
import { denseOperator } from '../../src/operators/linear-operator.js';
import { lsqr } from '../../src/sketch/lsqr.js';
import { gaussianVector, geometric, pseudoInverseSolve, relativeDifference } from './matrices.js';
import { matrixWithSingularValues } from './theory-helpers.js';

describe('lsqr', () => {
  const a = matrixWithSingularValues(400, geometric(30, 20), 'lsqr');
  const b = gaussianVector(400, 1);
  const exact = pseudoInverseSolve(a, b);

  it('converges to the SVD solution within 2d iterations (d in exact arithmetic)', () => {
    const result = lsqr(denseOperator(a), b, { tolerance: 1e-12 });
    assert.ok(result.converged);
    assert.ok(result.iterations <= 60, `${result.iterations}`);
    assert.ok(relativeDifference(result.x, exact) < 1e-9, `${relativeDifference(result.x, exact)}`);
  });

  it('one-pass iterations give the same iterates as two-product ones on a well-conditioned B', () => {
    const two = lsqr(denseOperator(a), b, { tolerance: 1e-12 });
    const one = lsqr(denseOperator(a), b, { tolerance: 1e-12, onePass: true });
    assert.ok(Math.abs(one.iterations - two.iterations) <= 1);
    assert.ok(relativeDifference(one.x, two.x) < 1e-10, `${relativeDifference(one.x, two.x)}`);
  });

  it('reads the extreme singular values of B off the bidiagonal once the Krylov space is full', () => {
    const result = lsqr(denseOperator(a), b, { tolerance: 1e-14, maxIterations: 60 });
    const s = svd(a).s;
    assert.ok(Math.abs(result.largestSingularValue / s[0]! - 1) < 1e-8);
    assert.ok(Math.abs(result.conditionEstimate / (s[0]! / s[29]!) - 1) < 1e-6);
  });

  it('stops on a caller-supplied backward-error measure', () => {
    let calls = 0;
    const result = lsqr(denseOperator(a), b, {
      backwardError: () => (++calls >= 3 ? 0 : 1),
    });
    assert.equal(result.iterations, 3);
    assert.ok(result.converged);
  });

  it('rejects a right-hand side of the wrong length and bad settings, naming them', () => {
    const expect = (f: () => unknown, argument: string) =>
      assert.throws(
        f,
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument,
      );
    expect(() => lsqr(denseOperator(a), new Float64Array(3)), 'b');
    expect(() => lsqr(denseOperator(a), b, { tolerance: 1 }), 'tolerance');
    expect(() => lsqr(denseOperator(a), b, { maxIterations: 0 }), 'maxIterations');
  });
});
