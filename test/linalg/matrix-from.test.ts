import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { Matrix } from '../../src/linalg/matrix.js';

describe('Matrix.from and shape', () => {
  it('builds from nested arrays, typed-array rows and { data, shape }, copying the input', () => {
    const nested = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const a = Matrix.from(nested);
    assert.deepEqual(a.shape, [2, 3]);
    assert.deepEqual(Array.from(a.data), [1, 2, 3, 4, 5, 6]);
    nested[0]![0] = 99;
    assert.equal(a.get(0, 0), 1);
    const rows = Matrix.from([Float32Array.of(1, 2), Float32Array.of(3, 4)]);
    assert.equal(rows.get(1, 1), 4);
    const data = new Float32Array([1, 2, 3, 4, 5, 6]);
    const b = Matrix.from({ data, shape: [3, 2] });
    assert.deepEqual(b.shape, [3, 2]);
    assert.equal(b.get(2, 1), 6);
    const c = Matrix.from(b);
    assert.notEqual(c.data, b.data);
    assert.deepEqual(Array.from(c.data), Array.from(b.data));
  });

  it('refuses what it cannot read, naming the input', () => {
    const bad: unknown[] = [
      [[1, 2], [3]],
      { data: [1, 2, 3], shape: [2, 2] },
      { data: [1, 2], shape: [2] },
      'matrix',
      [1, 2, 3],
    ];
    for (const input of bad)
      assert.throws(
        () => Matrix.from(input as never),
        (e: unknown) => e instanceof InvalidArgumentError && /input|rows\[1\]|data/.test(e.message),
        JSON.stringify(input),
      );
  });

  it('refuses new Matrix(nested arrays) from JavaScript with a pointer to Matrix.from', () => {
    const Constructor = Matrix as unknown as new (...args: unknown[]) => Matrix;
    assert.throws(
      () =>
        new Constructor([
          [1, 2],
          [3, 4],
        ]),
      /Matrix\.from/,
    );
  });
});
