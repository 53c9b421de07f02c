import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { parseNpz } from '../../src/io/npz.js';
import { parseNpzAsync } from '../../src/io/npz-async.js';
import {
  parseSafetensors,
  parseShardedSafetensors,
  readWeightBytes,
  readWeightFile,
  type WeightFile,
} from '../../src/io/weights/index.js';
import { readZipAsync } from '../../src/io/zip-async.js';
import { safetensors, zip } from '../hostile/build.js';
import { fixturePath } from './helpers.js';

const WEIGHTS = new URL('../fixtures/diagnostics/weights/', import.meta.url).pathname;

/** Every file under `dir` as path (relative, `/`-separated) → bytes, as a page gets them. */
function folderBytes(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const full = join(d, e);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full).split('\\').join('/'), new Uint8Array(readFileSync(full)));
    }
  };
  walk(dir);
  return out;
}

/** Same tensors (names, shapes, dtypes, values bit for bit) and the same skipped list. */
function assertSameWeights(a: WeightFile, b: WeightFile): void {
  assert.equal(a.format, b.format);
  assert.deepEqual(
    a.tensors.map((t) => [t.name, t.shape, t.dtype, t.floating, Array.from(t.data)]),
    b.tensors.map((t) => [t.name, t.shape, t.dtype, t.floating, Array.from(t.data)]),
  );
  assert.deepEqual(a.skipped, b.skipped);
}

