import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { findWeightFiles, readWeightFile } from '../../src/io/weights/read.js';
import { parseTfjs } from '../../src/io/weights/tfjs-parse.js';
import { runCli } from '../cli/run-cli.js';

const FACE_API = new URL('../../node_modules/@vladmandic/face-api/model/', import.meta.url)
  .pathname;

/** A bare weights manifest (one group, one shard `w.bin`) parsed from the given bytes. */
function parse(weights: unknown[], bin: Uint8Array, file = 'm-weights_manifest.json') {
  return parseTfjs(JSON.stringify([{ paths: ['w.bin'], weights }]), file, () => bin);
}

describe('TF.js bare weights manifests (*weights_manifest.json) and quantisation', () => {
  it('reads a bare manifest as TF.js decodes it: uint8/uint16 to float32, halves up to int32, float16 widened', () => {
    const q8 = [0, 7, 200, 255];
    const q16 = [1, 40_000];
    const half = [0x3c00, 0xc000]; // 1, −2
    const q8int = [1, 3, 4]; // −1.5, −0.5, 0 after ·0.5 − 2
    const bytes = new Uint8Array(4 + 4 + 4 + 3);
    bytes.set(q8, 0);
    const view = new DataView(bytes.buffer);
    q16.forEach((q, k) => view.setUint16(4 + 2 * k, q, true));
    half.forEach((h, k) => view.setUint16(8 + 2 * k, h, true));
    bytes.set(q8int, 12);
    const file = parse(
      [
        {
          name: 'a',
          shape: [2, 2],
          dtype: 'float32',
          quantization: { dtype: 'uint8', scale: 0.1, min: -1 },
        },
        {
          name: 'b',
          shape: [2],
          dtype: 'float32',
          quantization: { dtype: 'uint16', scale: 1e-4, min: 0.3 },
        },
        { name: 'c', shape: [2], dtype: 'float32', quantization: { dtype: 'float16' } },
        {
          name: 'd',
          shape: [3],
          dtype: 'int32',
          quantization: { dtype: 'uint8', scale: 0.5, min: -2 },
        },
      ],
      bytes,
    );
    const byName = Object.fromEntries(file.tensors.map((t) => [t.name, t]));
    // TF.js writes q·scale + min (computed in double) into a Float32Array
    assert.deepEqual(
      Array.from(byName.a!.data),
      Array.from(Float32Array.from(q8, (q) => q * 0.1 - 1)),
    );
    assert.notEqual(byName.a!.data[1], 7 * 0.1 - 1); // the float32 rounding is visible
    assert.deepEqual(
      Array.from(byName.b!.data),
      Array.from(Float32Array.from(q16, (q) => q * 1e-4 + 0.3)),
    );
    assert.deepEqual(Array.from(byName.c!.data), [1, -2]);
    assert.deepEqual(Array.from(byName.d!.data), [-1, 0, 0]); // Math.round into an Int32Array: −1.5 → −1, −0.5 → 0
    assert.deepEqual(
      file.tensors.map((t) => [t.dtype, t.floating]),
      [
        ['uint8→float32', true],
        ['uint16→float32', true],
        ['float16→float32', true],
        ['uint8→int32', false],
      ],
    );
  });

  it('refuses quantisation that TF.js refuses, with a one-line error naming the manifest and the weight', () => {
    const w = (quantization: unknown, dtype = 'float32') => [
      { name: 'k', shape: [2], dtype, quantization },
    ];
    const bin = new Uint8Array(8);
    const cases: Array<[unknown[], RegExp]> = [
      [
        w({ dtype: 'uint8', scale: 0.1 }),
        /weight 'k': quantization uint8 needs both min and scale/,
      ],
      [w({ dtype: 'uint16', min: 0 }), /weight 'k': quantization uint16 needs both min and scale/],
      [w({ dtype: 'int8', scale: 1, min: 0 }), /weight 'k': unsupported quantization dtype 'int8'/],
      [
        w({ dtype: 'float16' }, 'int32'),
        /weight 'k': quantization float16 is for float32 weights only, not int32/,
      ],
      [
        w({ dtype: 'uint8', scale: 1, min: 0 }, 'bool'),
        /quantization uint8 is for float32 or int32 weights, not bool/,
      ],
    ];
    for (const [weights, pattern] of cases)
      assert.throws(
        () => parse(weights, bin),
        (e: unknown) =>
          e instanceof DataFormatError &&
          e.message.startsWith('m-weights_manifest.json ') &&
          !e.message.includes('\n') &&
          pattern.test(e.message),
        String(pattern),
      );
  });

  it('reads a top-level array only from a file named *weights_manifest.json', () => {
    assert.equal(parse([], new Uint8Array(0)).tensors.length, 0);
    assert.throws(
      () => parse([], new Uint8Array(0), 'model.json'),
      /model\.json top level: must be an object, found an array/,
    );
  });

  it('finds the manifests in a folder of face-api.js models and diagnoses them with the CLI', {
    skip: !existsSync(FACE_API),
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-manifests-'));
    for (const model of ['face_landmark_68_tiny_model', 'tiny_face_detector_model'])
      for (const suffix of ['-weights_manifest.json', '.bin'])
        copyFileSync(join(FACE_API, `${model}${suffix}`), join(dir, `${model}${suffix}`));
    writeFileSync(join(dir, 'labels.json'), '["not", "a", "manifest"]');
    assert.deepEqual(
      findWeightFiles(dir).map((p) => p.slice(dir.length + 1)),
      [
        'face_landmark_68_tiny_model-weights_manifest.json',
        'tiny_face_detector_model-weights_manifest.json',
      ],
    );
    const one = readWeightFile(join(dir, 'tiny_face_detector_model-weights_manifest.json'));
    assert.equal(one.format, 'tfjs');
    assert.equal(one.tensors.length, 19);
    const { out, code } = await runCli('diagnose', dir, '--json');
    assert.equal(code, 0);
    const json = JSON.parse(out) as {
      files: Array<{ tensors: number }>;
      layers: unknown[];
      skipped: Array<{ name: string; reason: string }>;
    };
    assert.deepEqual(
      json.files.map((f) => f.tensors),
      [28, 19],
    );
    // Every tensor is a layer or listed as skipped with its reason, none dropped; at least the
    // 10 + 7 layers WeightWatcher analyses (test/diagnostics/face-api.test.ts checks their
    // columns; the depthwise kernels [3, 3, C, 1] may be skipped or, sliced, diagnosed).
    assert.equal(json.layers.length + json.skipped.length, 28 + 19);
    assert.ok(json.layers.length >= 17, `${json.layers.length} layers`);
    rmSync(dir, { recursive: true });
  });
});
