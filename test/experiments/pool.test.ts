import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TrialPool } from '../../src/experiments/pool.js';
import { findExperiment } from '../../src/experiments/registry.js';
import { runTrial } from '../../src/experiments/trial.js';

describe('trial pool', () => {
  it('keeps two trials sent to each worker, answers each with its own values, and fails only the trial that threw', async () => {
    const experiment = findExperiment('error-vs-alpha');
    const params = experiment.points(experiment.config('tiny'))[3];
    const pool = await TrialPool.start(1);
    try {
      assert.equal(pool.capacity, 2);
      // All at once: the worker gets two, the pool queues the rest and sends each as one returns.
      const runs = [0, -1, 1, 2, 3].map((seed) =>
        seed < 0
          ? pool.run('no-such-experiment', params, 0)
          : pool.run(experiment.name, params, seed),
      );
      const settled = await Promise.allSettled(runs);
      const failed = settled[1];
      assert.equal(failed.status, 'rejected');
      assert.match(String((failed as PromiseRejectedResult).reason), /no-such-experiment/);
      for (const [i, seed] of [
        [0, 0],
        [2, 1],
        [3, 2],
        [4, 3],
      ]) {
        const result = settled[i];
        assert.equal(result.status, 'fulfilled', `trial ${seed}`);
        assert.deepEqual(
          (result as PromiseFulfilledResult<{ values: unknown }>).value.values,
          runTrial(experiment, params, seed).values,
          `trial ${seed}`,
        );
      }
      assert.equal(pool.broken, false);
    } finally {
      await pool.close();
    }
  });

  it('rejects every trial sent or queued once it is closed', async () => {
    const experiment = findExperiment('error-vs-alpha');
    const params = experiment.points(experiment.config('tiny'))[3];
    const pool = await TrialPool.start(1);
    const runs = [0, 1, 2].map((seed) => pool.run(experiment.name, params, seed));
    const settling = Promise.allSettled(runs);
    await pool.close();
    const settled = await settling;
    assert.equal(settled.at(-1)!.status, 'rejected', 'the queued trial');
    await assert.rejects(pool.run(experiment.name, params, 4), /trial pool closed/);
  });
});
