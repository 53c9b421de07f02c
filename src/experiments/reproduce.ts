import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { makeDirectory } from '../io/make-directory.js';
import { type Environment, environment } from './environment.js';
import { experimentSummary, writeExperimentOutputs } from './outputs.js';
import { lazyPool } from './pool.js';
import type { QueueStatus } from './queue/coordinator.js';
import type { QueueTarget } from './queue/open.js';
import { EXPERIMENTS, findExperiment } from './registry.js';
import { type ReportSection, reportHtml } from './report.js';
import { runExperiment } from './runner.js';
import { ResultStore } from './store.js';
import type { Size } from './types.js';

/** Options of {@link reproduce}. */
export interface ReproduceOptions {
  /** Experiment names (default: all, in report order). */
  names?: readonly string[];
  size: Size;
  /** Output folder: results.sqlite, one folder per experiment, report.html. */
  out: string;
  /** Worker threads (default: the number of cores); unused with `queue`. */
  workers?: number;
  /**
   * Run the trials on `rmtkit worker` processes through this Redis queue instead of local
   * threads (docs/distributed.md); the store stays here.
   */
  queue?: QueueTarget;
  /** With `queue`: the queue's counts, about twice a second. */
  onQueue?: (status: QueueStatus) => void;
  /** The command line shown in the report. */
  command?: string;
  /** Progress of each experiment's sweep: trials finished of those to compute. */
  onProgress?: (experiment: string, done: number, total: number) => void;
}

/** What {@link reproduce} wrote and found. */
export interface ReproduceResult {
  out: string;
  report: string;
  store: string;
  seconds: number;
  environment: Environment;
  experiments: Array<ReturnType<typeof experimentSummary>>;
}

/**
 * Runs experiments into one output folder: trials go to `<out>/results.sqlite` (resumable),
 * figures, CSV and `summary.json` to `<out>/<experiment>/`, the self-contained page to
 * `<out>/report.html`. Rerunning the same command on the same folder computes no trial again.
 * @throws {InvalidArgumentError} naming 'experiment' for an unknown name; a trial's error stops the
 * run.
 * @example await reproduce({ names: ['error-vs-alpha'], size: 'quick', out: 'rmtkit-out' })
 */
export async function reproduce(options: ReproduceOptions): Promise<ReproduceResult> {
  const started = performance.now();
  const experiments = (options.names?.length ? options.names : EXPERIMENTS.map((e) => e.name)).map(
    findExperiment,
  );
  // Missing data sets fail here, before any sweep, with the package to install.
  for (const experiment of experiments) experiment.prepare?.(experiment.config(options.size));
  const workers = options.workers ?? availableParallelism();
  makeDirectory(options.out);
  const storeFile = join(options.out, 'results.sqlite');
  const store = new ResultStore(storeFile);
  let pool: ReturnType<typeof lazyPool>;
  try {
    // BullMQ and ioredis are loaded only for a queued run.
    pool = options.queue
      ? await (await import('./queue/open.js')).openQueueRunner(
          options.queue,
          store,
          options.onQueue,
        )
      : lazyPool(workers);
  } catch (error) {
    store.close();
    throw error;
  }
  const sections: ReportSection[] = [];
  try {
    for (const experiment of experiments) {
      const run = await runExperiment(experiment, {
        size: options.size,
        store,
        pool,
        onProgress: (done, total) => options.onProgress?.(experiment.name, done, total),
      });
      const figures = await writeExperimentOutputs(run, join(options.out, experiment.name));
      sections.push({ run, figures });
    }
  } finally {
    await pool.close();
    store.close();
  }
  const env = environment(workers);
  const seconds = (performance.now() - started) / 1000;
  const report = join(options.out, 'report.html');
  writeFileSync(
    report,
    reportHtml(sections, env, {
      command: options.command ?? `rmtkit reproduce ${experiments.map((e) => e.name).join(' ')}`,
      seconds,
    }),
  );
  return {
    out: options.out,
    report,
    store: storeFile,
    seconds,
    environment: env,
    experiments: sections.map((s) => experimentSummary(s.run, s.figures)),
  };
}
