import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { philox4x32 } from '../../src/random/philox.js';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/random/philox.json', import.meta.url), 'utf8'),
) as {
  blocks: { counter: number[]; key: number[]; out: number[] }[];
};

function block(counter: number[], key: number[]): number[] {
  const [c0, c1, c2, c3] = counter as [number, number, number, number];
  return Array.from(philox4x32(c0, c1, c2, c3, key[0]!, key[1]!, new Uint32Array(4)));
}

describe('philox4x32', () => {
  it('reproduces the Random123 known-answer vectors for philox4x32_10', () => {
    assert.deepEqual(block([0, 0, 0, 0], [0, 0]), [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]);
    const ones = 0xffffffff;
    assert.deepEqual(
      block([ones, ones, ones, ones], [ones, ones]),
      [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
    );
    assert.deepEqual(
      block([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0]),
      [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
    );
  });

  it('matches an exact big-integer Python implementation on 64 random counters and keys', () => {
    for (const { counter, key, out } of fixture.blocks) assert.deepEqual(block(counter, key), out);
  });

  it('writes into the given offset and takes its arguments modulo 2³²', () => {
    const out = new Uint32Array(8);
    philox4x32(-1, -1, -1, -1, 2 ** 32 - 1, -1, out, 4);
    assert.deepEqual(Array.from(out.subarray(4)), [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]);
    assert.deepEqual(Array.from(out.subarray(0, 4)), [0, 0, 0, 0]);
  });
});
