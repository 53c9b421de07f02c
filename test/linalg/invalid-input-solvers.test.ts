// Invalid input to the solver wrappers (matvec, triangularSolve, qrPivoted, lstsqQr, qrR) on the
// ACTIVE backend: every error names the argument, and the entry where one is at fault.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError, NonFiniteError } from '../../src/errors.js';
import * as linalg from '../../src/linalg/index.js';
import { Matrix } from '../../src/linalg/matrix.js';

describe('the solver kernels reject bad input with errors that name the argument', () => {
  const a = Matrix.fromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  it('matvec: rejects a vector of the wrong length or type and a non-finite alpha or x', () => {
    assert.throws(
      () => linalg.matvec(a, new Float64Array(2)),
      /x must have 3 entries to match the columns of a \(2×3\)\. Value: 2\./,
    );
    assert.throws(
      () => linalg.matvec(a, new Float64Array(3), { trans: true }),
      /x must have 2 entries to match the rows of a \(2×3, transposed\)\. Value: 3\./,
    );
    assert.throws(
      () => linalg.matvec(a, [1, 2, 3] as unknown as Float64Array),
      /x must be a Float64Array/,
    );
    assert.throws(
      () => linalg.matvec(a, new Float64Array(3), { alpha: NaN }),
      /alpha must be finite\. Value: NaN\./,
    );
    assert.throws(
      () => linalg.matvec(a, new Float64Array([1, Infinity, 0])),
      (e: unknown) => e instanceof NonFiniteError && e.argument === 'x' && e.row === 1,
    );
  });

  it('matvec: finds a NaN or ±∞ of A from the result, also against zeros of x and with alpha = 0', () => {
    for (const [i, j, v] of [
      [0, 0, NaN],
      [1, 2, Infinity],
      [0, 1, -Infinity],
    ] as const) {
      const bad = a.clone();
      bad.data[i * 3 + j] = v;
      const named = (e: unknown) =>
        e instanceof NonFiniteError && e.argument === 'a' && e.row === i && e.col === j;
      for (const trans of [false, true]) {
        for (const fill of [1, 0]) {
          const x = new Float64Array(trans ? 2 : 3).fill(fill);
          assert.throws(() => linalg.matvec(bad, x, { trans }), named, `trans ${trans}, x ${fill}`);
        }
        assert.throws(
          () => linalg.matvec(bad, new Float64Array(trans ? 2 : 3), { trans, alpha: 0 }),
          named,
        );
      }
    }
    // Sizes where OpenBLAS runs its optimised, threaded kernels: they must not skip zeros of x.
    const big = Matrix.fromRowMajor(
      1000,
      600,
      Array.from({ length: 600_000 }, (_, k) => Math.sin(k)),
    );
    big.data[777 * 600 + 123] = NaN;
    for (const trans of [false, true]) {
      assert.throws(
        () => linalg.matvec(big, new Float64Array(trans ? 1000 : 600), { trans }),
        (e: unknown) => e instanceof NonFiniteError && e.row === 777 && e.col === 123,
      );
    }
    assert.throws(
      () => linalg.matvec(Matrix.fromRows([[1e308, 1e308]]), new Float64Array([10, 10])),
      /a has entries whose products with x overflow float64/,
    );
  });

  it('triangularSolve: rejects shape mismatches, a bad side, non-finite entries and a zero diagonal', () => {
    const t = Matrix.fromRows([
      [2, 1, 1],
      [NaN, 3, 1],
      [NaN, NaN, 4],
    ]); // upper: the NaNs below the diagonal are never read
    assert.throws(
      () => linalg.triangularSolve(a, Matrix.zeros(2, 1)),
      /t must be square; shape is 2×3/,
    );
    assert.throws(
      () => linalg.triangularSolve(t, Matrix.zeros(2, 1)),
      /b must have 3 rows to match t \(side 'left'\)\. Value: 2\./,
    );
    assert.throws(
      () => linalg.triangularSolve(t, Matrix.zeros(3, 2), { side: 'right' }),
      /b must have 3 columns to match t \(side 'right'\)\. Value: 2\./,
    );
    assert.throws(
      () => linalg.triangularSolve(t, Matrix.zeros(3, 1), { side: 'up' as 'left' }),
      /side must be 'left' or 'right'\. Value: "up"\./,
    );
    assert.throws(
      () => linalg.triangularSolve(t, Matrix.zeros(3, 1), { lower: true }),
      (e: unknown) =>
        e instanceof NonFiniteError && e.argument === 't' && e.row === 1 && e.col === 0,
    );
    const rhs = Matrix.zeros(3, 1);
    rhs.data[2] = NaN;
    assert.throws(
      () => linalg.triangularSolve(t, rhs),
      (e: unknown) => e instanceof NonFiniteError && e.argument === 'b' && e.row === 2,
    );
    const singular = t.clone();
    singular.data[4] = 0;
    assert.throws(
      () => linalg.triangularSolve(singular, Matrix.zeros(3, 1)),
      (e: unknown) =>
        e instanceof InvalidArgumentError &&
        e.argument === 't' &&
        e.message === 'invalid argument: t is singular: diagonal entry (1, 1) is zero.',
    );
  });

  it('triangularSolve: finds a NaN or ±∞ anywhere in the triangle from the solution, on every side, also against zeros of B', () => {
    for (const d of [3, 150]) {
      for (const lower of [false, true]) {
        const t = Matrix.identity(d);
        const corner: [number, number] = lower ? [d - 1, 0] : [0, d - 1];
        const middle: [number, number] = lower ? [d - 1, d >> 1] : [d >> 1, d - 1];
        for (const [[i, j], v] of [
          [corner, NaN],
          [middle, Infinity],
          [[d - 1, d - 1], -Infinity],
          [[0, 0], NaN],
        ] as const) {
          const bad = t.clone();
          bad.data[i * d + j] = v;
          for (const trans of [false, true]) {
            for (const side of ['left', 'right'] as const) {
              for (const fill of [0, 1]) {
                const b = side === 'left' ? Matrix.zeros(d, 2) : Matrix.zeros(2, d);
                b.data.fill(fill);
                assert.throws(
                  () => linalg.triangularSolve(bad, b, { lower, trans, side }),
                  (e: unknown) =>
                    e instanceof NonFiniteError && e.argument === 't' && e.row === i && e.col === j,
                  `d ${d}, lower ${lower}, (${i}, ${j}), trans ${trans}, ${side}, B = ${fill}`,
                );
              }
            }
          }
        }
      }
    }
    // Sizes where OpenBLAS runs its blocked, threaded trsm: it must not skip zeros of B either.
    const d = 400;
    for (const lower of [false, true]) {
      const bad = Matrix.identity(d);
      const [i, j] = lower ? [d - 1, 1] : [1, d - 1];
      bad.data[i * d + j] = NaN;
      for (const trans of [false, true]) {
        for (const side of ['left', 'right'] as const) {
          const b = side === 'left' ? Matrix.zeros(d, 200) : Matrix.zeros(200, d);
          assert.throws(
            () => linalg.triangularSolve(bad, b, { lower, trans, side }),
            (e: unknown) => e instanceof NonFiniteError && e.row === i && e.col === j,
          );
        }
      }
    }
    // Without right-hand sides the solution says nothing; T is scanned instead.
    const t = Matrix.identity(3);
    t.data[2] = NaN;
    assert.throws(() => linalg.triangularSolve(t, Matrix.zeros(3, 0)), NonFiniteError);
    assert.throws(
      () => linalg.triangularSolve(Matrix.diagonal([1e-300, 1]), Matrix.fromRows([[1e10], [1]])),
      /t is too close to singular for b: the solution overflows float64/,
    );
  });

  it('qrPivoted: rejects an empty or non-finite matrix', () => {
    assert.throws(() => linalg.qrPivoted(Matrix.zeros(0, 3)), /a must not be empty; shape is 0×3/);
    assert.throws(
      () => linalg.qrPivoted(Matrix.fromRows([[1, NaN]])),
      (e: unknown) => e instanceof NonFiniteError && e.argument === 'a' && e.col === 1,
    );
  });

  it('qrR: rejects an empty or non-finite matrix, naming the entry', () => {
    assert.throws(() => linalg.qrR(Matrix.zeros(0, 3)), /a must not be empty; shape is 0×3/);
    assert.throws(() => linalg.qrR(Matrix.zeros(2, 0)), /a must not be empty; shape is 2×0/);
    for (const v of [NaN, Infinity, -Infinity]) {
      const bad = a.clone();
      bad.data[5] = v;
      assert.throws(
        () => linalg.qrR(bad),
        (e: unknown) =>
          e instanceof NonFiniteError && e.argument === 'a' && e.row === 1 && e.col === 2,
      );
    }
  });

  it('lstsqQr: rejects a wide A, a row mismatch, non-finite entries and a rank-deficient A', () => {
    assert.throws(
      () => linalg.lstsqQr(a, Matrix.zeros(2, 1)),
      /a must have at least as many rows as columns for a least-squares solve; shape is 2×3/,
    );
    const tall = a.transpose();
    assert.throws(
      () => linalg.lstsqQr(tall, Matrix.zeros(2, 1)),
      /b must have 3 rows to match a\. Value: 2\./,
    );
    const rhs = Matrix.zeros(3, 2);
    rhs.data[5] = -Infinity;
    assert.throws(
      () => linalg.lstsqQr(tall, rhs),
      (e: unknown) =>
        e instanceof NonFiniteError && e.argument === 'b' && e.row === 2 && e.col === 1,
    );
    // A zero column leaves R(2, 2) exactly zero (LAPACK dgels: info = 3).
    const deficient = Matrix.fromRowMajor(
      6,
      4,
      Array.from({ length: 24 }, (_, k) => (k % 4 === 2 ? 0 : Math.cos(k))),
    );
    const rankError = (column: number) => (e: unknown) =>
      e instanceof InvalidArgumentError &&
      e.argument === 'a' &&
      e.message.startsWith(
        `invalid argument: a must have full column rank; diagonal entry (${column}, ${column})`,
      );
    assert.throws(() => linalg.lstsqQr(deficient, Matrix.zeros(6, 1)), rankError(2));
    assert.throws(() => linalg.lstsqQr(Matrix.zeros(4, 2), Matrix.zeros(4, 1)), rankError(0));
  });
});
