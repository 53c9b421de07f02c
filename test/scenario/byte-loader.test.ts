import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadMatrix } from '../../src/cli/inputs.js';
import { toNpyBytes } from '../../src/io/npy-write.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { byteLoader } from '../../src/scenario/byte-loader.js';

describe('byteLoader (files held as bytes, as in the explorer)', () => {
  const m = Matrix.fromRowMajor(2, 3, Float64Array.of(1, 2.5, -3, 4, 5e-3, 6));
  const npy = toNpyBytes(m);
  const csv = new TextEncoder().encode('a,b,c\n1,2.5,-3\n4,0.005,6\n');

  it('reads .npy and CSV bytes exactly as the CLI reads the same files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-bytes-'));
    writeFileSync(join(dir, 'm.npy'), npy);
    writeFileSync(join(dir, 'm.csv'), csv);
    const files = new Map([
      ['m.npy', npy],
      ['m.csv', csv],
    ]);
    const load = byteLoader((name) => files.get(name));
    assert.deepEqual(load.matrix('m.npy').data, loadMatrix(join(dir, 'm.npy')).data);
    assert.deepEqual(load.matrix('m.csv').data, loadMatrix(join(dir, 'm.csv')).data);
    assert.deepEqual(load.matrix('m.npy').data, m.data);
  });

  it('copies: a model built from the bytes cannot change them for the next build', () => {
    const load = byteLoader((name) => (name === 'm.npy' ? npy : undefined));
    load.matrix('m.npy').data.fill(0);
    assert.deepEqual(load.matrix('m.npy').data, m.data);
  });

  it('names the file argument when the bytes are missing, and the place of a bad value', () => {
    const load = byteLoader((name) =>
      name === 'bad.csv' ? new TextEncoder().encode('1,2\n3,nan\n') : undefined,
    );
    assert.throws(
      () => load.matrix('x.npy'),
      /invalid argument: file must be loaded into this page .*Value: "x\.npy"/,
    );
    assert.throws(() => load.vector('bad.csv'), /bad\.csv line 2 column 2/);
  });
});
