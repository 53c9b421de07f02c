import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InvalidArgumentError } from '../../src/errors.js';
import { cholesky, gram, matmul, spdInverse } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { choleskyInverseOperator } from '../../src/operators/cholesky-inverse-operator.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';

const maxAbs = (v: ArrayLike<number>) =>
  Array.from(v).reduce((m, x) => Math.max(m, Math.abs(x)), 0);

describe('choleskyInverseOperator', () => {
  const a = gram(gaussianMatrix(60, 25, 4));
  for (let i = 0; i < 25; i++) a.data[i * 25 + i] += 0.1;
  const op = choleskyInverseOperator(cholesky(a));

  it('inverts A: A·(op·B) = B to 1e-12 relative, and matches spdInverse(A)·B', () => {
    const b = gaussianMatrix(25, 3, 5);
    const solved = op.matmat(b);
    const back = matmul(a, solved);
    assert.ok(maxAbs(back.data.map((v, i) => v - b.data[i]!)) <= 1e-12 * maxAbs(b.data));
    const ref = matmul(spdInverse(a), b);
    assert.ok(maxAbs(solved.data.map((v, i) => v - ref.data[i]!)) <= 1e-11 * maxAbs(ref.data));
    const col = b.col(0);
    const colRef = ref.col(0);
    assert.ok(maxAbs(op.matvec(col).map((v, i) => v - colRef[i]!)) <= 1e-11 * maxAbs(colRef));
    assert.deepEqual(op.rmatvec(col), op.matvec(col));
    assert.equal(op.symmetric, true);
  });

  it('rejects a non-square factor and a factor with a zero diagonal, naming l', () => {
    assert.throws(
      () => choleskyInverseOperator(Matrix.zeros(3, 2)),
      (e: InvalidArgumentError) => e.argument === 'l',
    );
    const singular = Matrix.identity(3);
    singular.data[4] = 0;
    assert.throws(
      () => choleskyInverseOperator(singular),
      (e: InvalidArgumentError) => e.argument === 'l' && /\(1, 1\)/.test(e.message),
    );
  });

  it('rejects products of the wrong shape, naming the argument', () => {
    assert.throws(
      () => op.matvec(new Float64Array(3)),
      (e: InvalidArgumentError) => e.argument === 'x',
    );
    assert.throws(
      () => op.rmatmat(Matrix.zeros(3, 1)),
      (e: InvalidArgumentError) => e.argument === 'y',
    );
  });
});
