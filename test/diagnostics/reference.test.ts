import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseMatrix, type LayerDiagnostics } from '../../src/diagnostics/layer.js';
import { expectedMetrics, fixtureMatrices } from './helpers.js';

const { matrices, permutations } = fixtureMatrices();
const INTEGERS = new Set([
  'N',
  'M',
  'matrix_rank',
  'num_pl_spikes',
  'num_spikes',
  'rand_num_spikes',
  'num_fingers',
]);
// The MP fit of a rank-deficient matrix rests on its numerically zero eigenvalues (1e-13·λmax
// from a Gram eigensolver, 1e-28·λmax from numpy's SVD): not a deterministic quantity.
const NOT_DETERMINISTIC: Record<string, string[]> = {
  rankdef: ['sigma_mp', 'bulk_min', 'bulk_max', 'spike_threshold', 'num_spikes', 'mp_softrank'],
};

/** Every numeric metric numpy computed agrees to 1e-8 relative; counts and ranks exactly. */
function compare(name: string, got: LayerDiagnostics, want: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(want)) {
    if (NOT_DETERMINISTIC[name]?.includes(key)) continue;
    const actual = (got as unknown as Record<string, unknown>)[key];
    if (key === 'traps') {
      assert.equal((actual as number[]).length, (value as number[]).length, `${name} traps`);
      (value as number[]).forEach((v, k) =>
        assert.ok(
          Math.abs((actual as number[])[k]! - v) <= 1e-8 * Math.abs(v),
          `${name} trap ${k}`,
        ),
      );
    } else if (typeof value === 'number') {
      if (INTEGERS.has(key)) assert.equal(actual, value, `${name}.${key}`);
      else
        assert.ok(
          Math.abs((actual as number) - value) <= 1e-8 * Math.abs(value),
          `${name}.${key}: ${actual} vs ${value}`,
        );
    } else if (typeof value === 'string') assert.equal(actual, value, `${name}.${key}`);
  }
}

describe('layer metrics against the numpy/scipy reference (bench/diagnose_numpy.py)', () => {
  for (const [name, W] of matrices) {
    const want = expectedMetrics[name]!;
    it(`${name} (${W.rows}×${W.cols}): eigenvalues match numpy's SVD to 1e-12·λmax`, () => {
      const got = diagnoseMatrix(W).evals;
      const top = want.evals[want.evals.length - 1]!;
      want.evals.forEach((v, k) =>
        assert.ok(Math.abs(got[k]! - v) <= 1e-12 * top, `λ${k}: ${got[k]} vs ${v}`),
      );
    });

    it(`${name}: norms, rank, entropy, power-law fit, MP fit${permutations.has(name) ? ', correlation traps' : ''} agree to 1e-8`, () => {
      compare(
        name,
        diagnoseMatrix(W, {
          mpFit: true,
          randomize: permutations.has(name),
          seed: permutations.get(name),
        }),
        want.plain,
      );
    });

    it(`${name}: the fit without fingers agrees to 1e-8`, () => {
      compare(name, diagnoseMatrix(W, { fixFingers: true }), want.fingers);
    });

    if (want.tpl) {
      it(`${name}: the truncated power law (α, Λ, D) agrees to 1e-8`, () => {
        compare(name, diagnoseMatrix(W, { fit: 'TPL' }), want.tpl!);
      });
    }
  }
});
