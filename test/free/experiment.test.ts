import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freeDecompression } from '../../src/experiments/defs/free-decompression.js';
import { agreement } from '../../src/experiments/stats.js';
import { trialStream } from '../../src/experiments/trial.js';

describe('rmtkit reproduce free-decompression (tiny size, n_s = 200)', () => {
  const config = freeDecompression.config('tiny');
  const results = freeDecompression.points(config).map((params) => ({
    params,
    trials: Array.from({ length: freeDecompression.trials(config) }, (_, seed) =>
      freeDecompression.simulate(params, trialStream('free-decompression', seed)),
    ),
  }));

  it('meets total variation ≤ 3 % (×8), ≤ 5 % (×32) and the moments to 1 % for every ensemble', async () => {
    const analysis = await freeDecompression.analyse(config, results);
    assert.equal(analysis.checks.length, 3 * 3 * 2);
    const result = agreement(analysis.checks);
    assert.ok(result.agrees, JSON.stringify(result.worst));
  });

  it('draws the fit and the decompressed densities with the law in every panel', async () => {
    const { figures } = await freeDecompression.analyse(config, results);
    assert.deepEqual(
      figures.map((f) => f.name),
      ['fit', 'decompressed'],
    );
    for (const f of figures) {
      const ensembles = new Set(f.rows.map((r) => r.ensemble));
      assert.equal(ensembles.size, 3);
      assert.ok(f.rows.some((r) => r.series === 'law'));
    }
  });
});
