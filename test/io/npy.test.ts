import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataFormatError, InvalidArgumentError } from '../../src/errors.js';
import { parseNpy, parseNpyArray, readNpy, toNpyBytes, writeNpy } from '../../src/io/index.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { expected, fixturePath, values } from './helpers.js';

const npyFixtures = Object.keys(expected).filter((name) => name.endsWith('.npy'));

function rejects(f: () => unknown, pattern: RegExp): void {
  assert.throws(
    f,
    (e: unknown) => e instanceof DataFormatError && pattern.test(e.message),
    String(pattern),
  );
}

describe('readNpy', () => {
  it('reads every numpy-written fixture exactly (f8/f4/i4/i8/u1/bool, both byte orders, C and Fortran order, versions 1–3)', () => {
    assert.ok(npyFixtures.length >= 15);
    for (const name of npyFixtures) {
      const want = expected[name]!;
      const array = parseNpyArray(readFileSync(fixturePath(name)), name);
      assert.deepEqual(array.shape, want.shape, name);
      assert.deepEqual(Array.from(array.data), want.values, name);
    }
  });

  it('returns a Matrix for 2-D data, a Float64Array for 1-D and a length-1 array for a scalar', () => {
    const m = readNpy(fixturePath('f8_fortran.npy'));
    assert.ok(m instanceof Matrix);
    assert.deepEqual([m.rows, m.cols], [3, 4]);
    assert.deepEqual(values(m), expected['f8_c.npy']!.values);
    const v = readNpy(fixturePath('vector.npy'));
    assert.ok(v instanceof Float64Array && v.length === 7);
    assert.deepEqual(values(readNpy(fixturePath('scalar.npy'))), [2.5]);
    const empty = readNpy(fixturePath('empty.npy')) as Matrix;
    assert.deepEqual([empty.rows, empty.cols], [0, 3]);
  });

  it('copies the data unless asked to share the memory of the bytes', () => {
    const bytes = Uint8Array.from(readFileSync(fixturePath('f8_c.npy')));
    const copied = parseNpyArray(bytes, 'x.npy');
    const shared = parseNpyArray(bytes, 'x.npy', { share: true });
    assert.notEqual(copied.data.buffer, bytes.buffer);
    assert.equal(shared.data.buffer, bytes.buffer);
    assert.deepEqual(Array.from(shared.data), Array.from(copied.data));
    // An unaligned start cannot be viewed as float64: it is copied even when sharing is allowed.
    const unaligned = new Uint8Array(bytes.length + 1).subarray(1);
    unaligned.set(bytes);
    assert.deepEqual(
      Array.from(parseNpyArray(unaligned, 'x.npy', { share: true }).data),
      Array.from(copied.data),
    );
  });

  it('names the file and the dtype it cannot read', () => {
    rejects(
      () => readNpy(fixturePath('complex.npy')),
      /complex\.npy header: unsupported dtype '<c16'/,
    );
    rejects(
      () => readNpy(fixturePath('cube_fortran.npy')),
      /cube_fortran\.npy: only 1-D and 2-D .* shape is \(2, 3, 4\)/,
    );
  });

  it('reports bad magic bytes, unknown versions, truncated and overlong data with the byte counts', () => {
    const good = readFileSync(fixturePath('f8_c.npy'));
    rejects(
      () => parseNpy(new TextEncoder().encode('x,y\n1,2\n'), 'x.npy'),
      /^x\.npy: not a \.npy file/,
    );
    const v9 = Uint8Array.from(good);
    v9[6] = 9;
    rejects(() => parseNpy(v9, 'x.npy'), /x\.npy header: unsupported \.npy format version 9\.0/);
    rejects(
      () => parseNpy(good.subarray(0, good.length - 56), 'x.npy'),
      /x\.npy data: truncated data: expected 96 bytes for shape \(3, 4\) of '<f8', found 40/,
    );
    rejects(
      () => parseNpy(Buffer.concat([good, Buffer.alloc(8)]), 'x.npy'),
      /trailing bytes after the data: expected 96 bytes .*, found 104/,
    );
    rejects(
      () => parseNpy(good.subarray(0, 60), 'x.npy'),
      /x\.npy header: truncated: the header needs 118 bytes, found 50/,
    );
    const noShape = Uint8Array.from(good);
    noShape.set(new TextEncoder().encode("'shap'"), good.indexOf("'shape'"));
    rejects(() => parseNpy(noShape, 'x.npy'), /no 'shape' in header/);
  });
});

describe('writeNpy', () => {
  it('writes the same bytes as numpy.save for float64 matrices, vectors and empty arrays', () => {
    for (const name of ['f8_c.npy', 'vector.npy', 'empty.npy']) {
      const bytes = readFileSync(fixturePath(name));
      assert.deepEqual(Buffer.from(toNpyBytes(parseNpy(bytes, name))), bytes, name);
    }
    // A version-2.0 file is rewritten as numpy would save it: version 1.0, data at byte 128.
    const rewritten = toNpyBytes(parseNpy(readFileSync(fixturePath('v2.npy')), 'v2.npy'));
    assert.equal(rewritten[6], 1);
    assert.equal(rewritten.indexOf(0x0a) + 1, 128);
  });

  it('round-trips matrices, vectors and n-d arrays through a file bit for bit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-npy-'));
    const m = Matrix.fromRows([
      [-0, 5e-324, Math.PI],
      [1e308, -1 / 3, 0.1],
    ]);
    writeNpy(join(dir, 'm.npy'), m);
    const back = readNpy(join(dir, 'm.npy')) as Matrix;
    assert.deepEqual([back.rows, back.cols, values(back)], [2, 3, values(m)]);
    const cube = { shape: [2, 1, 3], data: Float64Array.of(1, 2, 3, 4, 5, 6) };
    assert.deepEqual(parseNpyArray(toNpyBytes(cube), 'c.npy'), cube);
    assert.deepEqual(values(parseNpy(toNpyBytes(Float64Array.of(7, 8)), 'v.npy')), [7, 8]);
  });

  it('rejects an n-d array whose shape does not match its data, naming it', () => {
    assert.throws(
      () => toNpyBytes({ shape: [2, 2], data: new Float64Array(3) }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'array',
    );
  });
});
