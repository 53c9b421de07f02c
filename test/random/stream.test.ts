import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidArgumentError } from '../../src/errors.js';
import { type RandomStream, randomStream } from '../../src/random/stream.js';

interface StreamCase {
  seed: number | string | { bigint: string };
  path: (number | string)[];
  id: number[];
  uint32: number[];
  uniform: number[];
  normal: number[];
}
const { streams } = JSON.parse(
  readFileSync(new URL('../fixtures/random/streams.json', import.meta.url), 'utf8'),
) as { streams: StreamCase[] };

function open(c: StreamCase): RandomStream {
  const seed = typeof c.seed === 'object' ? BigInt(c.seed.bigint) : c.seed;
  return randomStream(seed).child(...c.path);
}

describe('randomStream', () => {
  it('matches the Python reimplementation of seeds, names, children, words and uniforms bit for bit', () => {
    for (const c of streams) {
      assert.deepEqual(Array.from(open(c).id), c.id, JSON.stringify(c.seed));
      const s = open(c);
      assert.deepEqual(
        Array.from({ length: 10 }, () => s.uint32()),
        c.uint32,
      );
      const u = open(c);
      assert.deepEqual(
        Array.from({ length: 6 }, () => u.uniform()),
        c.uniform,
      );
    }
  });

  it('matches the Python ziggurat normals bit for bit', () => {
    for (const c of streams) {
      const s = open(c);
      assert.deepEqual(
        Array.from({ length: c.normal.length }, () => s.normal()),
        c.normal,
      );
    }
  });

  it('gives the same numbers for the same seed, and for equal number and bigint seeds', () => {
    const a = randomStream(123456789).fill(new Float64Array(100));
    assert.deepEqual(randomStream(123456789).fill(new Float64Array(100)), a);
    assert.deepEqual(randomStream(123456789n).fill(new Float64Array(100)), a);
    assert.notDeepEqual(randomStream(123456788).fill(new Float64Array(100)), a);
    assert.notDeepEqual(randomStream('123456789').fill(new Float64Array(100)), a);
  });

  it('derives children from the identity alone, whatever has been drawn from the parent', () => {
    const fresh = randomStream('sweep');
    const used = randomStream('sweep');
    used.fill(new Float64Array(1001), 'normal');
    assert.deepEqual(
      used.split(17).fill(new Float64Array(20)),
      fresh.split(17).fill(new Float64Array(20)),
    );
    assert.deepEqual(fresh.child(3, 'noise', 2).id, fresh.split(3).split('noise').split(2).id);
    assert.deepEqual(fresh.child().id, fresh.id);
  });

  it('gives distinct identities to siblings, names, grandchildren and the parent', () => {
    const root = randomStream(0);
    const ids = new Set<string>([root.id.join()]);
    for (let i = 0; i < 1000; i++) ids.add(root.split(i).id.join());
    for (const name of ['a', 'b', 'noise', 'mask', '0']) ids.add(root.split(name).id.join());
    for (let i = 0; i < 10; i++) ids.add(root.child(0, i).id.join());
    assert.equal(ids.size, 1 + 1000 + 5 + 10);
  });

  it('fills exactly as repeated single draws, including an odd number of normals', () => {
    const a = randomStream(9);
    const b = randomStream(9);
    const filled = a.fill(new Float64Array(7), 'normal');
    assert.deepEqual(
      filled,
      Float64Array.from({ length: 7 }, () => b.normal()),
    );
    assert.equal(a.normal(), b.normal());
    assert.deepEqual(
      a.fill(new Float64Array(5)),
      Float64Array.from({ length: 5 }, () => b.uniform()),
    );
  });

  it('draws uniforms in [0, 1) and integers in [0, n)', () => {
    const s = randomStream(5);
    for (let k = 0; k < 10000; k++) {
      const u = s.uniform();
      assert.ok(u >= 0 && u < 1);
      const i = s.int(13);
      assert.ok(Number.isInteger(i) && i >= 0 && i < 13);
    }
    assert.equal(s.int(1), 0);
    const big = s.int(2 ** 53);
    assert.ok(Number.isInteger(big) && big >= 0 && big < 2 ** 53);
  });

  it('chooses k distinct indices in range that start the permutation of the same stream (property)', () => {
    const nk = fc
      .integer({ min: 0, max: 300 })
      .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }), fc.nat()));
    fc.assert(
      fc.property(nk, ([n, k, seed]) => {
        const c = randomStream(seed).choice(n, k);
        assert.equal(new Set(c).size, k);
        assert.ok(c.every((i) => i >= 0 && i < n));
        assert.deepEqual(c, randomStream(seed).permutation(n).subarray(0, k));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('returns a passed stream unchanged', () => {
    const s = randomStream(1);
    assert.equal(randomStream(s), s);
  });

  it('rejects bad seeds, paths and arguments with errors that name them', () => {
    const cases: [() => unknown, string][] = [
      [() => randomStream(-1), 'seed'],
      [() => randomStream(1.5), 'seed'],
      [() => randomStream(2 ** 53), 'seed'],
      [() => randomStream(1n << 128n), 'seed'],
      [() => randomStream(-1n), 'seed'],
      [() => randomStream(0).split(-2), 'path'],
      [() => randomStream(0).child(1, 0.5), 'path'],
      [() => randomStream(0).int(0), 'n'],
      [() => randomStream(0).int(2 ** 53 + 2), 'n'],
      [() => randomStream(0).permutation(-1), 'n'],
      [() => randomStream(0).choice(5, 6), 'k'],
      [() => randomStream(0).fill(new Float64Array(1), 'cauchy' as 'normal'), 'distribution'],
    ];
    for (const [f, argument] of cases) {
      assert.throws(
        f,
        (e: unknown) =>
          e instanceof InvalidArgumentError && e.argument === argument && /Value: /.test(e.message),
      );
    }
  });
});
