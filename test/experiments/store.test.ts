import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeValues, encodeValues, paramsKey } from '../../src/experiments/keys.js';
import { rowsToCsv } from '../../src/experiments/rows-csv.js';
import { agreement, zScore } from '../../src/experiments/stats.js';
import { ResultStore } from '../../src/experiments/store.js';
import { meanError } from '../../src/stats/mean-error.js';

describe('experiments/store', () => {
  it('keeps trials across reopening, keyed by canonical parameters and seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-store-'));
    try {
      const file = join(dir, 'results.sqlite');
      const store = new ResultStore(file);
      assert.equal(
        store.put(
          'e',
          { b: 2, a: 1 },
          { seed: 0, values: { x: 0.1, list: [1, 2.5] }, seconds: 0.5, backend: 'js' },
        ),
        true,
      );
      assert.equal(
        store.put('e', { a: 1, b: 2 }, { seed: 0, values: { x: 99 }, seconds: 0, backend: 'js' }),
        false,
        'the same trial is not stored twice',
      );
      store.put(
        'e',
        { a: 1, b: 2 },
        { seed: 3, values: { x: NaN, y: -Infinity }, seconds: 0.1, backend: 'native' },
      );
      store.close();
      const again = new ResultStore(file);
      const trials = again.point('e', { a: 1, b: 2 });
      assert.deepEqual(
        trials.map((t) => t.seed),
        [0, 3],
      );
      assert.deepEqual(trials[0].values, { x: 0.1, list: [1, 2.5] });
      assert.ok(Number.isNaN(trials[1].values.x) && trials[1].values.y === -Infinity);
      assert.deepEqual([...again.storedSeeds('e').get(paramsKey({ a: 1, b: 2 }))!], [0, 3]);
      assert.equal(again.count('e'), 2);
      assert.equal(again.count('other'), 0);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips doubles exactly through the value encoding', () => {
    const values = { a: 0.1 + 0.2, b: -0, c: 5e-324, d: [Math.PI, 1e308] };
    assert.deepEqual(decodeValues(encodeValues(values)), values);
  });
});

describe('experiments/stats and CSV', () => {
  it('computes the standard error of the mean with divisor n − 1', () => {
    const s = meanError([1, 2, 3, 4]);
    assert.equal(s.mean, 2.5);
    assert.ok(Math.abs(s.stderr - Math.sqrt(5 / 3 / 4)) < 1e-15);
  });

  it('subtracts the finite-size allowance before judging agreement', () => {
    const c = {
      quantity: 'q',
      at: 'p',
      theory: 1,
      simulation: 1.05,
      stderr: 0.01,
      trials: 10,
      finiteSize: 0.02,
      claim: true,
    };
    assert.ok(Math.abs(zScore(c) - 5) < 1e-12);
    assert.ok(Math.abs(zScore(c, true) - 3) < 1e-12);
    assert.equal(agreement([c]).agrees, true);
    assert.equal(agreement([{ ...c, finiteSize: 0 }]).agrees, false);
    assert.equal(
      agreement([{ ...c, finiteSize: 0, claim: false }]).agrees,
      true,
      'unclaimed checks are reported only',
    );
  });

  it('writes figure rows as CSV with the union of their fields and quoted text', () => {
    assert.equal(
      rowsToCsv([
        { x: 1, kind: 'a,b' },
        { x: 2, y: null, z: 'say "hi"' },
      ]),
      'x,kind,y,z\n1,"a,b",,\n2,,,"say ""hi"""\n',
    );
  });
});
