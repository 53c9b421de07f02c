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
import { analyseExperiment, storeKey } from './runner.js';
import { ResultStore } from './store.js';
import { sweepMissing } from './sweep.js';
import type { Experiment, Size } from './types.js';
import { wholeReport } from './whole-report.js';

/** Options of {@link reproduce}. */
export interface ReproduceOptions {
  /** Experiment names (default: all, in report order). */
  names?: readonly string[];
  size: Size;
  /**
   * Output folder: `results.sqlite` (trials of every size), and per size a folder `<size>/` with
   * one folder per experiment and `report.html`.
   */
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
  /** `<out>/<size>/report.html`: every experiment whose trials at this size are all stored. */
  report: string;
  store: string;
  seconds: number;
  environment: Environment;
  /** The experiments this call ran (the report may show more). */
  experiments: Array<ReturnType<typeof experimentSummary>>;
}

/**
 * Runs experiments into one output folder: first every missing trial of every experiment asked
 * for goes to `<out>/results.sqlite` (resumable; several processes on one folder split the
 * trials), then each is analysed into `<out>/<size>/<experiment>/` (figures, CSV,
 * `summary.json`), and `<out>/<size>/report.html` is written with every experiment whose trials
 * at this size are all in the store (those not asked for from their earlier summaries). Rerunning
 * the same command on the same folder computes no trial again and gives the same summaries.
 * @throws {InvalidArgumentError} naming 'experiment' for an unknown name; a trial's error stops the
 * run.
 * @example await reproduce({ names: ['error-vs-alpha'], size: 'quick', out: 'rmtkit-out' })
 */
export async function reproduce(options: ReproduceOptions): Promise<ReproduceResult> {
  const started = performance.now();
  const { size } = options;
  const experiments = (options.names?.length ? options.names : EXPERIMENTS.map((e) => e.name)).map(
    findExperiment,
  );
  // Missing data sets fail here, before any sweep, with the package to install.
  for (const experiment of experiments) experiment.prepare?.(experiment.config(size));
  const workers = options.workers ?? availableParallelism();
  makeDirectory(options.out);
  const dir = join(options.out, size);
  const storeFile = join(options.out, 'results.sqlite');
  const store = new ResultStore(storeFile);
  try {
    const sweeps = await computeMissing(experiments, store, options, workers);
    const ran: ReportSection[] = [];
    for (const experiment of experiments) {
      const run = await analyseExperiment(
        experiment,
        size,
        store,
        sweeps.get(storeKey(experiment))!,
      );
      ran.push({ run, figures: await writeExperimentOutputs(run, join(dir, experiment.name)) });
    }
    const sections = await wholeReport(ran, store, size, dir);
    const env = environment(workers);
    const seconds = (performance.now() - started) / 1000;
    const report = join(dir, 'report.html');
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
      experiments: ran.map((s) => experimentSummary(s.run, s.figures)),
    };
  } finally {
    store.close();
  }
}

/** Phase one: every missing trial, on local worker threads or through the queue. */
async function computeMissing(
  experiments: readonly Experiment[],
  store: ResultStore,
  options: ReproduceOptions,
  workers: number,
) {
  // BullMQ and ioredis are loaded only for a queued run.
  const pool = options.queue
    ? await (await import('./queue/open.js')).openQueueRunner(options.queue, store, options.onQueue)
    : lazyPool(workers);
  try {
    return await sweepMissing(
      experiments.map((experiment) => ({
        experiment,
        size: options.size,
        key: storeKey(experiment),
      })),
      { store, pool, onProgress: options.onProgress },
    );
  } finally {
    await pool.close();
  }
}
