import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseModel } from '../../src/diagnostics/model.js';
import { toColumns, toRecords } from '../../src/diagnostics/records.js';
import type { WeightFile } from '../../src/io/weights/tensor.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';

describe('diagnostics as a table', () => {
  const tensor = (name: string, rows: number, cols: number, seed: number) => ({
    name,
    shape: [rows, cols],
    data: gaussianMatrix(rows, cols, seed).data,
    dtype: 'float32',
    floating: true,
  });
  const file: WeightFile = {
    file: 'model.safetensors',
    format: 'safetensors',
    tensors: [tensor('a', 120, 60, 1), tensor('b', 90, 70, 2)],
    skipped: [],
  };

  it('gives one flat record of scalars per layer, equal to the layer rows', async () => {
    const result = await diagnoseModel([file], { mpFit: true });
    const records = toRecords(result);
    assert.equal(records.length, 2);
    for (const [i, r] of records.entries()) {
      const layer = result.layers[i]!;
      assert.equal(r.name, layer.name);
      assert.equal(r.shape, layer.shape.join('x'));
      assert.equal(r.alpha, layer.alpha);
      assert.equal(r.sigma_mp, layer.sigma_mp);
      for (const v of Object.values(r))
        assert.ok(v === null || typeof v === 'string' || typeof v === 'number', String(v));
      assert.equal('rand_distance' in r, false, 'metrics that were not computed are left out');
    }
    const columns = toColumns(result, ['alpha', 'entropy']);
    assert.deepEqual(Object.keys(columns), ['file', 'name', 'shape', 'alpha', 'entropy']);
    assert.deepEqual(
      columns.alpha,
      result.layers.map((l) => l.alpha),
    );
  });
});
