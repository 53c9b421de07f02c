import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError, NonFiniteError } from '../../src/errors.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { denseOperator } from '../../src/operators/linear-operator.js';
import { sketchingOperator } from '../../src/sketch/operator.js';
import type { SketchDistribution } from '../../src/sketch/types.js';
import { FAMILIES, label, optionsFor, rampProbabilities } from './operator-helpers.js';

/** Asserts that `run` throws an InvalidArgumentError naming `argument`. */
function throwsNaming(run: () => unknown, argument: string, what = argument): void {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof InvalidArgumentError, `${what}: ${String(e)}`);
    assert.equal(e.argument, argument, `${what}: ${e.message}`);
    assert.match(e.message, new RegExp(`^invalid argument: ${argument.replace('.', '\\.')} `));
    return true;
  });
}

const SASO: SketchDistribution = { kind: 'saso', vecNnz: 2 };

describe('sketchingOperator invalid inputs', () => {
  it('names rows and cols unless they are integers in [1, 2³¹)', () => {
    for (const bad of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      throwsNaming(
        () => sketchingOperator({ kind: 'gaussian' }, bad, 10, 1),
        'rows',
        `rows = ${bad}`,
      );
      throwsNaming(
        () => sketchingOperator({ kind: 'gaussian' }, 3, bad, 1),
        'cols',
        `cols = ${bad}`,
      );
    }
  });

  it('names the distribution, its vecNnz (integer, ≤ rows) and its sampling', () => {
    throwsNaming(
      () => sketchingOperator({ kind: 'sparse' } as unknown as SketchDistribution, 3, 10, 1),
      'distribution',
    );
    throwsNaming(
      () => sketchingOperator(null as unknown as SketchDistribution, 3, 10, 1),
      'distribution',
    );
    for (const vecNnz of [0, 1.5, Number.NaN, 4])
      throwsNaming(
        () => sketchingOperator({ kind: 'saso', vecNnz }, 3, 10, 1),
        'distribution.vecNnz',
        `vecNnz ${vecNnz}`,
      );
    const badSampling = { kind: 'laso', sampling: 'norms' } as unknown as SketchDistribution;
    throwsNaming(() => sketchingOperator(badSampling, 3, 10, 1), 'distribution.sampling');
  });

  it('names the seed when it is not a non-negative integer or a string', () => {
    for (const seed of [-1, 0.5, Number.NaN])
      throwsNaming(() => sketchingOperator(SASO, 3, 10, seed), 'seed');
  });

  it('names rows for an srht larger than the padded length n′', () => {
    throwsNaming(() => sketchingOperator({ kind: 'srht' }, 17, 9, 1), 'rows');
    assert.equal(sketchingOperator({ kind: 'srht' }, 16, 9, 1).rows, 16);
  });

  it('names probabilities: required by laso:leverage only, of length n, finite, ≥ 0 and summing to 1 ± 1e-8', () => {
    const leverage: SketchDistribution = { kind: 'laso', sampling: 'leverage' };
    throwsNaming(() => sketchingOperator(leverage, 3, 4, 1), 'probabilities', 'missing');
    throwsNaming(
      () =>
        sketchingOperator({ kind: 'laso', sampling: 'uniform' }, 3, 4, 1, {
          probabilities: rampProbabilities(4),
        }),
      'probabilities',
      'not leverage',
    );
    throwsNaming(
      () => sketchingOperator(leverage, 3, 4, 1, { probabilities: rampProbabilities(5) }),
      'probabilities',
      'length',
    );
    for (const p of [
      [0.5, 0.5, Number.NaN, 0],
      [0.5, 0.6, -0.1, 0],
      [0.25, 0.25, 0.25, 0.2],
      [0.25, 0.25, 0.25, 0.25 + 2e-8],
    ])
      throwsNaming(
        () => sketchingOperator(leverage, 3, 4, 1, { probabilities: Float64Array.from(p) }),
        'probabilities',
        String(p),
      );
    const close = Float64Array.from([0.25, 0.25, 0.25, 0.25 + 5e-9]);
    assert.equal(sketchingOperator(leverage, 3, 4, 1, { probabilities: close }).rows, 3);
  });

  for (const d of FAMILIES) {
    it(`${label(d)}: names a or x for a wrong shape and reports the first non-finite entry`, () => {
      const s = sketchingOperator(d, 4, 8, 1, optionsFor(d, 8));
      throwsNaming(() => s.applyLeft(Matrix.zeros(7, 2)), 'a', 'applyLeft');
      throwsNaming(() => s.applyRight(Matrix.zeros(2, 9)), 'a', 'applyRight');
      throwsNaming(() => s.applyOperator(denseOperator(Matrix.zeros(9, 2))), 'a', 'applyOperator');
      throwsNaming(() => s.applyVector(new Float64Array(7)), 'x', 'applyVector');
      const a = Matrix.zeros(8, 3);
      a.data[2 * 3 + 1] = Number.NaN;
      assert.throws(
        () => s.applyLeft(a),
        (e: unknown) =>
          e instanceof NonFiniteError && e.argument === 'a' && e.row === 2 && e.col === 1,
      );
      assert.throws(
        () => s.applyRight(a.transpose()),
        (e: unknown) => e instanceof NonFiniteError && e.row === 1 && e.col === 2,
      );
      const x = new Float64Array(8);
      x[5] = Number.POSITIVE_INFINITY;
      assert.throws(
        () => s.applyVector(x),
        (e: unknown) => e instanceof NonFiniteError && e.argument === 'x' && e.row === 5,
      );
    });
  }
});
