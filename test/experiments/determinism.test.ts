import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TrialPool } from '../../src/experiments/pool.js';
import { findExperiment } from '../../src/experiments/registry.js';
import { runExperiment, storeKey } from '../../src/experiments/runner.js';
import { ResultStore } from '../../src/experiments/store.js';
import { runTrial } from '../../src/experiments/trial.js';

async function sweep(name: string, pool: TrialPool) {
  const store = new ResultStore(':memory:');
  try {
    await runExperiment(findExperiment(name), { size: 'tiny', store, pool });
    return store.dump(storeKey(findExperiment(name)));
  } finally {
    store.close();
  }
}

describe('rmtkit reproduce: determinism', () => {
  it('stores bit-identical trials with 1 and 2 worker threads', async () => {
    const [single, double] = await Promise.all([TrialPool.start(1), TrialPool.start(2)]);
    try {
      for (const name of ['error-vs-lambda', 'spectrum']) {
        const one = await sweep(name, single);
        const two = await sweep(name, double);
        assert.ok(one.length > 0);
        assert.deepEqual(two, one, name);
      }
    } finally {
      await Promise.all([single.close(), double.close()]);
    }
  });

  it('gives a worker the same trial values as the main thread', async () => {
    const experiment = findExperiment('error-vs-alpha');
    const params = experiment.points(experiment.config('tiny'))[3];
    const pool = await TrialPool.start(1);
    try {
      const inWorker = await pool.run(experiment.name, params, 2);
      assert.deepEqual(inWorker.values, runTrial(experiment, params, 2).values);
    } finally {
      await pool.close();
    }
  });
});
