import type { Command } from 'commander';
import { interval } from '../../constraints.js';
import { pointLabel } from '../../experiments/keys.js';
import {
  DEFAULT_QUEUE_URL,
  defaultQueueUrl,
  parseQueueUrl,
  queueUrlWarning,
} from '../../experiments/queue/connection.js';
import { DEFAULT_QUEUE_NAME } from '../../experiments/queue/jobs.js';
import { connectRedis } from '../../experiments/queue/redis.js';
import { type FinishedTrial, startQueueWorker } from '../../experiments/queue/worker.js';
import { backend } from '../../linalg/backend.js';
import { parseNumber } from '../inputs.js';

const CONCURRENCY = interval(1, 256, '[]', { integer: true });
const STALL = interval(1, 3600, '[]');

/**
 * `rmtkit worker`: runs the trials of `rmtkit reproduce --queue` from a Redis queue on this
 * machine, one line per trial, until interrupted (Ctrl-C waits for the running trials; a second
 * Ctrl-C leaves them to other workers).
 * @example rmtkit worker --queue redis://127.0.0.1:6379 --concurrency 2
 */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run the trials of `rmtkit reproduce --queue` from a Redis queue on this machine')
    .option(
      '--queue <url>',
      `Redis URL: redis://[:password@]host:port or rediss://… (default $RMTKIT_QUEUE, else ${DEFAULT_QUEUE_URL})`,
    )
    .option('--queue-name <name>', 'BullMQ queue name (as given to reproduce)', DEFAULT_QUEUE_NAME)
    .option('--concurrency <k>', 'trials at once, one worker thread each', '1')
    .option(
      '--stall-timeout <seconds>',
      'a trial of a worker that stopped answering goes to another after this long (use the same on every worker)',
      '30',
    )
    .option('--json', 'one JSON line per trial')
    .action(
      async (options: {
        queue?: string;
        queueName: string;
        concurrency: string;
        stallTimeout: string;
        json?: boolean;
      }) => {
        const concurrency = parseNumber('--concurrency', options.concurrency, CONCURRENCY);
        const stallSeconds = parseNumber('--stall-timeout', options.stallTimeout, STALL);
        const url = parseQueueUrl(options.queue ?? defaultQueueUrl());
        const warning = queueUrlWarning(url);
        if (warning) console.error(`rmtkit: warning: ${warning}`);
        const redis = await connectRedis(url);
        const worker = await startQueueWorker(redis, options.queueName, {
          concurrency,
          stallSeconds,
          onTrial: (t) => console.log(options.json ? JSON.stringify(t) : line(t)),
          onError: (e) => console.error(`rmtkit worker: ${e.message}`),
          onBroken: (e) => {
            console.error(
              `rmtkit worker: a trial thread died (${e.message}); exiting, its trials go to other workers after the stall timeout`,
            );
            process.exit(1);
          },
        });
        const started = performance.now();
        const banner = `worker ${process.pid} on queue ${options.queueName} at ${url.shown}: ${concurrency} trial thread${concurrency === 1 ? '' : 's'} (${backend()} backend), stall timeout ${stallSeconds} s`;
        console.error(`rmtkit ${banner}; Ctrl-C to stop`);
        await new Promise<void>((resolve) => {
          let stopping = false;
          const stop = () => {
            if (stopping) {
              console.error('rmtkit worker: leaving the running trials to other workers');
              void worker.close(true).finally(resolve);
              return;
            }
            stopping = true;
            console.error(
              'rmtkit worker: finishing the running trials (Ctrl-C again to leave them)',
            );
            void worker.close().finally(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        await redis.quit().catch(() => redis.disconnect());
        const seconds = (performance.now() - started) / 1000;
        console.error(`rmtkit worker: ${worker.finished} trials in ${seconds.toFixed(1)} s`);
      },
    );
}

function line(t: FinishedTrial): string {
  const point = pointLabel(t.params);
  return t.error
    ? `${t.experiment} ${point} seed ${t.seed}: FAILED: ${t.error}`
    : `${t.experiment} ${point} seed ${t.seed}: ${t.seconds.toFixed(3)} s (${t.backend})`;
}
