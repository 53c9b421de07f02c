// A child process of bench/queue.ts: `worker <rmtkit worker flags>` runs `rmtkit worker` from the
// sources; `coordinator <queue url> <queue name> <store file> <d> <points> <trials>` runs the
// error-vs-alpha trials of a custom grid (d, `points` values of α × 2 models × 2 λ, `trials` seeds
// each) through the queue into the store, then prints one JSON line: computed, reused, sweep
// seconds. The grid is the one bench/queue.ts also runs locally (see `sweep` there).
import { main } from '../src/cli/main.js';
import { openQueueRunner } from '../src/experiments/queue/open.js';
import { runExperiment } from '../src/experiments/runner.js';
import { ResultStore } from '../src/experiments/store.js';
import { sweep } from './queue-sweep.js';

const [role, ...rest] = process.argv.slice(2);
if (role === 'worker') {
  await main(['node', 'rmtkit', 'worker', ...rest]);
} else {
  const [url, name, file, d, points, trials] = rest;
  const store = new ResultStore(file);
  const runner = await openQueueRunner({ url, name }, store);
  try {
    const run = await runExperiment(sweep(Number(d), Number(points), Number(trials)), {
      size: 'full',
      store,
      pool: runner,
    });
    console.log(JSON.stringify({ ...run.trials, sweep: run.seconds.sweep }));
  } finally {
    await runner.close();
    store.close();
  }
}
