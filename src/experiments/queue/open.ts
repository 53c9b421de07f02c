import type { TrialRunner } from '../pool.js';
import type { ResultStore } from '../store.js';
import { parseQueueUrl } from './connection.js';
import { QueueRunner, type QueueStatus } from './coordinator.js';
import { DEFAULT_QUEUE_NAME } from './jobs.js';
import { connectRedis } from './redis.js';

/** Where a sweep's trials go instead of local threads: a Redis URL and a queue name. */
export interface QueueTarget {
  /** `redis://[:password@]host:port` or `rediss://…` (TLS). */
  url: string;
  /** BullMQ queue name (default `rmtkit`); workers must be started with the same one. */
  name?: string;
}

/**
 * Connects the coordinator of a distributed sweep: a {@link QueueRunner} on the queue at `target`,
 * storing into `store`, that reports the queue's counts every `statusMs` to `onStatus`.
 * `close` stops it and disconnects from Redis.
 * @throws {InvalidArgumentError} naming '--queue' for a bad URL or an unreachable Redis.
 * @example const runner = await openQueueRunner({ url: 'redis://127.0.0.1:6379' }, store);
 */
export async function openQueueRunner(
  target: QueueTarget,
  store: ResultStore,
  onStatus?: (status: QueueStatus) => void,
  statusMs = 500,
): Promise<TrialRunner & { close(): Promise<void> }> {
  const redis = await connectRedis(parseQueueUrl(target.url));
  const runner = await QueueRunner.start(redis, target.name ?? DEFAULT_QUEUE_NAME, store);
  let polling = false;
  const timer = onStatus
    ? setInterval(() => {
        if (polling) return;
        polling = true;
        runner
          .status()
          .then(onStatus, () => undefined)
          .finally(() => (polling = false));
      }, statusMs)
    : undefined;
  return {
    run: (experiment, params, seed) => runner.run(experiment, params, seed),
    async close() {
      clearInterval(timer);
      await runner.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
