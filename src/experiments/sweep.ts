import type { TrialSlot } from './claims.js';
import { paramsKey } from './keys.js';
import type { TrialRunner } from './pool.js';
import type { ResultStore } from './store.js';
import type { Experiment, Params, Size } from './types.js';

/** What {@link sweepMissing} did for one experiment. */
export interface SweepStats {
  /** Trials missing from the store when the sweep began. */
  missing: number;
  /** Of those, computed by this process (the others by processes sharing the store). */
  computed: number;
  /** Wall-clock seconds from the first claim to the last trial stored. */
  seconds: number;
}

/** Options of {@link sweepMissing}. */
export interface SweepOptions {
  store: ResultStore;
  /** Where trials run: a started `TrialPool`, a `lazyPool` or a queue runner. */
  pool: TrialRunner;
  /** Called after every trial stored (by this or another process) with (done, missing). */
  onProgress?: (experiment: string, done: number, missing: number) => void;
  /** Milliseconds between looks at trials another process holds (default 250). */
  pollMs?: number;
}

interface Todo extends TrialSlot {
  point: Params;
}

/**
 * Computes every trial of `sweeps` that the store lacks, experiment by experiment, and stores
 * each as it finishes. Trials are claimed in the store a few at a time (the pool's `capacity`),
 * so another process sweeping into the same store takes the others; trials that another live
 * process holds are skipped and looked at again after the other experiments, until the store has
 * them all. Leases are renewed while this runs and released when it stops.
 * @throws the first error of a trial (finished trials stay stored, claims are released).
 * @example await sweepMissing([{ experiment: bbp, size: 'quick' }], { store, pool })
 */
export async function sweepMissing(
  sweeps: ReadonlyArray<{ experiment: Experiment; size: Size; key: string }>,
  options: SweepOptions,
): Promise<Map<string, SweepStats>> {
  const { store } = options;
  const stats = new Map<string, SweepStats>();
  let pending = sweeps.map((s) => {
    const todo = missingTrials(s.experiment, s.size, store, s.key);
    stats.set(s.key, { missing: todo.length, computed: 0, seconds: 0 });
    options.onProgress?.(s.experiment.name, 0, todo.length);
    return { ...s, todo, done: 0 };
  });
  const heartbeat = setInterval(() => {
    try {
      store.claims.renew();
    } catch {
      // A busy or damaged store: the next store call reports it.
    }
  }, store.claims.leaseMs / 3);
  heartbeat.unref();
  try {
    while (pending.length > 0) {
      for (const s of pending) {
        const stat = stats.get(s.key)!;
        const started = performance.now();
        const round = await sweepRound(s.experiment.name, s.key, s.todo, options, () => {
          stat.computed++;
          options.onProgress?.(s.experiment.name, ++s.done, stat.missing);
        });
        stat.seconds += (performance.now() - started) / 1000;
        if (round.stored > 0)
          options.onProgress?.(s.experiment.name, (s.done += round.stored), stat.missing);
        s.todo = round.held;
      }
      pending = pending.filter((s) => s.todo.length > 0);
      if (pending.length > 0) await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
    }
  } finally {
    clearInterval(heartbeat);
    try {
      store.claims.release();
    } catch {
      // A damaged store cannot release (the error that stopped the sweep says so); the claims
      // expire with their lease.
    }
  }
  return stats;
}

/**
 * How many trials of an experiment's grid at `size` the store lacks.
 * @example missingCount(bbp, 'quick', store, 'bbp@1') // 0 after a complete sweep
 */
export function missingCount(
  experiment: Experiment,
  size: Size,
  store: ResultStore,
  key: string,
): number {
  return missingTrials(experiment, size, store, key).length;
}

/** The (point, seed) pairs of an experiment's grid at `size` that the store lacks, in order. */
function missingTrials(experiment: Experiment, size: Size, store: ResultStore, key: string) {
  const config = experiment.config(size);
  const trialsPerPoint = experiment.trials(config);
  const stored = store.storedSeeds(key);
  const todo: Todo[] = [];
  for (const point of experiment.points(config)) {
    const params = paramsKey(point);
    const have = stored.get(params);
    for (let seed = 0; seed < trialsPerPoint; seed++)
      if (!have?.has(seed)) todo.push({ params, seed, point });
  }
  return todo;
}

/**
 * One pass over `todo`: claims what is free, at most `capacity` trials in flight, computes and
 * stores them. Returns the trials another process holds and how many it found stored.
 */
async function sweepRound(
  name: string,
  key: string,
  todo: readonly Todo[],
  { store, pool }: SweepOptions,
  onStored: () => void,
): Promise<{ held: Todo[]; stored: number }> {
  const capacity = pool.capacity ?? Number.POSITIVE_INFINITY;
  const held: Todo[] = [];
  const inFlight = new Set<Promise<void>>();
  let stored = 0;
  let next = 0;
  let failure: { error: unknown } | undefined;
  const start = (t: Todo) => {
    const job: Promise<void> = pool.run(name, t.point, t.seed).then(
      (outcome) => {
        store.put(key, t.point, { seed: t.seed, ...outcome });
        onStored();
      },
      (error: unknown) => void (failure ??= { error }),
    );
    // The handler above catches the trial's error; a failing put is caught here.
    const tracked = job.catch((error: unknown) => void (failure ??= { error }));
    inFlight.add(tracked);
    void tracked.then(() => inFlight.delete(tracked));
  };
  const fill = () => {
    while (!failure && inFlight.size < capacity && next < todo.length) {
      const batch = store.guard(() =>
        store.claims.claim(key, todo, next, Math.min(capacity - inFlight.size, 256)),
      );
      next = batch.next;
      stored += batch.stored;
      held.push(...batch.held);
      for (const t of batch.claimed) start(t);
    }
  };
  fill();
  while (inFlight.size > 0) {
    await Promise.race(inFlight);
    if (failure) break;
    fill();
  }
  if (failure) throw failure.error;
  return { held, stored };
}
