import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatCsv, parseCsv, parseNpy, parseNpyArray, toNpyBytes } from '../../src/io/index.js';
import { Matrix } from '../../src/linalg/matrix.js';

// Fixed seeds: the same cases every run.
const run = { seed: 20240601, numRuns: 200 };

/** A random matrix shape and finite doubles (any bit pattern: −0, subnormals, extremes). */
const finiteMatrix = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) =>
    fc
      .float64Array({
        minLength: rows * cols,
        maxLength: rows * cols,
        noNaN: true,
        noDefaultInfinity: true,
      })
      .map((data) => Matrix.fromRowMajor(rows, cols, data)),
  );

describe('round trips (property tests)', () => {
  it('reads back every finite matrix written as .npy bit for bit', () => {
    fc.assert(
      fc.property(finiteMatrix, (m) => {
        const back = parseNpy(toNpyBytes(m), 'p.npy') as Matrix;
        assert.deepEqual(
          [back.rows, back.cols, Array.from(back.data)],
          [m.rows, m.cols, Array.from(m.data)],
        );
      }),
      run,
    );
  });

  it('reads back n-d arrays, including NaN and infinities, through .npy', () => {
    const shapes = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 4 });
    fc.assert(
      fc.property(shapes, fc.integer(), (shape, salt) => {
        const n = shape.reduce((a, b) => a * b, 1);
        const data = Float64Array.from(
          { length: n },
          (_, k) => [NaN, Infinity, -0, salt / 7, k][(((k + salt) % 5) + 5) % 5]!,
        );
        const back = parseNpyArray(toNpyBytes({ shape, data }), 'p.npy');
        assert.deepEqual(back.shape, shape);
        assert.deepEqual(Array.from(back.data), Array.from(data));
      }),
      run,
    );
  });

  it('reads back every finite matrix written as CSV bit for bit, with any of the usual delimiters', () => {
    fc.assert(
      fc.property(finiteMatrix, fc.constantFrom(',', '\t', ';', ' '), (m, delimiter) => {
        const back = parseCsv(formatCsv(m, { delimiter }), 'p.csv', {
          delimiter: delimiter === ' ' ? 'whitespace' : delimiter,
          header: false,
        });
        assert.deepEqual(
          [back.matrix.rows, Array.from(back.matrix.data)],
          [m.rows, Array.from(m.data)],
        );
      }),
      run,
    );
  });
});
