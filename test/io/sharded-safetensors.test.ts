import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { findWeightFiles, readWeightFile } from '../../src/io/weights/read.js';
import { runCli } from '../cli/run-cli.js';
import { safetensors } from '../hostile/build.js';

/** Seeded float32 values (a small LCG: the test only needs fixed, varied numbers). */
function values(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let s = seed;
  for (let k = 0; k < count; k++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    out[k] = s / 2 ** 31 - 0.5;
  }
  return out;
}

const TENSORS: Record<string, [number, number]> = {
  'layers.0.weight': [40, 24],
  'layers.0.bias': [40, 1],
  'layers.1.weight': [32, 40],
  'layers.2.weight': [30, 32],
};
const DATA = Object.fromEntries(
  Object.entries(TENSORS).map(([name, [r, c]], k) => [name, values(r * c, 7 + k)]),
);

/** A safetensors file holding the named tensors (F32), in the given order. */
function shard(names: string[]): Uint8Array {
  const header: Record<string, unknown> = {};
  const bytes = new Uint8Array(names.reduce((n, name) => n + DATA[name]!.byteLength, 0));
  let at = 0;
  for (const name of names) {
    const data = new Uint8Array(DATA[name]!.buffer);
    header[name] = { dtype: 'F32', shape: TENSORS[name], data_offsets: [at, at + data.length] };
    bytes.set(data, at);
    at += data.length;
  }
  return safetensors(header, bytes);
}

// The index lists tensors in an order neither shard has, and shard 1 holds a tensor the index
// maps to shard 2 (a stale copy): it must be read once, from shard 2.
const WEIGHT_MAP = {
  'layers.1.weight': 'model-00002-of-00002.safetensors',
  'layers.0.weight': 'model-00001-of-00002.safetensors',
  'layers.0.bias': 'model-00001-of-00002.safetensors',
  'layers.2.weight': 'model-00002-of-00002.safetensors',
};

/** A folder with the index and its two shards, plus the unsharded model in a sibling folder. */
function folder(map: Record<string, string> = WEIGHT_MAP): { dir: string; whole: string } {
  const root = mkdtempSync(join(tmpdir(), 'rmtkit-sharded-'));
  const dir = join(root, 'sharded');
  mkdirSync(dir);
  mkdirSync(join(root, 'whole'));
  writeFileSync(
    join(dir, 'model.safetensors.index.json'),
    JSON.stringify({ metadata: { total_size: 0 }, weight_map: map }),
  );
  writeFileSync(
    join(dir, 'model-00001-of-00002.safetensors'),
    shard(['layers.0.bias', 'layers.2.weight', 'layers.0.weight']),
  );
  writeFileSync(
    join(dir, 'model-00002-of-00002.safetensors'),
    shard(['layers.2.weight', 'layers.1.weight']),
  );
  const whole = join(root, 'whole', 'model.safetensors');
  writeFileSync(whole, shard(Object.keys(WEIGHT_MAP)));
  return { dir, whole };
}

describe('sharded safetensors read through their index', () => {
  it("reads every tensor once, in the index's order, with its shard's values", () => {
    const { dir } = folder();
    const file = readWeightFile(join(dir, 'model.safetensors.index.json'));
    assert.equal(file.file, join(dir, 'model.safetensors.index.json'));
    assert.deepEqual(
      file.tensors.map((t) => t.name),
      Object.keys(WEIGHT_MAP),
    );
    for (const t of file.tensors) {
      assert.deepEqual(t.shape, TENSORS[t.name]);
      assert.deepEqual(Array.from(t.data), Array.from(DATA[t.name]!));
    }
    assert.deepEqual(file.skipped, [
      {
        name: 'layers.2.weight',
        reason:
          "is in shard 'model-00001-of-00002.safetensors' but the index maps it to 'model-00002-of-00002.safetensors'",
      },
    ]);
    rmSync(join(dir, '..'), { recursive: true });
  });

  it('lists the index of a folder and not its shards', () => {
    const { dir } = folder();
    writeFileSync(join(dir, 'other.safetensors'), shard(['layers.0.weight']));
    assert.deepEqual(
      findWeightFiles(dir).map((p) => p.slice(dir.length + 1)),
      ['model.safetensors.index.json', 'other.safetensors'],
    );
    rmSync(join(dir, '..'), { recursive: true });
  });

  it('rmtkit diagnose on the index and on its folder gives the unsharded model’s layers, once', async () => {
    const { dir, whole } = folder();
    const layers = async (path: string) => {
      const { out, code } = await runCli('diagnose', path, '--json', '--min-evals', '1');
      assert.equal(code, 0);
      const json = JSON.parse(out) as {
        files: Array<{ file: string; tensors: number }>;
        layers: Array<Record<string, unknown>>;
      };
      return { files: json.files, layers: json.layers.map(({ file: _, ...rest }) => rest) };
    };
    const expected = await layers(whole);
    assert.deepEqual(
      expected.layers.map((l) => l.name),
      ['layers.1.weight', 'layers.0.weight', 'layers.2.weight'],
    );
    for (const path of [join(dir, 'model.safetensors.index.json'), dir]) {
      const got = await layers(path);
      assert.deepEqual(got.files, [
        { file: join(dir, 'model.safetensors.index.json'), format: 'safetensors', tensors: 4 },
      ]);
      assert.deepEqual(got.layers, expected.layers);
    }
    rmSync(join(dir, '..'), { recursive: true });
  });

  it('a shard the index names that is missing is a data error naming the index and the shard', async () => {
    const { dir } = folder();
    rmSync(join(dir, 'model-00002-of-00002.safetensors'));
    const index = join(dir, 'model.safetensors.index.json');
    assert.throws(
      () => readWeightFile(index),
      (e: unknown) =>
        e instanceof DataFormatError &&
        e.message ===
          `${index} weight file 'model-00002-of-00002.safetensors': cannot be read (ENOENT)`,
    );
    const { code, err } = await runCli('diagnose', dir);
    assert.equal(code, 2);
    assert.match(err, /model-00002-of-00002\.safetensors': cannot be read \(ENOENT\)/);
    rmSync(join(dir, '..'), { recursive: true });
  });

  it('a tensor of the index absent from its shard is a data error naming the index, tensor and shard', () => {
    const { dir } = folder({
      ...WEIGHT_MAP,
      'layers.3.weight': 'model-00001-of-00002.safetensors',
    });
    assert.throws(
      () => readWeightFile(join(dir, 'model.safetensors.index.json')),
      (e: unknown) =>
        e instanceof DataFormatError &&
        /index\.json weight_map\['layers\.3\.weight'\]: names shard 'model-00001-of-00002\.safetensors', which has no such tensor$/.test(
          e.message,
        ),
    );
    rmSync(join(dir, '..'), { recursive: true });
  });
});
