import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { parseNpz } from '../../src/io/npz.js';
import { parseOnnx, readOnnx } from '../../src/io/weights/onnx.js';
import { parseSafetensors } from '../../src/io/weights/safetensors.js';
import { readTfjs } from '../../src/io/weights/tfjs.js';
import { nestedOnnx, npy, onnxModel, safetensors, tensorProto, zip } from './build.js';

/** Asserts that `run` throws a DataFormatError whose message matches `pattern`. */
function refuses(run: () => unknown, pattern: RegExp): void {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof DataFormatError, `expected a DataFormatError, got ${String(e)}`);
    assert.match(e.message, pattern);
    assert.doesNotMatch(e.message, /\n/);
    return true;
  });
}

const FLOATS = new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer);

describe('hostile weight files: confined to the model folder, regular files, declared sizes', () => {
  let dir: string;
  let model: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rmtkit-hostile-'));
    model = join(dir, 'model');
    mkdirSync(model);
    writeFileSync(join(dir, 'secret.bin'), FLOATS);
    writeFileSync(join(model, 'ok.bin'), FLOATS);
    symlinkSync(join(dir, 'secret.bin'), join(model, 'link.bin'));
    symlinkSync('/dev/zero', join(model, 'zero.bin'));
    spawnSync('mkfifo', [join(model, 'fifo.bin')]);
    mkdirSync(join(model, 'folder.bin'));
    // A sparse 1 GiB shard: reading it whole would take a gigabyte.
    const fd = openSync(join(model, 'huge.bin'), 'w');
    writeFileSync(fd, FLOATS);
    closeSync(fd);
    spawnSync('truncate', ['-s', '1G', join(model, 'huge.bin')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const tfjs = (paths: string[], shape = [2, 2]): string => {
    const file = join(model, 'model.json');
    const weights = [{ name: 'w', shape, dtype: 'float32' }];
    writeFileSync(file, JSON.stringify({ weightsManifest: [{ paths, weights }] }));
    return file;
  };

  it('TF.js: reads a shard inside the folder', () => {
    assert.deepEqual([...readTfjs(tfjs(['ok.bin'])).tensors[0]!.data], [1, 2, 3, 4]);
  });

  it('TF.js: refuses ../ paths, absolute paths and links that leave the folder', () => {
    refuses(
      () => readTfjs(tfjs(['../secret.bin'])),
      /weight file '\.\.\/secret\.bin': lies outside/,
    );
    refuses(() => readTfjs(tfjs([`${'../'.repeat(8)}etc/passwd`])), /outside the model's folder/);
    refuses(() => readTfjs(tfjs(['/etc/passwd'])), /must be a path relative/);
    refuses(() => readTfjs(tfjs(['link.bin'])), /'link\.bin': lies outside/);
    refuses(() => readTfjs(tfjs(['zero.bin'])), /'zero\.bin': lies outside/);
    refuses(() => readTfjs(tfjs(['missing.bin'])), /'missing\.bin': cannot be read \(ENOENT\)/);
  });

  it('TF.js: refuses FIFOs and folders (not regular files) without blocking', () => {
    refuses(() => readTfjs(tfjs(['fifo.bin'])), /'fifo\.bin': is not a regular file/);
    refuses(
      () => readTfjs(tfjs(['folder.bin'])),
      /'folder\.bin': (is not a regular file|cannot be read)/,
    );
  });

  it('TF.js: reads only the bytes the manifest declares from a 1 GiB shard', () => {
    const before = process.memoryUsage().rss;
    const file = readTfjs(tfjs(['huge.bin']));
    assert.deepEqual([...file.tensors[0]!.data], [1, 2, 3, 4]);
    assert.ok(process.memoryUsage().rss - before < 100e6);
  });

  it('ONNX external data: confined, regular, integer offsets, declared length only', () => {
    const onnx = (external: Record<string, string>): string => {
      const path = join(model, 'm.onnx');
      writeFileSync(path, onnxModel([tensorProto({ name: 'w', dims: [2, 2], type: 1, external })]));
      return path;
    };
    assert.deepEqual([...readOnnx(onnx({ location: 'ok.bin' })).tensors[0]!.data], [1, 2, 3, 4]);
    assert.deepEqual(
      [...readOnnx(onnx({ location: 'huge.bin', offset: '0', length: '16' })).tensors[0]!.data],
      [1, 2, 3, 4],
    );
    refuses(
      () => readOnnx(onnx({ location: '../secret.bin' })),
      /m\.onnx weight file '\.\.\/secret\.bin': lies outside/,
    );
    refuses(() => readOnnx(onnx({ location: 'link.bin' })), /lies outside/);
    refuses(() => readOnnx(onnx({ location: 'fifo.bin' })), /is not a regular file/);
    refuses(
      () => readOnnx(onnx({ location: 'ok.bin', offset: 'abc' })),
      /tensor 'w': external data offset must be a non-negative integer, found "abc"/,
    );
    refuses(
      () => readOnnx(onnx({ location: 'ok.bin', offset: '0.5' })),
      /offset must be a non-negative integer, found "0\.5"/,
    );
    refuses(
      () => readOnnx(onnx({ location: 'ok.bin', length: '1e3' })),
      /length must be a non-negative integer/,
    );
    refuses(
      () => readOnnx(onnx({ location: 'ok.bin', offset: '8' })),
      /needs 16 bytes at offset 8, the file holds 16/,
    );
  });
});

describe('hostile ONNX structures', () => {
  it('reads a 300 000-element int64 initializer without overflowing the stack', () => {
    const values = Array.from({ length: 300_000 }, (_, k) => k % 1000);
    const file = parseOnnx(
      onnxModel([tensorProto({ name: 'big', dims: [300_000], type: 7, int64: values })]),
      'big.onnx',
    );
    assert.equal(file.tensors[0]!.data.length, 300_000);
    assert.equal(file.tensors[0]!.data[299_999], 999);
  });

  it('gives a data error, not a stack overflow, for 300 000 packed dims', () => {
    const dims = Array.from({ length: 300_000 }, () => 1);
    refuses(
      () => parseOnnx(onnxModel([tensorProto({ name: 'd', dims, type: 1 })]), 'dims.onnx'),
      /dims\.onnx tensor 'd': has 300000 dimensions \(at most 64\)/,
    );
  });

  it('refuses subgraphs nested 10 000 deep with a one-line error', () => {
    refuses(
      () => parseOnnx(nestedOnnx(10_000), 'deep.onnx'),
      /deep\.onnx byte \d+: subgraphs are nested more than 64 deep/,
    );
    assert.equal(parseOnnx(nestedOnnx(10), 'ok.onnx').tensors.length, 0);
  });
});

describe('hostile TF.js model.json: schema checked before use', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rmtkit-tfjs-'));
    writeFileSync(join(dir, 'ok.bin'), FLOATS);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'a null group',
      { weightsManifest: [null] },
      /weightsManifest\[0\]: must be an object, found null/,
    ],
    [
      'a group without paths',
      { weightsManifest: [{ weights: [] }] },
      /weightsManifest\[0\]\.paths: must be an array, found nothing/,
    ],
    [
      'a null path',
      { weightsManifest: [{ paths: [null], weights: [] }] },
      /paths\[0\]: must be a non-empty string, found null/,
    ],
    [
      'a group without weights',
      { weightsManifest: [{ paths: ['ok.bin'] }] },
      /weightsManifest\[0\]\.weights: must be an array/,
    ],
    [
      'a null weight',
      { weightsManifest: [{ paths: ['ok.bin'], weights: [null] }] },
      /weights\[0\]: must be an object, found null/,
    ],
    [
      'a shape that is not an array',
      {
        weightsManifest: [
          { paths: ['ok.bin'], weights: [{ name: 'w', shape: 4, dtype: 'float32' }] },
        ],
      },
      /weights\[0\]\.shape: must be an array, found 4/,
    ],
    [
      'a fractional dimension',
      {
        weightsManifest: [
          { paths: ['ok.bin'], weights: [{ name: 'w', shape: [1.5], dtype: 'float32' }] },
        ],
      },
      /shape\[0\]: must be a non-negative integer, found 1\.5/,
    ],
    [
      'a string scale',
      {
        weightsManifest: [
          {
            paths: ['ok.bin'],
            weights: [
              {
                name: 'w',
                shape: [4],
                dtype: 'float32',
                quantization: { dtype: 'uint8', scale: 'x' },
              },
            ],
          },
        ],
      },
      /quantization\.scale: must be a finite number/,
    ],
    ['a top level that is not an object', [1, 2], /top level: must be an object, found an array/],
    [
      'nesting 100 000 deep',
      { raw: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
      /top level: must be an object/,
    ],
  ];
  for (const [what, json, pattern] of cases)
    it(`gives a one-line data error for ${what}`, () => {
      writeFileSync(
        join(dir, 'model.json'),
        (json as { raw?: string })?.raw ?? JSON.stringify(json),
      );
      refuses(() => readTfjs(join(dir, 'model.json')), pattern);
    });
});

describe('hostile safetensors headers', () => {
  const data = new Uint8Array(16);
  const entry = (data_offsets: unknown, shape: unknown = [2]) => ({
    dtype: 'F64',
    shape,
    data_offsets,
  });
  const cases: Array<[string, unknown, RegExp]> = [
    ['a null header', null, /x\.safetensors header: must be an object, found null/],
    ['a null entry', { w: null }, /tensor 'w': must be an object, found null/],
    [
      'string offsets',
      { w: entry(['0', '16']) },
      /data_offsets\[0\]: must be a non-negative integer, found a string "0"/,
    ],
    [
      'fractional offsets',
      { w: entry([0.5, 16.5]) },
      /data_offsets\[0\]: must be a non-negative integer, found 0\.5/,
    ],
    [
      'a shape that is not an array',
      { w: entry([0, 16], 'x') },
      /tensor 'w' shape: must be an array/,
    ],
    [
      'overlapping ranges',
      { a: entry([0, 16]), b: entry([0, 16]) },
      /overlap another tensor's bytes/,
    ],
    [
      'a gap',
      { a: { dtype: 'F64', shape: [1], data_offsets: [8, 16] } },
      /leave a gap: bytes 0–8 belong to no tensor/,
    ],
    [
      'trailing bytes',
      { a: { dtype: 'F64', shape: [1], data_offsets: [0, 8] } },
      /8 bytes after the last tensor/,
    ],
    ['an end before the begin', { a: entry([16, 0]) }, /end before they begin/],
  ];
  for (const [what, header, pattern] of cases)
    it(`gives a one-line data error for ${what}`, () => {
      refuses(() => parseSafetensors(safetensors(header, data), 'x.safetensors'), pattern);
    });
  it('still reads a well-formed file', () => {
    const file = parseSafetensors(
      safetensors({ a: entry([0, 8], [1]), b: entry([8, 16], [1]) }, data),
      'ok.safetensors',
    );
    assert.equal(file.tensors.length, 2);
  });
});

describe('hostile .npz archives', () => {
  it('stops inflating a zip bomb at the declared size and names the member', () => {
    const bomb = new Uint8Array(64 * 2 ** 20); // 64 MiB of zeros deflate to ~64 KiB
    const archive = zip('W.npy', bomb, { deflate: true, declaredSize: 1000 });
    const start = performance.now();
    refuses(
      () => parseNpz(archive, 'bomb.npz'),
      /bomb\.npz member 'W\.npy': inflates to more than the 1000 bytes it declares/,
    );
    assert.ok(performance.now() - start < 2000);
  });

  it('refuses a member declaring more than the configured cap before inflating', () => {
    const content = npy([4], [1, 2, 3, 4]);
    refuses(
      () => parseNpz(zip('W.npy', content, { deflate: true }), 'cap.npz', { maxMemberBytes: 64 }),
      /cap\.npz member 'W\.npy': declares \d+ bytes uncompressed, more than the limit of 64 bytes/,
    );
    assert.deepEqual(
      [...parseNpz(zip('W.npy', content, { deflate: true }), 'ok.npz').get('W')!.data],
      [1, 2, 3, 4],
    );
  });

  it('gives a data error for extra fields that run past the end of the file', () => {
    const archive = zip('W.npy', npy([1], [1]));
    const view = new DataView(archive.buffer);
    const central = archive.length - 22 - 46 - 5;
    view.setUint16(central + 30, 0xffff, true); // extra length far past the end
    refuses(
      () => parseNpz(archive, 'extra.npz'),
      /extra\.npz: central directory entry 0 runs past the end/,
    );
  });
});
