import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { paramsKey } from '../../src/experiments/keys.js';
import { TrialPool } from '../../src/experiments/pool.js';
import { findExperiment } from '../../src/experiments/registry.js';
import { reproduce } from '../../src/experiments/reproduce.js';
import { storeKey } from '../../src/experiments/runner.js';
import { ResultStore } from '../../src/experiments/store.js';
import { sweepMissing } from '../../src/experiments/sweep.js';
import { spawnCli } from './helpers.js';

const NAME = 'error-vs-alpha';
const EXPERIMENT = findExperiment(NAME);
const KEY = storeKey(EXPERIMENT);
const TOTAL = 72; // error-vs-alpha at --size tiny
const SWEEP = [{ experiment: EXPERIMENT, size: 'tiny' as const, key: KEY }];

function withDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-share-'));
  return f(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const HELPER = fileURLToPath(new URL('./claim-and-die.ts', import.meta.url));

describe('rmtkit reproduce: processes sharing one store', () => {
  it('splits the trials between two sweeps on one store: each computed once, by one of them', () =>
    withDir(async (dir) => {
      const file = join(dir, 'results.sqlite');
      const [a, b] = [new ResultStore(file), new ResultStore(file)];
      const [poolA, poolB] = await Promise.all([TrialPool.start(1), TrialPool.start(1)]);
      try {
        const [sa, sb] = await Promise.all([
          sweepMissing(SWEEP, { store: a, pool: poolA }),
          sweepMissing(SWEEP, { store: b, pool: poolB }),
        ]);
        const [ca, cb] = [sa.get(KEY)!.computed, sb.get(KEY)!.computed];
        assert.equal(ca + cb, TOTAL, `computed ${ca} + ${cb}, not each trial once`);
        assert.ok(ca > 0 && cb > 0, `both did work (${ca}, ${cb})`);
        assert.equal(a.count(KEY), TOTAL);
      } finally {
        await Promise.all([poolA.close(), poolB.close()]);
        a.close();
        b.close();
      }
    }));

  it('takes over at once the claims of a process that no longer exists, and waits for a live one', () =>
    withDir(async (dir) => {
      const file = join(dir, 'results.sqlite');
      const store = new ResultStore(file);
      const other = new ResultStore(file);
      const pool = await TrialPool.start(1);
      try {
        const points = EXPERIMENT.points(EXPERIMENT.config('tiny'));
        const slot = (i: number) => ({ params: paramsKey(points[i]), seed: 0 });
        // A live process holds point 0 and stores it 300 ms later; a killed one (same host) held
        // point 1 with a lease of ten minutes.
        assert.equal(other.claims.claim(KEY, [slot(0)], 0, 1).claimed.length, 1);
        const killed = spawnSync(
          process.execPath,
          ['--import', 'tsx', HELPER, file, KEY, slot(1).params, '0'],
          { encoding: 'utf8' },
        );
        assert.equal(killed.signal, 'SIGKILL', killed.stderr);
        const started = performance.now();
        const late = new Promise<void>((resolve) =>
          setTimeout(async () => {
            other.put(KEY, points[0], { seed: 0, ...(await pool.run(NAME, points[0], 0)) });
            resolve();
          }, 300),
        );
        const stats = (await sweepMissing(SWEEP, { store, pool, pollMs: 20 })).get(KEY)!;
        await late;
        assert.equal(stats.computed, TOTAL - 1, 'all but the live process’s trial');
        assert.ok(performance.now() - started >= 300, 'waited for the live holder');
        assert.equal(store.count(KEY), TOTAL);
      } finally {
        await pool.close();
        store.close();
        other.close();
      }
    }));

  it('computes each trial once when two reproduce commands write into one --out', () =>
    withDir(async (dir) => {
      const args = ['reproduce', NAME, '--size', 'tiny', '--out', dir];
      const runs = await Promise.all([
        spawnCli([...args, '--workers', '1', '--json']).done,
        spawnCli([...args, '--workers', '1', '--json']).done,
      ]);
      for (const r of runs) assert.equal(r.code, 0, r.stderr);
      const [x, y] = runs.map((r) => JSON.parse(r.stdout).experiments as any[]);
      for (let i = 0; i < x.length; i++) {
        assert.equal(
          x[i].trials.computed + y[i].trials.computed,
          x[i].trials.total,
          `${x[i].name}: ${x[i].trials.computed} + ${y[i].trials.computed} computed`,
        );
        assert.deepEqual(x[i].checks, y[i].checks, 'and both report the same analysis');
      }
    }));

  it('computes every missing trial before analysing any experiment', () =>
    withDir(async (dir) => {
      let analysedEarly = false;
      const { existsSync } = await import('node:fs');
      await reproduce({
        names: [NAME, 'spectrum'],
        size: 'tiny',
        out: dir,
        workers: 2,
        onProgress: (experiment) => {
          if (experiment === 'spectrum' && existsSync(join(dir, 'tiny', NAME, 'summary.json')))
            analysedEarly = true;
        },
      });
      assert.equal(analysedEarly, false, `${NAME} was analysed while spectrum's trials ran`);
      assert.ok(existsSync(join(dir, 'tiny', NAME, 'summary.json')));
    }));
});
