// Distributed sweeps (issue 19, docs/distributed.md): error-vs-alpha trials of a custom grid
// through `rmtkit reproduce --queue`'s machinery (BullMQ on a redis-server started here on a
// random loopback port) against the local worker-thread pool, in the same run:
// 1. identity: a sweep of ≥ 2000 small trials with 1, 2 and 4 `rmtkit worker` processes (each in
//    its own folder, one trial thread each) gives a store identical, bit for bit, to the local
//    run's;
// 2. faults: the same sweep with 2 workers, 5 kill -9 of a random worker (a new one started each
//    time) and 1 kill -9 of the coordinator (restarted) at random points: lost, duplicated and
//    differing trials are counted (all must be 0);
// 3. overhead: trials/s through the queue with 2 worker processes against the local pool of 2
//    threads, for trials of ~50 ms; rounds alternate, each side keeps its best round.
// Usage: node --import tsx bench/queue.ts [--trials 100] [--points 5] [--d 150] [--slow-d 300]
// [--slow-trials 50] [--rounds 2] [--seed 1]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrialPool } from '../src/experiments/pool.js';
import { runExperiment, storeKey } from '../src/experiments/runner.js';
import { ResultStore } from '../src/experiments/store.js';
import { startRedis } from '../test/experiments/redis.js';
import { parseArgs } from './args.js';
import { sweep } from './queue-sweep.js';

