import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseModel } from '../../src/diagnostics/model.js';
import { summarize } from '../../src/diagnostics/summary.js';
import type { WeightFile } from '../../src/io/weights/tensor.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';

const tensor = (
  name: string,
  shape: number[],
  seed: number,
  dtype = 'float32',
  floating = true,
) => {
  const count = shape.reduce((a, b) => a * b, 1);
  return { name, shape, data: gaussianMatrix(1, count, seed).data, dtype, floating };
};

describe('diagnoseModel', () => {
  const file: WeightFile = {
    file: 'model.onnx',
    format: 'onnx',
    tensors: [
      tensor('lstm', [1, 256, 64], 1),
      tensor('pointwise', [32, 48, 1], 2),
      tensor('conv', [16, 8, 3], 3),
      tensor('bias', [64], 4),
      tensor('shape', [2, 3], 5, 'int64', false),
      tensor('tiny', [40, 6], 6),
      tensor('huge', [200, 100], 7),
      {
        ...tensor('broken', [20, 20], 8),
        data: Float64Array.from({ length: 400 }, (_, k) => (k === 17 ? NaN : 1)),
      },
    ],
    skipped: [{ name: 'sparse', reason: 'sparse initializers are not read' }],
  };

  it('treats tensors that are 2-D once size-1 dimensions are dropped as layers, and skips the rest with reasons', async () => {
    const result = await diagnoseModel([file], { maxEvals: 80 });
    assert.deepEqual(
      result.layers.map((l) => [l.name, l.N, l.M]),
      [
        ['lstm', 256, 64],
        ['pointwise', 48, 32],
      ],
    );
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.name, s.reason]));
    assert.match(reasons.conv!, /^not 2-D \(shape \[16, 8, 3\]\)/);
    assert.match(reasons.bias!, /^not 2-D/);
    assert.match(reasons.shape!, /not a floating-point tensor \(int64\)/);
    assert.match(reasons.tiny!, /too small: 6 eigenvalues < min-evals 10/);
    assert.match(reasons.huge!, /too large: 100 eigenvalues > max-evals 80/);
    assert.match(reasons.broken!, /non-finite entries \(NaN at flat index 17\)/);
    assert.equal(reasons.sparse, 'sparse initializers are not read');
  });

  it('averages each metric over the layers where it is finite (the summary row)', async () => {
    const result = await diagnoseModel([file], { mpFit: true });
    const { layers, summary } = result;
    assert.equal(summary.num_layers, layers.length);
    for (const key of [
      'log_norm',
      'alpha',
      'alpha_weighted',
      'log_alpha_norm',
      'log_spectral_norm',
      'stable_rank',
      'mp_softrank',
    ] as const) {
      const mean = layers.reduce((s, l) => s + (l[key] as number), 0) / layers.length;
      assert.ok(Math.abs(summary[key]! - mean) < 1e-12 * Math.abs(mean), key);
    }
    const partial = summarize([{ ...layers[0]!, alpha: NaN }, layers[1]!]);
    assert.equal(partial.alpha, layers[1]!.alpha);
    assert.equal(partial.rand_distance, undefined);
  });

  it('randomises each layer with its own seeded stream: the same seed gives the same traps', async () => {
    const a = await diagnoseModel([file], { randomize: true, seed: 3 });
    const b = await diagnoseModel([file], { randomize: true, seed: 3 });
    assert.deepEqual(
      a.layers.map((l) => l.rand_distance),
      b.layers.map((l) => l.rand_distance),
    );
    assert.notEqual(
      a.layers[0]!.rand_distance,
      (await diagnoseModel([file], { randomize: true, seed: 4 })).layers[0]!.rand_distance,
    );
  });
});
