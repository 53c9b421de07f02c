import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { setSimdEnabled, simdAvailable } from '../../src/linalg/backends/js/simd/tile.js';
import { philox4x32 } from '../../src/random/philox.js';
import { CHUNK_BLOCKS, philoxBlocks, philoxKernelActive } from '../../src/random/philox-kernel.js';
import { type RandomStream, randomStream } from '../../src/random/stream.js';

/** Runs `f` with the WebAssembly Philox kernel on or off (the scalar philox4x32 then). */
function withSimd<T>(on: boolean, f: () => T): T {
  const before = setSimdEnabled(on);
  try {
    return f();
  } finally {
    setSimdEnabled(before);
  }
}

function skipWords(stream: RandomStream, words: number): RandomStream {
  for (let w = 0; w < words; w++) stream.uint32();
  return stream;
}

describe('philoxBlocks (WebAssembly SIMD Philox4x32-10)', () => {
  it('runs here, so the tests below compare the kernel with the scalar function', () => {
    assert.ok(simdAvailable() && philoxKernelActive());
  });

  it('equals philox4x32 block by block for any start, count and stream, across the 2³² counter wrap', () => {
    const id = [0x9e3779b9, 17, 0xffffffff, 5];
    for (const first of [0, 1, 7, 2 ** 32 - 5, 2 ** 32 - 1, 2 ** 45 + 3]) {
      for (const count of [1, 3, 8, 13, CHUNK_BLOCKS]) {
        const words = philoxBlocks(id, first, count).words.slice(0, 4 * count);
        const expected = new Uint32Array(4 * count);
        for (let b = 0; b < count; b++) {
          const block = first + b;
          philox4x32(
            block % 2 ** 32,
            Math.floor(block / 2 ** 32),
            id[2]!,
            id[3]!,
            id[0]!,
            id[1]!,
            expected,
            4 * b,
          );
        }
        assert.deepEqual(words, expected, `first ${first}, count ${count}`);
      }
    }
  });
});

describe('RandomStream.fill', () => {
  it('equals single draws at every word offset and across chunk boundaries, with and without SIMD', () => {
    const lengths = [
      0,
      1,
      2,
      7,
      2 * CHUNK_BLOCKS - 1,
      2 * CHUNK_BLOCKS + 1,
      3 * 2 * CHUNK_BLOCKS + 5,
    ];
    for (const distribution of ['normal', 'uniform'] as const) {
      for (const offset of [0, 1, 2, 3, 6]) {
        for (const length of lengths) {
          const single = skipWords(randomStream('fill'), offset);
          const expected = Float64Array.from({ length }, () =>
            distribution === 'normal' ? single.normal() : single.uniform(),
          );
          const nextWord = single.uint32();
          for (const simd of [true, false]) {
            const stream = skipWords(randomStream('fill'), offset);
            const filled = withSimd(simd, () =>
              stream.fill(new Float64Array(length), distribution),
            );
            const what = `${distribution}, offset ${offset}, length ${length}, simd ${simd}`;
            assert.deepEqual(filled, expected, what);
            assert.equal(stream.uint32(), nextWord, `${what}: the stream goes on in step`);
          }
        }
      }
    }
  });

  it('gives the same numbers however a draw is cut into fills (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('normal' as const, 'uniform' as const),
        fc.nat(),
        (pieces, distribution, seed) => {
          const total = pieces.reduce((a, b) => a + b, 0);
          const whole = randomStream(seed).fill(new Float64Array(total), distribution);
          const stream = randomStream(seed);
          const cut = new Float64Array(total);
          let at = 0;
          for (const piece of pieces) {
            stream.fill(cut.subarray(at, at + piece), distribution);
            at += piece;
          }
          assert.deepEqual(cut, whole);
        },
      ),
      { seed: 23, numRuns: 60 },
    );
  });

  it('gives the same bits on the native and JS backends, with and without WebAssembly SIMD', () => {
    // Child processes, as a user would select them; each prints a digest of its draws.
    const script = `
      import { createHash } from 'node:crypto';
      import { backend } from './src/linalg/index.ts';
      import { gaussianMatrix } from './src/random/gaussian.ts';
      import { randomStream } from './src/random/stream.ts';
      const h = createHash('sha256');
      h.update(randomStream('backends').fill(new Float64Array(100003), 'normal'));
      h.update(randomStream('backends').split(1).fill(new Float64Array(100003)));
      h.update(gaussianMatrix(300, 77, 'backends').data);
      console.log(JSON.stringify({ backend: backend(), digest: h.digest('hex') }));`;
    const runs = [
      { RMTKIT_BACKEND: 'native', RMTKIT_SIMD: '1' },
      { RMTKIT_BACKEND: 'js', RMTKIT_SIMD: '1' },
      { RMTKIT_BACKEND: 'js', RMTKIT_SIMD: '0' },
    ].map((env) => {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        {
          cwd: new URL('../..', import.meta.url),
          env: { ...process.env, ...env },
          encoding: 'utf8',
        },
      );
      assert.equal(child.status, 0, child.stderr);
      return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
        backend: string;
        digest: string;
      };
    });
    assert.deepEqual(
      runs.map((r) => r.backend),
      ['native', 'js', 'js'],
    );
    assert.equal(new Set(runs.map((r) => r.digest)).size, 1, JSON.stringify(runs));
  });
});
