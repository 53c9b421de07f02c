import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type InvalidArgumentError, NonFiniteError } from '../../src/errors.js';
import { gram, matmul } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gramOperator } from '../../src/operators/gram-operator.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';

const maxAbs = (v: ArrayLike<number>) =>
  Array.from(v).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const diff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  maxAbs(Array.from(a, (x, i) => x - b[i]!));

describe('gramOperator', () => {
  const x = gaussianMatrix(50, 20, 1);
  const lambda = 0.3;
  const g = gram(x);
  for (let i = 0; i < 20; i++) g.data[i * 20 + i] += lambda;

  it('applies XᵀX/n + λI like the formed matrix to 1e-13 relative (matvec, rmatvec, matmat, rmatmat)', () => {
    const op = gramOperator(x, lambda);
    const v = gaussianMatrix(20, 4, 2);
    const dense = matmul(g, v);
    const tol = 1e-13 * maxAbs(dense.data);
    assert.ok(diff(op.matmat(v).data, dense.data) <= tol);
    assert.ok(diff(op.rmatmat(v).data, dense.data) <= tol);
    const col = v.col(1);
    const ref = matmul(g, Matrix.fromRowMajor(20, 1, col)).data;
    assert.ok(diff(op.matvec(col), ref) <= tol);
    assert.ok(diff(op.rmatvec(col), ref) <= tol);
    assert.deepEqual([op.rows, op.cols, op.symmetric], [20, 20, true]);
  });

  it('does not mutate its arguments', () => {
    const v = gaussianMatrix(20, 3, 3);
    const copy = v.data.slice();
    gramOperator(x, lambda).matmat(v);
    assert.deepEqual(v.data, copy);
  });

  it('rejects a negative lambda, naming it', () => {
    assert.throws(
      () => gramOperator(x, -1),
      (e: InvalidArgumentError) => e.argument === 'lambda',
    );
  });

  it('rejects non-finite data once, at construction, naming x and the entry', () => {
    const bad = x.clone();
    bad.data[2 * 20 + 5] = NaN;
    assert.throws(
      () => gramOperator(bad),
      (e: NonFiniteError) =>
        e instanceof NonFiniteError && e.argument === 'x' && e.row === 2 && e.col === 5,
    );
  });

  it('rejects empty data and products of the wrong shape, naming the argument', () => {
    assert.throws(
      () => gramOperator(Matrix.zeros(0, 3)),
      (e: InvalidArgumentError) => e.argument === 'x',
    );
    const op = gramOperator(x);
    assert.throws(
      () => op.matvec(new Float64Array(19)),
      (e: InvalidArgumentError) => e.argument === 'x',
    );
    assert.throws(
      () => op.rmatvec(new Float64Array(21)),
      (e: InvalidArgumentError) => e.argument === 'y',
    );
    assert.throws(
      () => op.matmat(Matrix.zeros(3, 2)),
      (e: InvalidArgumentError) => e.argument === 'x',
    );
    const nan = new Float64Array(20);
    nan[4] = Infinity;
    assert.throws(
      () => op.matvec(nan),
      (e: NonFiniteError) => e.argument === 'x' && e.row === 4,
    );
  });
});
