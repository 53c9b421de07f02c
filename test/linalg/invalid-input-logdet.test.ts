// Invalid input to the log-determinant wrappers (luLogdet, ldlLogdet) on the ACTIVE backend: every
// error names the argument, and the entry where one is at fault; a singular matrix is an answer
// (ln |det| = −∞, sign 0), not an error.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError, NonFiniteError } from '../../src/errors.js';
import * as linalg from '../../src/linalg/index.js';
import { Matrix } from '../../src/linalg/matrix.js';

describe('the log-determinant kernels reject bad input with errors that name the argument', () => {
  const square = Matrix.fromRows([
    [4, 1, 2],
    [1, -3, 0],
    [2, 0, 5],
  ]);

  it('luLogdet and ldlLogdet: reject a non-square or empty matrix, naming a', () => {
    for (const f of [linalg.luLogdet, linalg.ldlLogdet]) {
      assert.throws(
        () => f(Matrix.zeros(2, 3)),
        (e: unknown) =>
          e instanceof InvalidArgumentError &&
          e.argument === 'a' &&
          /a must be square; shape is 2×3/.test(e.message),
      );
      assert.throws(() => f(Matrix.zeros(0, 0)), /a must not be empty; shape is 0×0/);
    }
  });

  it('luLogdet and ldlLogdet: reject NaN and ±∞, naming the entry', () => {
    for (const f of [linalg.luLogdet, linalg.ldlLogdet]) {
      for (const v of [NaN, Infinity, -Infinity]) {
        const bad = square.clone();
        bad.data[5] = v;
        if (f === linalg.ldlLogdet) bad.data[7] = v; // stays symmetric: only finiteness fails
        assert.throws(
          () => f(bad),
          (e: unknown) =>
            e instanceof NonFiniteError && e.argument === 'a' && e.row === 1 && e.col === 2,
        );
      }
    }
  });

  it('ldlLogdet: rejects a non-symmetric matrix, naming a; luLogdet accepts it', () => {
    const skew = square.clone();
    skew.data[1] = 7;
    assert.throws(
      () => linalg.ldlLogdet(skew),
      (e: unknown) =>
        e instanceof InvalidArgumentError &&
        e.argument === 'a' &&
        /a must be symmetric/.test(e.message),
    );
    assert.equal(linalg.luLogdet(skew).sign, -1);
  });

  it('answers a singular matrix with ln |det| = −∞ and sign 0 instead of throwing', () => {
    const singular = Matrix.fromRows([
      [1, 2],
      [2, 4],
    ]);
    assert.deepEqual(linalg.luLogdet(singular), { logAbsDet: -Infinity, sign: 0 });
    assert.deepEqual(linalg.ldlLogdet(singular), { logAbsDet: -Infinity, sign: 0 });
    assert.deepEqual(linalg.ldlLogdet(Matrix.zeros(1, 1)), { logAbsDet: -Infinity, sign: 0 });
  });
});
