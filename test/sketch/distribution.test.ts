import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { formatSketch, parseSketch, SKETCH_SYNTAX } from '../../src/sketch/distribution.js';
import type { SketchDistribution } from '../../src/sketch/types.js';

describe('parseSketch and formatSketch', () => {
  it('reads every documented form', () => {
    const cases: [string, SketchDistribution][] = [
      ['gaussian', { kind: 'gaussian' }],
      ['uniform', { kind: 'uniform' }],
      ['rademacher', { kind: 'rademacher' }],
      ['saso', { kind: 'saso', vecNnz: 8 }],
      ['saso:1', { kind: 'saso', vecNnz: 1 }],
      ['saso:12', { kind: 'saso', vecNnz: 12 }],
      ['laso', { kind: 'laso', sampling: 'uniform' }],
      ['laso:uniform', { kind: 'laso', sampling: 'uniform' }],
      ['laso:leverage', { kind: 'laso', sampling: 'leverage' }],
      ['srht', { kind: 'srht' }],
      [' srht ', { kind: 'srht' }],
    ];
    for (const [text, expected] of cases) assert.deepEqual(parseSketch(text), expected, text);
  });

  it('round-trips: parse(format(d)) = d and format(parse(s)) is the canonical string', () => {
    for (const text of [
      'gaussian',
      'uniform',
      'rademacher',
      'saso',
      'saso:3',
      'laso',
      'laso:leverage',
      'srht',
    ]) {
      assert.equal(formatSketch(parseSketch(text)), text);
      assert.deepEqual(parseSketch(formatSketch(parseSketch(text))), parseSketch(text));
    }
    assert.equal(formatSketch(parseSketch('saso:8')), 'saso');
    assert.equal(formatSketch(parseSketch('laso:uniform')), 'laso');
  });

  it('rejects other strings with an error naming the argument, listing the syntax and echoing the text', () => {
    for (const text of [
      '',
      'Gaussian',
      'sparse',
      'gaussian:2',
      'srht:4',
      'laso:norms',
      'saso:',
      'saso:0',
      'saso:2.5',
      'saso:-1',
      'saso:1:2',
      'saso:1e3',
    ]) {
      assert.throws(
        () => parseSketch(text),
        (e: unknown) => {
          assert.ok(e instanceof InvalidArgumentError, text);
          assert.equal(e.argument, 'sketch');
          assert.equal(e.value, text);
          return true;
        },
      );
    }
    assert.throws(() => parseSketch('nope', '--sketch'), {
      message: `invalid argument: --sketch must be one of ${SKETCH_SYNTAX}. Value: "nope".`,
    });
  });

  it('formatSketch names distribution for an invalid one', () => {
    assert.throws(
      () => formatSketch({ kind: 'saso', vecNnz: 0 }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'distribution.vecNnz',
    );
  });
});
