import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sketchingExperiment } from '../../src/experiments/defs/sketching.js';
import { analyseSketching } from '../../src/experiments/defs/sketching-analysis.js';
import { agreement, Z_LIMIT, zScore } from '../../src/experiments/stats.js';
import { trialStream } from '../../src/experiments/trial.js';

describe('rmtkit reproduce sketching (quick size, Gaussian family)', () => {
  const config = sketchingExperiment.config('quick');
  const points = sketchingExperiment
    .points(config)
    .filter((p) => p.family === 'gaussian')
    .map((params) => ({
      params,
      trials: Array.from({ length: sketchingExperiment.trials(config) }, (_, seed) =>
        sketchingExperiment.simulate(params, trialStream('sketching', seed)),
      ),
    }));
  const analysis = analyseSketching(config, points);

  it('claims every Gaussian check: edges, excess residual and inversion bias at each l/d', () => {
    assert.equal(points.length, config.ratios.length);
    assert.equal(analysis.checks.length, 4 * config.ratios.length);
    assert.ok(analysis.checks.every((c) => c.claim));
  });

  it(`agrees with d/(l − d − 1) and l/(l − d − 1) (exact) within ${Z_LIMIT} standard errors`, () => {
    for (const c of analysis.checks.filter((c) => c.finiteSize === 0))
      assert.ok(zScore(c) <= Z_LIMIT, JSON.stringify(c));
  });

  it(`agrees with the edges 1 ± √(d/l) within ${Z_LIMIT} standard errors plus two Tracy–Widom scales`, () => {
    const result = agreement(analysis.checks);
    assert.ok(result.agrees, JSON.stringify(result.worst));
  });

  it('writes three figures whose rows hold the theory lines and one simulated point per l/d', () => {
    assert.deepEqual(
      analysis.figures.map((f) => f.name),
      ['edges', 'sketch-and-solve', 'inversion-bias'],
    );
    for (const f of analysis.figures) {
      assert.ok(f.rows.some((r) => r.kind === 'theory'));
      const simulated = f.rows.filter((r) => r.kind === 'simulation');
      assert.equal(simulated.length, (f.name === 'edges' ? 2 : 1) * config.ratios.length);
    }
  });
});
