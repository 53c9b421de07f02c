import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  InvalidArgumentError,
  NonFiniteError,
  NotPositiveDefiniteError,
} from '../../src/errors.js';
import * as linalg from '../../src/linalg/index.js';
import { Matrix } from '../../src/linalg/matrix.js';

describe('linalg rejects bad input with errors that name the argument', () => {
  it('rejects data of the wrong length', () => {
    assert.throws(
      () => Matrix.fromRowMajor(2, 3, [1, 2, 3]),
      /invalid argument: data must have rows·cols = 6 entries\. Value: 3\./,
    );
  });

  it('rejects NaN and Infinity with the entry position', () => {
    const a = Matrix.fromRows([
      [1, 0],
      [0, NaN],
    ]);
    assert.throws(
      () => linalg.eigvalsh(a),
      (e: unknown) =>
        e instanceof NonFiniteError &&
        e.row === 1 &&
        e.col === 1 &&
        /entry \(1, 1\)/.test(e.message),
    );
    assert.throws(
      () => linalg.gram(Matrix.fromRows([[Infinity, 1]])),
      /x must be finite; entry \(0, 0\) is not\. Value: Infinity/,
    );
  });

  it('finds a non-finite Gram input anywhere, with any scale, sync and async (the check reads the result)', async () => {
    const x = Matrix.fromRowMajor(
      300,
      40,
      Array.from({ length: 300 * 40 }, (_, k) => Math.sin(k)),
    );
    for (const [i, j, v] of [
      [0, 0, NaN],
      [299, 39, -Infinity],
      [150, 17, NaN],
    ] as const) {
      const bad = x.clone();
      bad.data[i * 40 + j] = v;
      const named = (e: unknown) =>
        e instanceof NonFiniteError && e.argument === 'x' && e.row === i && e.col === j;
      assert.throws(() => linalg.gram(bad), named);
      assert.throws(() => linalg.gram(bad, 0), named); // BLAS skips a zero-scaled product
      await assert.rejects(linalg.gramAsync(bad), named);
    }
    assert.throws(
      () =>
        linalg.gram(
          Matrix.fromRows([
            [1e200, 1],
            [1, 1],
          ]),
        ),
      /x has entries whose squares overflow float64/,
    );
  });

  it('finds a non-finite entry of a symmetric-kernel input in either triangle', () => {
    for (const [i, j] of [
      [0, 3],
      [3, 0],
      [2, 2],
    ] as const) {
      const a = Matrix.identity(4);
      a.data[i * 4 + j] = NaN;
      assert.throws(
        () => linalg.spdInverse(a),
        (e: unknown) => e instanceof NonFiniteError && e.row === i && e.col === j,
      );
    }
  });

  it('rejects shape mismatches in products and solves', () => {
    const a = Matrix.zeros(2, 3);
    assert.throws(
      () => linalg.matmul(a, Matrix.zeros(2, 2)),
      /invalid argument: b must have 3 rows/,
    );
    assert.throws(
      () => linalg.choleskySolve(Matrix.identity(3), Matrix.zeros(2, 1)),
      /b must have 3 rows to match l/,
    );
  });

  it('rejects non-square and non-symmetric input to symmetric kernels', () => {
    assert.throws(() => linalg.eigh(Matrix.zeros(2, 3)), /a must be square; shape is 2×3/);
    assert.throws(
      () =>
        linalg.eigvalsh(
          Matrix.fromRows([
            [1, 2],
            [0, 1],
          ]),
        ),
      /a must be symmetric; entries \(0, 1\) and \(1, 0\) differ/,
    );
    assert.throws(() => linalg.svd(Matrix.zeros(0, 3)), InvalidArgumentError);
  });

  it('reports the failing leading minor of a matrix that is not positive definite', () => {
    const a = Matrix.fromRows([
      [4, 2, 0],
      [2, 1, 0],
      [0, 0, 1],
    ]); // second leading minor is 0
    assert.throws(
      () => linalg.cholesky(a),
      (e: unknown) => e instanceof NotPositiveDefiniteError && e.minor === 2,
    );
    assert.throws(
      () => linalg.spdInverse(Matrix.fromRows([[-1]])),
      /leading minor of order 1 is not positive/,
    );
  });
});