const args = parseArgs(process.argv.slice(2));
const trials = Number(args.trials ?? 100); // per point; 5 α × 2 models × 2 λ = 20 points
const points = Number(args.points ?? 5);
const d = Number(args.d ?? 150);
const slowD = Number(args['slow-d'] ?? 300);
const slowTrials = Number(args['slow-trials'] ?? 50); // × 4 points
const rounds = Number(args.rounds ?? 2);
let seed = Number(args.seed ?? 1);
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const KEY = storeKey(sweep(d, points, trials));
const CHILD = fileURLToPath(new URL('./queue-child.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const dir = mkdtempSync(join(tmpdir(), 'rmtkit-bench-queue-'));
const redis = await startRedis();
const load = [loadavg()[0]];
let folders = 0;

interface Child {
  child: ChildProcess;
  out: () => string;
  done: Promise<number | null>;
}

function start(argv: string[]): Child {
  const cwd = join(dir, `host-${folders++}`);
  mkdirSync(cwd);
  const child = spawn(process.execPath, ['--import', TSX, CHILD, ...argv], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (err += b));
  const done = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  void done.then((code) => {
    if (code !== 0 && child.signalCode === null) console.error(err);
  });
  return { child, out: () => out, done };
}

/** Starts a worker process and waits until it listens (its banner on stderr). */
async function worker(queue: string, stall = 30): Promise<Child> {
  const w = start([
    'worker',
    '--queue',
    redis.url,
    '--queue-name',
    queue,
    '--stall-timeout',
    String(stall),
  ]);
  let err = '';
  w.child.stderr!.on('data', (b) => (err += b));
  while (!err.includes('Ctrl-C to stop')) {
    if (w.child.exitCode !== null) throw new Error(`worker exited: ${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return w;
}

function coordinator(queue: string, file: string, grid: [number, number, number]): Child {
  return start(['coordinator', redis.url, queue, file, ...grid.map(String)]);
}

async function stop(workers: Child[]): Promise<number> {
  for (const w of workers) w.child.kill('SIGINT');
  await Promise.all(workers.map((w) => w.done));
  return workers.reduce((n, w) => n + w.out().split('\n').filter(Boolean).length, 0);
}

function dump(file: string) {
  const store = new ResultStore(file);
  try {
    return { rows: store.dump(KEY), count: store.count(KEY) };
  } finally {
    store.close();
  }
}

function compare(local: ReturnType<typeof dump>['rows'], file: string) {
  const { rows, count } = dump(file);
  const want = new Map(local.map((r) => [`${r.params}|${r.seed}`, r.values]));
  let differing = 0;
  for (const r of rows) if (want.get(`${r.params}|${r.seed}`) !== r.values) differing++;
  return {
    lost: local.length - rows.length,
    duplicated: count - new Set(rows.map((r) => `${r.params}|${r.seed}`)).size,
    differing,
    identical: JSON.stringify(rows) === JSON.stringify(local),
  };
}

async function localRun(grid: [number, number, number], file: string, pool: TrialPool) {
  const store = new ResultStore(file);
  try {
    const run = await runExperiment(sweep(...grid), { size: 'full', store, pool });
    return { sweep: run.seconds.sweep, cpu: run.seconds.trialsCpu / run.trials.computed };
  } finally {
    store.close();
  }
}

const grid: [number, number, number] = [d, points, trials];
const total = points * 4 * trials;
console.log(`# ${total} trials of error-vs-alpha at d = ${d}; redis-server on port ${redis.port}`);
const pool = await TrialPool.start(2);
const reference = join(dir, 'local.sqlite');
const ref = await localRun(grid, reference, pool);
const local = dump(reference).rows;
console.log(
  `local pool, 2 threads: ${(total / ref.sweep).toFixed(0)} trials/s (${(1000 * ref.cpu).toFixed(1)} ms per trial)`,
);

console.log('\n## identity: stores through the queue vs the local store');
console.log('workers | trials/s | lost | duplicated | differing | identical');
let twoWorkers = 0;
for (const k of [1, 2, 4]) {
  const queue = `identity-${k}`;
  const workers = await Promise.all(Array.from({ length: k }, () => worker(queue)));
  const c = coordinator(queue, join(dir, `${queue}.sqlite`), grid);
  await c.done;
  await stop(workers);
  const r = JSON.parse(c.out()) as { sweep: number };
  if (k === 2) twoWorkers = r.sweep;
  const v = compare(local, join(dir, `${queue}.sqlite`));
  console.log(
    `${k} | ${(total / r.sweep).toFixed(0)} | ${v.lost} | ${v.duplicated} | ${v.differing} | ${v.identical}`,
  );
}
load.push(loadavg()[0]);

console.log('\n## round trip: 1000 trials of d = 10 (~0.1 ms) through 1 worker');
{
  const tinyGrid: [number, number, number] = [10, 5, 50];
  const w = [await worker('round-trip')];
  const c = coordinator('round-trip', join(dir, 'round-trip.sqlite'), tinyGrid);
  await c.done;
  await stop(w);
  const r = JSON.parse(c.out()) as { sweep: number; computed: number };
  const s = new ResultStore(join(dir, 'round-trip.sqlite'));
  const stored = sweep(...tinyGrid)
    .points()
    .flatMap((p) => s.point(KEY, p));
  s.close();
  const cpu = stored.reduce((t, x) => t + x.seconds, 0) / stored.length;
  const wall = r.sweep / r.computed;
  console.log(
    `${stored.length} trials: ${(1 / wall).toFixed(0)} trials/s, ${(1000 * wall).toFixed(2)} ms per trial of which ${(1000 * cpu).toFixed(2)} ms computing: queue round trip ${(1000 * (wall - cpu)).toFixed(2)} ms per trial`,
  );
}
load.push(loadavg()[0]);

console.log('\n## faults: 5 kill -9 of a worker, 1 of the coordinator (stall timeout 2 s)');
{
  const queue = 'faults';
  const file = join(dir, `${queue}.sqlite`);
  const stall = 2;
  const ready: Child[] = [await worker(queue, stall), await worker(queue, stall)];
  let starting = 0;
  let c = coordinator(queue, file, grid);
  const stored = () => {
    const s = new ResultStore(file);
    try {
      return s.count(KEY);
    } finally {
      s.close();
    }
  };
  // Six kill times spread at random over 5–80 % of the sweep's expected duration (the 2-worker
  // identity run's); one kill is the coordinator's.
  const plan = Array.from({ length: 6 }, () => (0.05 + 0.75 * random()) * twoWorkers).sort(
    (x, y) => x - y,
  );
  const coordinatorAt = Math.floor(6 * random());
  const log: string[] = [];
  // The clock starts with the first stored trial (the coordinator has queued the sweep).
  while (stored() === 0) await new Promise((r) => setTimeout(r, 20));
  const started = performance.now();
  for (const [i, at] of plan.entries()) {
    while (c.child.exitCode === null && (performance.now() - started) / 1000 < at)
      await new Promise((r) => setTimeout(r, 20));
    if (c.child.exitCode !== null) break; // the sweep ended before this kill
    const when = `${((performance.now() - started) / 1000).toFixed(1)} s (${stored()} stored)`;
    if (i === coordinatorAt) {
      c.child.kill('SIGKILL');
      await c.done;
      log.push(`coordinator at ${when}`);
      c = coordinator(queue, file, grid);
    } else {
      // A running worker (not one still starting), replaced at once by a new one elsewhere.
      while (ready.length === 0) await new Promise((r) => setTimeout(r, 20));
      const victim = ready.splice(Math.floor(random() * ready.length), 1)[0];
      victim.child.kill('SIGKILL');
      await victim.done;
      log.push(`worker at ${when}`);
      starting++;
      void worker(queue, stall).then((w) => {
        starting--;
        ready.push(w);
      });
    }
  }
  await c.done;
  const seconds = (performance.now() - started) / 1000;
  while (starting > 0) await new Promise((r) => setTimeout(r, 20));
  await stop(ready);
  const v = compare(local, file);
  const stalled =
    redis.cli('xrange', `bull:${queue}:events`, '-', '+').match(/^stalled$/gm)?.length ?? 0;
  console.log(`kill -9: ${log.join('; ')}`);
  console.log(
    `lost ${v.lost}, duplicated ${v.duplicated}, differing ${v.differing}, identical ${v.identical}; ${seconds.toFixed(1)} s`,
  );
  console.log(`${log.length} kills; ${stalled} stalled jobs handed on to another worker`);
}
load.push(loadavg()[0]);

console.log(
  `\n## overhead: trials of ~50 ms (d = ${slowD}), 2 workers vs the local pool of 2 threads`,
);
{
  const slow: [number, number, number] = [slowD, 1, slowTrials];
  const n = 4 * slowTrials;
  const workers = [await worker('slow'), await worker('slow')];
  const best = { local: 0, queue: 0 };
  let cpu = 0;
  for (let r = 0; r < rounds; r++) {
    const l = await localRun(slow, join(dir, `slow-local-${r}.sqlite`), pool);
    cpu = l.cpu;
    best.local = Math.max(best.local, n / l.sweep);
    const c = coordinator('slow', join(dir, `slow-queue-${r}.sqlite`), slow);
    await c.done;
    best.queue = Math.max(best.queue, n / (JSON.parse(c.out()) as { sweep: number }).sweep);
    console.log(
      `round ${r + 1}: local ${(n / l.sweep).toFixed(2)} trials/s, queue ${(n / (JSON.parse(c.out()) as { sweep: number }).sweep).toFixed(2)} trials/s`,
    );
  }
  await stop(workers);
  const overhead = (2 / best.queue - 2 / best.local) * 1000;
  console.log(
    `${n} trials of ${(1000 * cpu).toFixed(1)} ms: local ${best.local.toFixed(2)} trials/s, queue ${best.queue.toFixed(2)} trials/s, ratio ${(best.queue / best.local).toFixed(3)} (target ≥ 0.9); overhead ${overhead.toFixed(2)} ms per trial per worker`,
  );
}
load.push(loadavg()[0]);
console.log(
  `\nload average (1 min) at start, after identity, round trip, faults, overhead: ${load.map((l) => l.toFixed(2)).join(', ')} on 2 cores`,
);
await pool.close();
await redis.stop();
rmSync(dir, { recursive: true, force: true });
