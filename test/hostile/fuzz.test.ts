import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DataFormatError, InvalidArgumentError } from '../../src/errors.js';
import { parseCsv } from '../../src/io/csv-parse.js';
import { parseNpyArray } from '../../src/io/npy-parse.js';
import { parseNpz } from '../../src/io/npz.js';
import { parseOnnx } from '../../src/io/weights/onnx.js';
import { parseSafetensors } from '../../src/io/weights/safetensors.js';
import { readTfjs } from '../../src/io/weights/tfjs.js';
import { npy, onnxModel, safetensors, tensorProto, zip } from './build.js';

/* Fuzz test of every reader: byte mutations (flips, truncation, insertion, extreme integers) and
 * JSON-structure mutations (a node replaced by null, a string, a negative, a fraction, a huge
 * number, an empty array or object), fixed seeds. Only the project's typed errors may escape, no
 * case may take longer than its time limit, and memory stays bounded. */

const CASES = 500;
const CASE_LIMIT_MS = 1000;

/** mulberry32: a small seeded generator, enough for picking mutations. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutateBytes(base: Uint8Array, rand: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(rand() * n);
  let bytes = base.slice();
  const kind = pick(5);
  if (kind === 0) for (let k = 0; k < 1 + pick(8); k++) bytes[pick(bytes.length)] = pick(256);
  else if (kind === 1) bytes = bytes.slice(0, pick(bytes.length));
  else if (kind === 2) {
    const at = pick(bytes.length);
    const extra = Uint8Array.from({ length: 1 + pick(16) }, () => pick(256));
    bytes = new Uint8Array([...bytes.subarray(0, at), ...extra, ...bytes.subarray(at)]);
  } else if (kind === 3) {
    const at = pick(Math.max(1, bytes.length - 8));
    const v = [0xff, 0x7f, 0x80, 0][pick(4)]!;
    for (let k = 0; k < 4 + pick(5) && at + k < bytes.length; k++) bytes[at + k] = v;
  } else for (let k = 0; k < 1 + pick(4); k++) bytes[pick(bytes.length)] ^= 1 << pick(8);
  return bytes;
}

const ODD: unknown[] = [null, 'abc', -1, 0.5, 1e308, 2 ** 53, [], {}, '0', true];

/** Replaces one random node of a JSON value (deep copy) with an odd value. */
function mutateJson(value: unknown, rand: () => number): unknown {
  const copy = JSON.parse(JSON.stringify(value));
  const nodes: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v))
      v.forEach((x, k) => {
        nodes.push({ parent: v, key: k });
        walk(x);
      });
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        nodes.push({ parent: v as Record<string, unknown>, key: k });
        walk(x);
      }
  };
  walk(copy);
  const count = 1 + Math.floor(rand() * 2);
  for (let k = 0; k < count && nodes.length; k++) {
    const { parent, key } = nodes[Math.floor(rand() * nodes.length)]!;
    const odd = ODD[Math.floor(rand() * ODD.length)];
    if (rand() < 0.15 && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key];
    else (parent as Record<string | number, unknown>)[key] = odd;
  }
  return rand() < 0.1 ? ODD[Math.floor(rand() * ODD.length)] : copy;
}

/** Runs `cases` mutated inputs through `read`; fails on untyped errors and slow cases. */
function fuzz(name: string, seed: number, run: (rand: () => number, k: number) => unknown): void {
  const rand = random(seed);
  const rssBefore = process.memoryUsage().rss;
  let typed = 0;
  for (let k = 0; k < CASES; k++) {
    const start = performance.now();
    try {
      run(rand, k);
    } catch (error) {
      if (!(error instanceof DataFormatError || error instanceof InvalidArgumentError))
        assert.fail(`${name} case ${k}: untyped ${String((error as Error)?.stack ?? error)}`);
      assert.ok(!String((error as Error).message).includes('\n'), `${name} case ${k}: two lines`);
      typed++;
    }
    const ms = performance.now() - start;
    assert.ok(ms < CASE_LIMIT_MS, `${name} case ${k} took ${ms.toFixed(0)} ms`);
  }
  assert.ok(typed > 0, `${name}: no mutation was refused (the fuzzer is not reaching the reader)`);
  assert.ok(process.memoryUsage().rss - rssBefore < 1e9, `${name}: memory grew past 1 GB`);
}

