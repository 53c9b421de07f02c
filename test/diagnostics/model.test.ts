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

  it('treats 2-D tensors (size-1 dimensions dropped) and Conv1D/Conv2D kernels (rf slices) as layers, and lists the rest with reasons', async () => {
    const conv2d = tensor('conv2d', [6, 4, 3, 3], 9);
    const odd = tensor('five', [2, 3, 4, 5, 6], 10);
    const result = await diagnoseModel([{ ...file, tensors: [...file.tensors, conv2d, odd] }], {
      maxEvals: 80,
    });
    assert.deepEqual(
      result.layers.map((l) => [l.name, l.ww.layerId, l.ww.N, l.ww.M, l.ww.rf, l.ww.numEvals]),
      [
        ['lstm', 0, 256, 64, 1, 64],
        ['pointwise', 1, 48, 32, 1, 32],
        ['conv', 2, 16, 8, 3, 24],
        ['conv2d', 8, 6, 4, 9, 36],
      ],
    );
    // rmtkit's own metrics of a convolution: the pooled eigenvalues of the unscaled slices (the ww
    // block's are scaled by WeightWatcher's conv2d_norm √(1/2), so λ halves).
    const conv = result.layers[3]!;
    assert.equal(conv.M, 36);
    assert.ok(Math.abs(conv.spectral_norm - 2 * conv.ww.lambdaMax) <= 1e-12 * conv.spectral_norm);
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.name, s.reason]));
    assert.match(reasons.five!, /^5-D tensor with no matrix reading/);
    assert.match(reasons.bias!, /^a vector, not a matrix/);
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
      // mp_softrank: rmtkit's MP fit is for one N×M matrix, so the Conv1D layer has none
      const have = layers.filter((l) => Number.isFinite(l[key]));
      assert.equal(have.length, key === 'mp_softrank' ? layers.length - 1 : layers.length, key);
      const mean = have.reduce((s, l) => s + (l[key] as number), 0) / have.length;
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
