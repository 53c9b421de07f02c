import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import {
  findWeightFiles,
  parseOnnx,
  parseSafetensors,
  readOnnx,
  readTfjs,
  readWeightFile,
  type WeightFile,
} from '../../src/io/weights/index.js';
import { halfToFloat } from '../../src/io/weights/tensor.js';

const DIR = new URL('../fixtures/diagnostics/', import.meta.url).pathname;
const WEIGHTS = join(DIR, 'weights');
type Expected = Record<
  string,
  Record<string, { shape: number[]; dtype: string; values: number[] }>
>;
const expected = JSON.parse(readFileSync(join(DIR, 'weights.json'), 'utf8')) as Expected;
const SILERO = new URL('../../node_modules/@ricky0123/vad-web/dist/', import.meta.url).pathname;

/** Every expected tensor is present with the same shape, dtype and values (bit for bit). */
function checkFile(file: WeightFile, want: Expected[string]): void {
  const byName = new Map(file.tensors.map((t) => [t.name, t]));
  for (const [name, w] of Object.entries(want)) {
    const t = byName.get(name);
    assert.ok(t, `${name} missing; have ${[...byName.keys()].join(', ')}`);
    assert.deepEqual(t.shape, w.shape, name);
    assert.equal(t.dtype, w.dtype, name);
    assert.deepEqual(Array.from(t.data), w.values, name);
  }
}

describe('model weight readers', () => {
  it('ONNX: initializers from raw_data, float_data, int32_data (float16), int64_data and external data, a Constant node, an If subgraph', () => {
    const file = readOnnx(join(WEIGHTS, 'tiny.onnx'));
    checkFile(file, expected['tiny.onnx']!);
    assert.equal(file.tensors.length, 7);
    assert.equal(file.tensors.find((t) => t.name === 'shape')!.floating, false);
  });

  it('ONNX: reads every main-graph initializer of silero_vad_legacy.onnx like an independent Python reader', {
    skip: !existsSync(join(SILERO, 'silero_vad_legacy.onnx')),
  }, () => {
    const reference = JSON.parse(readFileSync(join(DIR, 'silero.json'), 'utf8')) as Array<{
      name: string;
      shape: number[];
      sum: number;
      sumsq: number;
      first: number;
    }>;
    const file = readOnnx(join(SILERO, 'silero_vad_legacy.onnx'));
    const byName = new Map(file.tensors.map((t) => [t.name, t]));
    assert.ok(reference.length > 50);
    for (const r of reference) {
      const t = byName.get(r.name)!;
      assert.deepEqual(t.shape, r.shape, r.name);
      let sum = 0;
      let sumsq = 0;
      for (const v of t.data) {
        sum += v;
        sumsq += v * v;
      }
      // numpy sums pairwise, we sum in order: agreement to a few ulps of Σ|x|.
      assert.ok(Math.abs(sum - r.sum) <= 1e-12 * (r.sumsq + Math.abs(r.sum) + 1), r.name);
      assert.ok(Math.abs(sumsq - r.sumsq) <= 1e-12 * r.sumsq, r.name);
      assert.equal(t.data[0], r.first);
    }
  });

  it('ONNX: silero_vad_v5.onnx yields its LSTM weights from the If subgraphs', {
    skip: !existsSync(join(SILERO, 'silero_vad_v5.onnx')),
  }, () => {
    const file = readOnnx(join(SILERO, 'silero_vad_v5.onnx'));
    const lstm = file.tensors.filter((t) => /decoder\.rnn\.weight_(ih|hh)$/.test(t.name));
    assert.equal(lstm.length, 4);
    for (const t of lstm) assert.deepEqual(t.shape, [512, 128]);
  });

  it('safetensors: F32, F16, BF16 and I64 tensors', () => {
    checkFile(readWeightFile(join(WEIGHTS, 'model.safetensors')), expected['model.safetensors']!);
  });

  it('TF.js: weights spread over two shards, float16 and uint8 dequantisation, int32, string weights skipped', () => {
    const file = readTfjs(join(WEIGHTS, 'tfjs', 'model.json'));
    checkFile(file, expected['tfjs/model.json']!);
    assert.deepEqual(
      file.skipped.map((s) => s.name),
      ['labels'],
    );
  });

  it('finds every model file under a folder', () => {
    const found = findWeightFiles(WEIGHTS).map((p) => p.slice(WEIGHTS.length + 1));
    assert.deepEqual(found, ['model.safetensors', 'tfjs/model.json', 'tiny.onnx']);
  });

  it('decodes IEEE half floats: subnormals, infinities, NaN', () => {
    assert.equal(halfToFloat(0x3c00), 1);
    assert.equal(halfToFloat(0xc000), -2);
    assert.equal(halfToFloat(0x0001), 2 ** -24);
    assert.equal(halfToFloat(0x7bff), 65504);
    assert.equal(halfToFloat(0x7c00), Infinity);
    assert.ok(Number.isNaN(halfToFloat(0x7e00)));
  });

  it('reports malformed files with the file name and place', () => {
    const onnx = readFileSync(join(WEIGHTS, 'tiny.onnx'));
    assert.throws(
      () => parseOnnx(onnx.subarray(0, onnx.length - 7), 'cut.onnx'),
      (e: unknown) =>
        e instanceof DataFormatError && /cut\.onnx byte \d+: malformed protobuf/.test(e.message),
    );
    assert.throws(() => parseOnnx(new Uint8Array([8, 1]), 'empty.onnx'), /not an ONNX model/);
    const st = readFileSync(join(WEIGHTS, 'model.safetensors'));
    assert.throws(
      () => parseSafetensors(st.subarray(0, st.length - 4), 'cut.safetensors'),
      /cut\.safetensors tensor '\w+': needs \d+ bytes/,
    );
    assert.throws(() => parseSafetensors(new Uint8Array(4), 'tiny.safetensors'), /too short/);
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-weights-'));
    writeFileSync(join(dir, 'model.json'), JSON.stringify({ modelTopology: {} }));
    assert.throws(() => readTfjs(join(dir, 'model.json')), /no weightsManifest/);
    writeFileSync(
      join(dir, 'model.json'),
      JSON.stringify({ weightsManifest: [{ paths: ['missing.bin'], weights: [] }] }),
    );
    assert.throws(
      () => readTfjs(join(dir, 'model.json')),
      (e: unknown) =>
        e instanceof DataFormatError && /'missing\.bin': cannot be read \(ENOENT\)/.test(e.message),
    );
    assert.throws(() => readWeightFile(join(dir, 'weights.h5')), /not a supported model file/);
  });
});