describe('fuzzing every reader (fixed seeds): typed errors only, no hang, bounded memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-fuzz-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const matrix = npy(
    [3, 4],
    Array.from({ length: 12 }, (_, k) => k / 3),
  );

  it('npy', { timeout: 60_000 }, () => {
    fuzz('npy', 1, (rand) => parseNpyArray(mutateBytes(matrix, rand), 'f.npy'));
  });

  it('npz', { timeout: 60_000 }, () => {
    const archives = [zip('W.npy', matrix), zip('W.npy', matrix, { deflate: true })];
    fuzz('npz', 2, (rand, k) => parseNpz(mutateBytes(archives[k % 2]!, rand), 'f.npz'));
  });

  it('csv', { timeout: 60_000 }, () => {
    const text = new TextEncoder().encode('x,y,z\n1,2.5,-3e2\n4,5,6\n# note\n7,8,9\n');
    const decoder = new TextDecoder();
    fuzz('csv', 3, (rand) => parseCsv(decoder.decode(mutateBytes(text, rand)), 'f.csv'));
  });

  it('safetensors', { timeout: 60_000 }, () => {
    const header = {
      __metadata__: { format: 'pt' },
      a: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] },
      b: { dtype: 'F16', shape: [4], data_offsets: [16, 24] },
    };
    const data = new Uint8Array(24).map((_, k) => k * 7);
    const base = safetensors(header, data);
    fuzz('safetensors', 4, (rand, k) =>
      parseSafetensors(
        k % 2 ? mutateBytes(base, rand) : safetensors(mutateJson(header, rand), data),
        'f.safetensors',
      ),
    );
  });

  it('onnx', { timeout: 60_000 }, () => {
    const raw = new Uint8Array(new Float32Array([1, 2, 3, 4, 5, 6]).buffer);
    const base = onnxModel([
      tensorProto({ name: 'w', dims: [2, 3], type: 1, raw }),
      tensorProto({ name: 'i', dims: [3], type: 7, int64: [1, -2, 3] }),
      tensorProto({ name: 'e', dims: [2], type: 1, external: { location: 'x.bin', offset: '0' } }),
    ]);
    const external = (_: string, range: { offset: number; length: number }) => {
      if (range.offset + range.length > 64) throw new DataFormatError('x.bin', '', 'too short');
      return new Uint8Array(range.length);
    };
    fuzz('onnx', 5, (rand) => parseOnnx(mutateBytes(base, rand), 'f.onnx', external));
  });

  it('tfjs', { timeout: 60_000 }, () => {
    writeFileSync(join(dir, 'shard.bin'), new Uint8Array(new Float32Array([1, 2, 3, 4, 5]).buffer));
    const manifest = {
      format: 'layers-model',
      weightsManifest: [
        {
          paths: ['shard.bin'],
          weights: [
            { name: 'w', shape: [2, 2], dtype: 'float32' },
            {
              name: 'q',
              shape: [4],
              dtype: 'float32',
              quantization: { dtype: 'uint8', scale: 0.5, min: -1 },
            },
          ],
        },
      ],
    };
    const file = join(dir, 'model.json');
    const text = new TextEncoder().encode(JSON.stringify(manifest));
    fuzz('tfjs', 6, (rand, k) => {
      writeFileSync(
        file,
        k % 2 ? mutateBytes(text, rand) : JSON.stringify(mutateJson(manifest, rand)),
      );
      return readTfjs(file);
    });
  });
});
