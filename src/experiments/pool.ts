import { setBlasThreads } from '../linalg/backend.js';
import { spawnWorker, type Worker, workerEntry } from '../platform/worker.js';
import type { TrialOutcome } from './trial.js';
import type { Params } from './types.js';

/** A trial request sent to a worker. */
export interface TrialRequest {
  id: number;
  experiment: string;
  params: Params;
  seed: number;
}

/** A worker's answer: the outcome, or the error `simulate` threw. */
export type TrialReply =
  | { id: number; outcome: TrialOutcome }
  | { id: number; error: { name: string; message: string; stack: string } };

// worker.ts next to this file: the .ts source under tsx, else the compiled .js (see
// platform/worker.ts).
const ENTRY = workerEntry(import.meta.url, './worker');

/**
 * Trials sent to a worker ahead of its answers: the one it runs and the next, waiting in its
 * port, so a worker starts its next trial at once instead of idling while its answer reaches a
 * busy or descheduled parent thread and the parent's next request comes back.
 */
const SENT_PER_WORKER = 2;

/** Anything that runs trials by experiment name: a {@link TrialPool} or a lazy wrapper of one. */
export interface TrialRunner {
  run(experiment: string, params: Params, seed: number): Promise<TrialOutcome>;
  /**
   * How many trials to have in flight at once to keep it busy (default: unbounded). A sweep
   * claims no more than this in the store, leaving the rest to other processes sharing it.
   */
  readonly capacity?: number;
}

/**
 * A runner that starts its pool of `size` workers only when the first trial arrives (a rerun on
 * a complete store starts no thread); `close` stops it if it was started.
 * @example const runner = lazyPool(2); await runner.run('bbp', params, 0); await runner.close();
 */
export function lazyPool(size: number): TrialRunner & { close(): Promise<void> } {
  let pool: Promise<TrialPool> | undefined;
  return {
    capacity: SENT_PER_WORKER * size,
    run: (experiment, params, seed) =>
      (pool ??= TrialPool.start(size)).then((p) => p.run(experiment, params, seed)),
    close: async () => {
      if (pool) await (await pool).close();
    },
  };
}

interface Job {
  request: TrialRequest;
  resolve: (o: TrialOutcome) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Trials sent to this worker and not answered yet, oldest (the one running) first. */
  sent: Job[];
}

/**
 * A fixed set of worker threads that run trials, one at a time each, in submission order.
 * Every worker imports the experiment registry once; requests and replies are plain JSON (a few
 * hundred bytes a trial). A worker that dies fails its trials and every later one (the sweep
 * stops; stored trials stay).
 * @example const pool = await TrialPool.start(2); const o = await pool.run('error-vs-alpha', params, 0); await pool.close();
 */
export class TrialPool implements TrialRunner {
  private readonly queue: Job[] = [];
  private failure: Error | undefined;
  private nextId = 0;

  private constructor(
    private readonly slots: Slot[],
    private readonly blasThreads: ReturnType<typeof setBlasThreads>,
  ) {}

  /**
   * Starts `size` workers and waits until each has loaded the registry.
   * @throws {Error} when a worker cannot start (the error of its first import, or spawnWorker's).
   */
  static async start(size: number): Promise<TrialPool> {
    // One OpenBLAS thread per trial, whatever the worker count: OpenBLAS sums in a different order
    // with 1 and 2 threads, so this keeps trials bit-identical across --workers, and k workers
    // never run k·cores BLAS threads on the cores (OpenBLAS's thread count is process-wide).
    const blasThreads = setBlasThreads(1);
    const starting = Promise.all(
      Array.from(
        { length: size },
        () =>
          new Promise<Slot>((resolve, reject) => {
            const worker = spawnWorker(ENTRY);
            worker.once('error', reject);
            worker.once('message', () => {
              worker.off('error', reject);
              resolve({ worker, sent: [] });
            });
          }),
      ),
    );
    const slots = await starting.catch((error: unknown) => {
      if (blasThreads !== undefined) setBlasThreads(blasThreads);
      throw error;
    });
    const pool = new TrialPool(slots, blasThreads);
    for (const slot of slots) pool.listen(slot);
    return pool;
  }

  /** The number of workers. */
  get size(): number {
    return this.slots.length;
  }

  /**
   * Two trials per worker: one running, one waiting in its port, so no worker idles between trials.
   */
  get capacity(): number {
    return SENT_PER_WORKER * this.slots.length;
  }

  /** Whether a worker died (or the pool was closed): every later trial will fail. */
  get broken(): boolean {
    return this.failure !== undefined;
  }

  /** Runs trial `seed` of `experiment` at `params` on the next free worker. */
  run(experiment: string, params: Params, seed: number): Promise<TrialOutcome> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({
        request: { id: this.nextId++, experiment, params, seed },
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  /** Drops queued trials (their promises reject) and stops every worker. */
  async close(): Promise<void> {
    this.fail(new Error('trial pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    if (this.blasThreads !== undefined) setBlasThreads(this.blasThreads);
  }

  private listen(slot: Slot): void {
    slot.worker.on('message', (reply: TrialReply) => {
      // A worker answers its requests in the order they were sent.
      const job = slot.sent.shift();
      if (!job) return;
      if ('outcome' in reply) job.resolve(reply.outcome);
      else
        job.reject(
          Object.assign(new Error(reply.error.message), {
            name: reply.error.name,
            stack: reply.error.stack,
          }),
        );
      this.dispatch();
    });
    const died = (error: Error) => {
      for (const job of slot.sent.splice(0)) job.reject(error);
      this.fail(error);
    };
    slot.worker.on('error', died);
    slot.worker.on('exit', (code) => died(new Error(`trial worker exited with code ${code}`)));
  }

  /** Sends queued trials to the workers with the fewest unanswered ones, up to SENT_PER_WORKER. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.reduce((a, b) => (b.sent.length < a.sent.length ? b : a));
      if (slot.sent.length >= SENT_PER_WORKER) return;
      const job = this.queue.shift()!;
      slot.sent.push(job);
      slot.worker.postMessage(job.request);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of this.queue.splice(0)) job.reject(this.failure);
  }
}
