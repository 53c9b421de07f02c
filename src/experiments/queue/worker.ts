import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { encodeValues } from '../keys.js';
import { TrialPool } from '../pool.js';
import { findExperiment } from '../registry.js';
import { storeKey } from '../runner.js';
import type { Params } from '../types.js';
import type { TrialJobData, TrialJobResult } from './jobs.js';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  /** Trials run at once, each on its own worker thread. */
  concurrency: number;
  /**
   * Seconds after which the job of a worker that stopped answering (killed, frozen, cut off) is
   * given to another worker. The worker renews its jobs' locks every half of this.
   */
  stallSeconds: number;
  /** Called after every trial this worker finished or failed. */
  onTrial?: (trial: FinishedTrial) => void;
  /** Called when the worker meets an error outside a trial (Redis gone, a lost lock). */
  onError?: (error: Error) => void;
  /**
   * Called when a trial thread died (out of memory, a crash): the pool cannot run trials any more.
   * The caller should end the process at once, so that its jobs go to other workers after the
   * stall timeout instead of failing here; without it the job fails.
   */
  onBroken?: (error: Error) => void;
}

/** A trial a worker ran, as it reports it. */
export interface FinishedTrial {
  id: string;
  experiment: string;
  params: Params;
  seed: number;
  seconds: number;
  backend?: string;
  error?: string;
}

/** A running queue worker. */
export interface QueueWorker {
  /** Trials finished so far (stored or not). */
  readonly finished: number;
  /**
   * Stops taking jobs, waits for the running trials (or, with `force`, abandons them: they are
   * retried elsewhere after the stall timeout) and stops the threads.
   */
  close(force?: boolean): Promise<void>;
}

/**
 * Runs trial jobs of queue `name` on this machine: a BullMQ worker hands up to `concurrency` jobs
 * at once to a pool of as many worker threads (the main thread stays free to renew job locks), and
 * returns each trial's outcome to the queue. A job whose experiment is unknown here, or whose
 * version differs from the coordinator's, fails at once with a message saying so: mixing versions
 * would mix different numbers in one store.
 * @example const worker = await startQueueWorker(redis, 'rmtkit', { concurrency: 2, stallSeconds: 30 });
 */
export async function startQueueWorker(
  redis: Redis,
  name: string,
  options: QueueWorkerOptions,
): Promise<QueueWorker> {
  const pool = await TrialPool.start(options.concurrency);
  let finished = 0;
  const processJob = async (job: Job<TrialJobData>): Promise<TrialJobResult> => {
    const { experiment, key, params, seed } = job.data;
    let local: string;
    try {
      local = storeKey(findExperiment(experiment));
    } catch (error) {
      throw new UnrecoverableError(`this worker does not know it: ${(error as Error).message}`);
    }
    if (local !== key)
      throw new UnrecoverableError(
        `this worker has ${local}, the coordinator ${key}: run the same rmtkit version on both`,
      );
    try {
      const outcome = await pool.run(experiment, JSON.parse(params) as Params, seed);
      return { ...outcome, values: encodeValues(outcome.values) };
    } catch (error) {
      if (pool.broken && options.onBroken) {
        options.onBroken(error as Error);
        await new Promise(() => undefined); // the process ends; the job is not marked failed
      }
      throw error;
    }
  };
  const worker = new Worker<TrialJobData, TrialJobResult>(name, processJob, {
    connection: redis,
    concurrency: options.concurrency,
    lockDuration: options.stallSeconds * 1000,
    stalledInterval: options.stallSeconds * 1000,
    // A job is handed on this many times after its workers died before it counts as failed.
    maxStalledCount: 20,
  });
  const report = (job: Job<TrialJobData> | undefined, result?: TrialJobResult, error?: Error) => {
    if (!job) return;
    finished++;
    options.onTrial?.({
      id: job.id!,
      experiment: job.data.key,
      params: JSON.parse(job.data.params) as Params,
      seed: job.data.seed,
      seconds: result?.seconds ?? 0,
      backend: result?.backend,
      error: error?.message,
    });
  };
  worker.on('completed', (job, result) => report(job, result));
  worker.on('failed', (job, error) => report(job, undefined, error));
  worker.on('error', (error) => options.onError?.(error));
  await worker.waitUntilReady();
  return {
    get finished() {
      return finished;
    },
    async close(force = false) {
      await worker.close(force);
      await pool.close();
    },
  };
}
