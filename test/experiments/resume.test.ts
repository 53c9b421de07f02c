import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findExperiment } from '../../src/experiments/registry.js';
import { reproduce } from '../../src/experiments/reproduce.js';
import { storeKey } from '../../src/experiments/runner.js';
import { ResultStore } from '../../src/experiments/store.js';
import { spawnCli } from './helpers.js';

const NAME = 'error-vs-alpha';
const KEY = storeKey(findExperiment(NAME));

function stored(out: string): number {
  const store = new ResultStore(join(out, 'results.sqlite'));
  try {
    return store.count(KEY);
  } finally {
    store.close();
  }
}

function dump(out: string) {
  const store = new ResultStore(join(out, 'results.sqlite'));
  try {
    return store.dump(KEY);
  } finally {
    store.close();
  }
}

describe('rmtkit reproduce: resume after kill', () => {
  it('resumes a killed sweep without losing or repeating a trial and ends equal to an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-resume-'));
    try {
      const killed = join(dir, 'killed');
      const args = [
        'reproduce',
        NAME,
        '--size',
        'tiny',
        '--out',
        killed,
        '--workers',
        '1',
        '--json',
      ];
      const total = 72;
      let before = 0;
      // Kill the sweep once a few trials are stored (the WAL store is readable meanwhile). On a
      // machine so loaded that the whole sweep ends between two polls, start over (at most 3
      // times).
      for (let attempt = 0; attempt < 3 && !(before > 0 && before < total); attempt++) {
        rmSync(killed, { recursive: true, force: true });
        const first = spawnCli(args);
        let exited = false;
        void first.done.then(() => (exited = true));
        while (!exited && stored(killed) < 5) await new Promise((r) => setTimeout(r, 10));
        first.child.kill('SIGKILL');
        await first.done;
        before = stored(killed);
      }
      assert.ok(before > 0 && before < total, `killed mid-way (${before} of ${total} stored)`);

      const second = await spawnCli(args).done;
      assert.equal(second.code, 0, second.stderr);
      const resumed = JSON.parse(second.stdout).experiments[0];
      assert.equal(resumed.trials.total, total);
      assert.equal(resumed.trials.reused, before, 'every trial stored before the kill is reused');
      assert.equal(
        resumed.trials.computed,
        total - before,
        'and only the missing ones are computed',
      );

      const clean = join(dir, 'clean');
      await reproduce({ names: [NAME], size: 'tiny', out: clean, workers: 2 });
      const again = await reproduce({ names: [NAME], size: 'tiny', out: clean, workers: 1 });
      assert.equal(
        again.experiments[0].trials.computed,
        0,
        'the same command on the same store computes nothing',
      );
      assert.deepEqual(dump(killed), dump(clean), 'identical trial values, bit for bit');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
