import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { decodeValues, paramsKey } from '../keys.js';
import type { TrialRunner } from '../pool.js';
import { findExperiment } from '../registry.js';
import { storeKey } from '../runner.js';
import type { ResultStore } from '../store.js';
import type { TrialOutcome } from '../trial.js';
import type { Params } from '../types.js';
import { type TrialJobData, type TrialJobResult, trialJobId } from './jobs.js';

/** The queue's counts as the coordinator's progress bar shows them. */
export interface QueueStatus {
  waiting: number;
  active: number;
  /** Finished on a worker, not yet collected into the store. */
  completed: number;
  failed: number;
  /** Worker processes connected to the queue. */
  workers: number;
}

interface Pending {
  resolve: (o: TrialOutcome) => void;
  reject: (e: Error) => void;
}

const BATCH = 500;

// While Redis is away ioredis reconnects and the collector retries every poll: say so once per
// distinct message, not every 50 ms.
let lastWarning = '';
function warn(message: string): void {
  if (message !== lastWarning) console.error(`rmtkit: queue: ${message}`);
  lastWarning = message;
}

/**
 * The coordinator's side of a distributed sweep, a {@link TrialRunner} for `runExperiment`:
 * `run` adds the trial as a BullMQ job whose id is the trial's key (adding it again while its job
 * exists is a no-op) and resolves when a worker has finished it. A collector polls the finished
 * jobs, stores each result in the SQLite store (the coordinator is its only writer; a result
 * delivered twice is stored once) and only then removes the job from Redis. A coordinator killed
 * and restarted re-adds what the store lacks: jobs still waiting, running or finished are found
 * as they are, so no trial is lost or computed twice. Finished jobs of trials nobody asked for
 * (left by an earlier coordinator) are stored too.
 * @example const runner = await QueueRunner.start(redis, 'rmtkit', store); await runner.run('bbp', params, 0);
 */
export class QueueRunner implements TrialRunner {
  private readonly pending = new Map<string, Pending>();
  private toAdd: Array<{ name: string; data: TrialJobData; opts: { jobId: string } }> = [];
  private closed = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly queue: Queue,
    private readonly store: ResultStore,
    private readonly pollMs: number,
  ) {
    this.loop = this.collect();
  }

  /**
   * Opens queue `name` on an ioredis client (see `connectRedis`) and starts collecting. Failed jobs
   * left from an earlier run are dropped, so their trials are tried again.
   */
  static async start(redis: Redis, name: string, store: ResultStore, pollMs = 50) {
    const queue = new Queue(name, {
      connection: redis,
      defaultJobOptions: { removeOnComplete: false, removeOnFail: false, attempts: 1 },
    });
    queue.on('error', (error) => warn(error.message));
    await queue.clean(0, 0, 'failed');
    return new QueueRunner(queue, store, pollMs);
  }

  run(experiment: string, params: Params, seed: number): Promise<TrialOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const key = storeKey(findExperiment(experiment));
    const text = paramsKey(params);
    const jobId = trialJobId(key, text, seed);
    return new Promise((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject });
      if (
        this.toAdd.push({
          name: experiment,
          data: { experiment, key, params: text, seed },
          opts: { jobId },
        }) === 1
      )
        setImmediate(() => void this.flush());
    });
  }

  /** The queue's counts now. */
  async status(): Promise<QueueStatus> {
    const [counts, workers] = await Promise.all([
      this.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'),
      this.queue.getWorkersCount(),
    ]);
    return {
      waiting: counts.waiting + counts.prioritized + counts.delayed,
      active: counts.active,
      completed: counts.completed,
      failed: counts.failed,
      workers,
    };
  }

  /**
   * Stops collecting and closes the queue (not the Redis client). Trials still pending reject;
   * their jobs stay in Redis for the next coordinator.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.fail(new Error('queue runner closed'));
    this.wake?.();
    await this.loop;
    await this.queue.close();
  }

  private async flush(): Promise<void> {
    const jobs = this.toAdd;
    this.toAdd = [];
    for (let i = 0; i < jobs.length; i += BATCH) {
      const batch = jobs.slice(i, i + BATCH);
      try {
        await this.queue.addBulk(batch);
      } catch (error) {
        this.fail(error as Error);
      }
    }
  }

  private async collect(): Promise<void> {
    while (!this.closed) {
      let seen = 0;
      try {
        seen = await this.collectOnce();
      } catch (error) {
        if (!this.closed) warn((error as Error).message);
      }
      if (seen < BATCH && !this.closed)
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.pollMs);
        });
    }
  }

  /** Stores and removes one batch of finished jobs; rejects the trials of failed ones. */
  private async collectOnce(): Promise<number> {
    const done = await this.queue.getJobs(['completed'], 0, BATCH - 1, true);
    for (const job of done) {
      const data = job.data as TrialJobData;
      const result = job.returnvalue as TrialJobResult;
      const outcome = {
        values: decodeValues(result.values),
        seconds: result.seconds,
        backend: result.backend,
      };
      this.store.put(data.key, JSON.parse(data.params) as Params, { seed: data.seed, ...outcome });
      this.settle(job.id!)?.resolve(outcome);
    }
    const failed = await this.queue.getJobs(['failed'], 0, BATCH - 1, true);
    for (const job of failed) {
      const data = job.data as TrialJobData;
      const error = new Error(
        `trial ${data.seed} of ${data.key} at ${data.params} failed on a worker: ${job.failedReason}`,
      );
      this.settle(job.id!)?.reject(error);
    }
    // Removed only once stored: a coordinator killed before this line finds them again.
    await Promise.all([...done, ...failed].map((job) => this.queue.remove(job.id!)));
    return done.length + failed.length;
  }

  private settle(jobId: string): Pending | undefined {
    const pending = this.pending.get(jobId);
    this.pending.delete(jobId);
    return pending;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }
}