describe('reading weights from bytes (the browser entry’s readers)', () => {
  it('parseNpzAsync (DecompressionStream) returns what parseNpz (node:zlib) returns for stored, deflated and zip64 archives', async () => {
    for (const name of ['stored.npz', 'deflated.npz', 'zip64.npz']) {
      const bytes = new Uint8Array(readFileSync(fixturePath(name)));
      const sync = parseNpz(bytes, name);
      const viaStream = await parseNpzAsync(bytes, name);
      assert.deepEqual([...viaStream.keys()], [...sync.keys()], name);
      for (const [key, a] of sync) {
        assert.deepEqual(viaStream.get(key)!.shape, a.shape, `${name} ${key}`);
        assert.deepEqual(
          Array.from(viaStream.get(key)!.data),
          Array.from(a.data),
          `${name} ${key}`,
        );
      }
    }
  });

  it('readZipAsync names the member of a corrupt deflate stream and stops a member inflating past its declared size', async () => {
    const deflated = new Uint8Array(readFileSync(fixturePath('deflated.npz')));
    const garbled = Uint8Array.from(deflated);
    garbled.fill(0xff, 60, 80);
    await assert.rejects(
      readZipAsync(garbled, 'w.npz'),
      (e: unknown) => e instanceof DataFormatError && /^w\.npz member '.*': /.test(e.message),
    );
    const bomb = zip('a.npy', new Uint8Array(1 << 20), { deflate: true, declaredSize: 1000 });
    await assert.rejects(
      readZipAsync(bomb, 'bomb.npz'),
      /bomb\.npz member 'a\.npy': inflates to more than the 1000 bytes it declares/,
    );
  });

  it('readWeightBytes reads a folder (ONNX with external data, safetensors, TF.js shards) exactly as readWeightFile reads it from disk', async () => {
    const { files, errors } = await readWeightBytes(folderBytes(WEIGHTS));
    assert.deepEqual(errors, []);
    assert.deepEqual(
      files.map((f) => f.file),
      ['model.safetensors', 'tfjs/model.json', 'tiny.onnx'],
    );
    for (const f of files) assertSameWeights(f, readWeightFile(join(WEIGHTS, f.file)));
  });

  it('reads bare TF.js weight manifests (face-api.js models) exactly as readWeightFile reads them from disk', async () => {
    const dir = new URL('../../node_modules/@vladmandic/face-api/model/', import.meta.url).pathname;
    const names = ['age_gender_model', 'tiny_face_detector_model'];
    const set = new Map<string, Uint8Array>();
    for (const name of names)
      for (const file of [`${name}-weights_manifest.json`, `${name}.bin`])
        set.set(`model/${file}`, new Uint8Array(readFileSync(join(dir, file))));
    const { files, errors } = await readWeightBytes(set);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      files.map((f) => f.file),
      names.map((n) => `model/${n}-weights_manifest.json`),
    );
    for (const f of files) {
      assert.ok(f.tensors.length > 5, `${f.file}: ${f.tensors.length} tensors`);
      assertSameWeights(f, readWeightFile(join(dir, f.file.slice('model/'.length))));
    }
  });

  it('reads sharded safetensors through their index as the single file they were split from, and does not read the shards twice', async () => {
    const whole = new Uint8Array(readFileSync(join(WEIGHTS, 'model.safetensors')));
    const single = parseSafetensors(whole, 'model.safetensors');
    const headerLength = new DataView(whole.buffer, whole.byteOffset).getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(whole.subarray(8, 8 + headerLength)));
    const data = whole.subarray(8 + headerLength);
    const shard = (names: string[]) => {
      let at = 0;
      const h: Record<string, unknown> = {};
      const parts: Uint8Array[] = [];
      for (const n of names) {
        const [b, e] = header[n].data_offsets as [number, number];
        h[n] = { ...header[n], data_offsets: [at, at + e - b] };
        parts.push(data.subarray(b, e));
        at += e - b;
      }
      const bytes = new Uint8Array(at);
      let k = 0;
      for (const p of parts) {
        bytes.set(p, k);
        k += p.length;
      }
      return safetensors(h, bytes);
    };
    const names = single.tensors.map((t) => t.name).concat(single.skipped.map((s) => s.name));
    const firstHalf = names.slice(0, 2);
    const index = {
      metadata: { total_size: data.length },
      weight_map: Object.fromEntries(
        names.map((n) => [n, `model-0000${firstHalf.includes(n) ? 1 : 2}-of-00002.safetensors`]),
      ),
    };
    const set = new Map([
      ['m/model.safetensors.index.json', new TextEncoder().encode(JSON.stringify(index))],
      ['m/model-00001-of-00002.safetensors', shard(firstHalf)],
      ['m/model-00002-of-00002.safetensors', shard(names.slice(2))],
    ]);
    const { files, errors } = await readWeightBytes(set);
    assert.deepEqual(errors, []);
    assert.equal(files.length, 1);
    assert.equal(files[0]!.file, 'm/model.safetensors.index.json');
    const sortByName = (f: WeightFile): WeightFile => ({
      ...f,
      tensors: [...f.tensors].sort((a, b) => a.name.localeCompare(b.name)),
      skipped: [...f.skipped].sort((a, b) => a.name.localeCompare(b.name)),
    });
    assertSameWeights(sortByName(files[0]!), sortByName(single));
    const missing = { ...index, weight_map: { ...index.weight_map, ghost: index.weight_map.w32 } };
    assert.throws(
      () => parseShardedSafetensors(JSON.stringify(missing), 'i.json', (p) => set.get(`m/${p}`)!),
      /i\.json weight_map\['ghost'\]: names shard 'model-00001-of-00002\.safetensors', which has no such tensor/,
    );
  });

  it('reports a model whose shard was not chosen, and refuses a set with no model file', async () => {
    const set = folderBytes(WEIGHTS);
    set.delete('tfjs/group1-shard2of2.bin');
    const { files, errors } = await readWeightBytes(set);
    assert.equal(files.length, 2);
    assert.equal(errors.length, 1);
    assert.match(
      errors[0]!.message,
      /^tfjs\/model\.json weight file 'group1-shard2of2\.bin': is not among the chosen files/,
    );
    await assert.rejects(
      readWeightBytes(new Map([['notes.txt', new Uint8Array(3)]])),
      /notes\.txt: holds no model file/,
    );
  });
});
