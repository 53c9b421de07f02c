import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { crc32 } from '../../src/io/crc32.js';
import { parseNpz, readNpz, toVectorOrMatrix } from '../../src/io/index.js';
import { readZip } from '../../src/io/zip.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { expected, fixturePath } from './helpers.js';

function rejects(f: () => unknown, pattern: RegExp): void {
  assert.throws(
    f,
    (e: unknown) => e instanceof DataFormatError && pattern.test(e.message),
    String(pattern),
  );
}

/** Offset of the first central-directory entry (signature PK\x01\x02). */
function centralEntry(bytes: Uint8Array): number {
  return Buffer.from(bytes).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
}

describe('readNpz', () => {
  it('reads numpy.savez (stored, zip64 entries) and savez_compressed (deflated) archives exactly', () => {
    for (const name of ['stored.npz', 'deflated.npz']) {
      const arrays = readNpz(fixturePath(name));
      assert.deepEqual([...arrays.keys()].sort(), ['W', 'b', 'k']);
      for (const [key, array] of arrays) {
        assert.deepEqual(array.shape, expected[name]![key]!.shape, `${name} ${key}`);
        assert.deepEqual(Array.from(array.data), expected[name]![key]!.values, `${name} ${key}`);
      }
      const w = toVectorOrMatrix(arrays.get('W')!, 'W');
      assert.ok(w instanceof Matrix && w.rows === 4 && w.cols === 3);
    }
  });

  it('reads zip64 central-directory extras and the zip64 end record (archives over 4 GiB)', () => {
    const arrays = readNpz(fixturePath('zip64.npz'));
    assert.deepEqual([...arrays.keys()], ['a', 'v']);
    for (const [key, array] of arrays) {
      assert.deepEqual(array.shape, expected['zip64.npz']![key]!.shape);
      assert.deepEqual(Array.from(array.data), expected['zip64.npz']![key]!.values);
    }
  });

  it('names the archive and the member when a member is corrupt or uses another compression method', () => {
    const stored = Uint8Array.from(readFileSync(fixturePath('stored.npz')));
    const flipped = Uint8Array.from(stored);
    flipped[centralEntry(stored) - 1]! ^= 0xff; // the last data byte of the last member
    rejects(() => parseNpz(flipped, 'w.npz'), /^w\.npz member '.*\.npy': CRC-32 mismatch/);
    const bzip = Uint8Array.from(stored);
    bzip[centralEntry(stored) + 10] = 12;
    rejects(
      () => parseNpz(bzip, 'w.npz'),
      /w\.npz member 'W\.npy': unsupported compression method 12/,
    );
    const deflated = Uint8Array.from(readFileSync(fixturePath('deflated.npz')));
    const garbled = Uint8Array.from(deflated);
    garbled.fill(0xff, 60, 80);
    rejects(
      () => parseNpz(garbled, 'd.npz'),
      /d\.npz member 'W\.npy': (deflate stream is corrupt|CRC-32 mismatch|expected \d+ bytes)/,
    );
  });

  it('reports a file that is not a zip archive, or one cut short', () => {
    rejects(
      () => parseNpz(readFileSync(fixturePath('f8_c.npy')), 'x.npz'),
      /x\.npz: not a zip archive/,
    );
    const stored = readFileSync(fixturePath('stored.npz'));
    rejects(() => parseNpz(stored.subarray(0, 200), 'x.npz'), /x\.npz: not a zip archive/);
  });

  it('names the member in errors from its .npy content', () => {
    const stored = Uint8Array.from(readFileSync(fixturePath('stored.npz')));
    const member = readZip(stored, 'w.npz').get('W.npy')!; // stored members are views into the archive
    member[0] = 0; // breaks the .npy magic; then make the central directory's CRC agree again
    new DataView(stored.buffer).setUint32(centralEntry(stored) + 16, crc32(member), true);
    rejects(() => parseNpz(stored, 'w.npz'), /^w\.npz\/W\.npy: not a \.npy file/);
  });
});

describe('crc32', () => {
  it('gives the standard check value 0xCBF43926 for "123456789"', () => {
    assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
    assert.equal(crc32(new Uint8Array(0)), 0);
  });

  it('agrees with the CRC stored for every member of the numpy archives', () => {
    for (const name of ['stored.npz', 'deflated.npz'])
      assert.equal(readZip(readFileSync(fixturePath(name)), name).size, 3);
  });
});
