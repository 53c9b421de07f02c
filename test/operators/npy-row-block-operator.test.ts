import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DataFormatError, type InvalidArgumentError } from '../../src/errors.js';
import { slq } from '../../src/estimate/slq.js';
import { writeNpy } from '../../src/io/npy.js';
import { formatNpyHeader } from '../../src/io/npy-header.js';
import { matmul } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { denseOperator } from '../../src/operators/linear-operator.js';
import { npyRowBlockOperator } from '../../src/operators/npy-row-block-operator.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';

const maxAbs = (v: ArrayLike<number>) =>
  Array.from(v).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const diff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  maxAbs(Array.from(a, (x, i) => x - b[i]!));

describe('npyRowBlockOperator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-npy-op-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const a = gaussianMatrix(37, 23, 6);
  const path = join(dir, 'a.npy');
  writeNpy(path, a);

  for (const blockRows of [1, 5, 37, 100])
    it(`matches the in-memory matrix to 1e-13 relative with blocks of ${blockRows} rows`, () => {
      const op = npyRowBlockOperator(path, { blockRows });
      assert.deepEqual([op.rows, op.cols, op.symmetric], [37, 23, false]);
      const x = gaussianMatrix(23, 3, 7);
      const y = gaussianMatrix(37, 2, 8);
      const ax = matmul(a, x);
      const aty = matmul(a, y, { transA: true });
      assert.ok(diff(op.matmat(x).data, ax.data) <= 1e-13 * maxAbs(ax.data));
      assert.ok(diff(op.rmatmat(y).data, aty.data) <= 1e-13 * maxAbs(aty.data));
      assert.ok(diff(op.matvec(x.col(0)), ax.col(0)) <= 1e-13 * maxAbs(ax.data));
      assert.ok(diff(op.rmatvec(y.col(1)), aty.col(1)) <= 1e-13 * maxAbs(aty.data));
    });

  it('carries the symmetric flag for a square file and refuses it for a non-square one', () => {
    const s = Matrix.fromRows([
      [2, 1],
      [1, 3],
    ]);
    const sPath = join(dir, 's.npy');
    writeNpy(sPath, s);
    assert.equal(npyRowBlockOperator(sPath, { symmetric: true }).symmetric, true);
    assert.throws(
      () => npyRowBlockOperator(path, { symmetric: true }),
      (e: InvalidArgumentError) => e.argument === 'symmetric',
    );
  });

  it('gives stochastic Lanczos quadrature the same answer as the in-memory matrix (1e-12 relative)', () => {
    const g = matmul(a, a, { transA: true });
    const gPath = join(dir, 'g.npy');
    writeNpy(gPath, g);
    const options = { seed: 3, minProbes: 8, maxProbes: 8, lanczosSteps: 10 };
    const fromFile = slq(
      npyRowBlockOperator(gPath, { blockRows: 6, symmetric: true }),
      { power: 1 },
      options,
    );
    const inMemory = slq(denseOperator(g, { symmetric: true }), { power: 1 }, options);
    assert.ok(Math.abs(fromFile.value - inMemory.value) <= 1e-12 * Math.abs(inMemory.value));
  });

  it('reports a truncated file with its name and the expected number of bytes', () => {
    const cut = join(dir, 'cut.npy');
    const bytes = readFileSync(path);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 8));
    assert.throws(
      () => npyRowBlockOperator(cut),
      (e: DataFormatError) =>
        e instanceof DataFormatError &&
        e.file === cut &&
        e.message.includes(`${bytes.length} bytes`),
    );
  });

  it('reports another dtype and a non-finite entry with the file name (and row and column)', () => {
    const f4 = join(dir, 'f4.npy');
    writeFileSync(f4, Buffer.concat([formatNpyHeader('<f4', [2, 2]), Buffer.alloc(16)]));
    assert.throws(
      () => npyRowBlockOperator(f4),
      (e: DataFormatError) => e.file === f4 && /<f4/.test(e.message),
    );
    const bad = a.clone();
    bad.data[20 * 23 + 4] = NaN;
    const badPath = join(dir, 'nan.npy');
    writeNpy(badPath, bad);
    const op = npyRowBlockOperator(badPath, { blockRows: 8 });
    assert.throws(
      () => op.matvec(new Float64Array(23)),
      (e: DataFormatError) => e.file === badPath && e.place === 'row 20 column 4',
    );
  });

  it('rejects a bad block size and products of the wrong shape, naming the argument', () => {
    assert.throws(
      () => npyRowBlockOperator(path, { blockRows: 0 }),
      (e: InvalidArgumentError) => e.argument === 'blockRows',
    );
    const op = npyRowBlockOperator(path);
    assert.throws(
      () => op.matvec(new Float64Array(37)),
      (e: InvalidArgumentError) => e.argument === 'x',
    );
    assert.throws(
      () => op.rmatmat(Matrix.zeros(23, 1)),
      (e: InvalidArgumentError) => e.argument === 'y',
    );
  });
});
