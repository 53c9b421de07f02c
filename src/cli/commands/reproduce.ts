import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import { interval } from '../../constraints.js';
import { InvalidArgumentError } from '../../errors.js';
import {
  DEFAULT_QUEUE_URL,
  defaultQueueUrl,
  parseQueueUrl,
  queueUrlWarning,
} from '../../experiments/queue/connection.js';
import type { QueueStatus } from '../../experiments/queue/coordinator.js';
import { DEFAULT_QUEUE_NAME } from '../../experiments/queue/jobs.js';
import { EXPERIMENTS, findExperiment } from '../../experiments/registry.js';
import { reproduce } from '../../experiments/reproduce.js';
import { Z_LIMIT } from '../../experiments/stats.js';
import type { Size } from '../../experiments/types.js';
import { parseNumber } from '../inputs.js';

const WORKERS = interval(1, 256, '[]', { integer: true });

/**
 * `rmtkit reproduce`: runs the paper's experiments as resumable Monte Carlo sweeps (worker
 * threads, SQLite store) and writes figures (SVG, PNG), their data (CSV), JSON summaries and a
 * self-contained report.html. `--list` lists the experiments.
 * @example rmtkit reproduce --quick --out rmtkit-out
 */
export function registerReproduce(program: Command): void {
  program
    .command('reproduce')
    .description("reproduce the paper's experiments: resumable sweeps, figures, report.html")
    .argument('[names...]', 'experiments to run (default: all; see --list)')
    .option('--quick', 'reduced sizes: every experiment in a few minutes')
    .addOption(
      new Option('--size <size>', 'run size (--quick is --size quick; tiny is for tests)').choices([
        'tiny',
        'quick',
        'full',
      ]),
    )
    .option(
      '--out <dir>',
      'output folder: results.sqlite, and figures and report.html under <dir>/<size>/',
      'rmtkit-out',
    )
    .option('--workers <k>', 'worker threads (default: the number of cores)')
    .option(
      '--queue [url]',
      `run the trials on \`rmtkit worker\` processes through Redis (default $RMTKIT_QUEUE, else ${DEFAULT_QUEUE_URL}); see docs/distributed.md`,
    )
    .option(
      '--queue-name <name>',
      'BullMQ queue name (the workers must use the same)',
      DEFAULT_QUEUE_NAME,
    )
    .option('--list', 'list the experiments and exit')
    .option('--json', 'machine-readable output')
    .action(
      async (
        names: string[],
        options: {
          quick?: boolean;
          size?: Size;
          out: string;
          workers?: string;
          queue?: string | true;
          queueName: string;
          list?: boolean;
          json?: boolean;
        },
      ) => {
        if (options.list) return list(options.json === true);
        for (const name of names) findExperiment(name);
        if (options.quick && options.size && options.size !== 'quick')
          throw new InvalidArgumentError('--size', 'contradicts --quick', options.size);
        const size: Size = options.size ?? (options.quick ? 'quick' : 'full');
        const workers =
          options.workers === undefined
            ? undefined
            : parseNumber('--workers', options.workers, WORKERS);
        const queueUrl = options.queue === true ? defaultQueueUrl() : options.queue;
        const queue = queueUrl === undefined ? undefined : parseQueueUrl(queueUrl);
        const warning = queue && queueUrlWarning(queue);
        if (warning) console.error(`rmtkit: warning: ${warning}`);
        if (queue && !options.json)
          console.error(
            `rmtkit: trials go to queue ${options.queueName} on ${queue.shown}; run them with: rmtkit worker --queue '${queue.shown}'${options.queueName === DEFAULT_QUEUE_NAME ? '' : ` --queue-name ${options.queueName}`}`,
          );
        const bar = !options.json && process.stderr.isTTY ? progressBar() : undefined;
        const command = [
          'rmtkit reproduce',
          ...names,
          ...(options.quick ? ['--quick'] : options.size ? [`--size ${size}`] : []),
          `--out ${options.out}`,
          ...(workers ? [`--workers ${workers}`] : []),
          ...(queue ? [`--queue ${queue.shown}`] : []),
        ].join(' ');
        let result;
        try {
          result = await reproduce({
            names,
            size,
            out: options.out,
            workers,
            command,
            onProgress: bar?.update,
            queue: queue && { url: queue.url, name: options.queueName },
            onQueue: bar?.queue,
          });
        } finally {
          bar?.stop();
        }
        // A disagreement between theory and simulation is a failed reproduction: exit 1, so a
        // script or CI that runs `reproduce` notices (documented in docs/reproduce.md).
        if (result.experiments.some((e) => !e.agreement.agrees)) process.exitCode = 1;
        if (options.json) {
          console.log(JSON.stringify(result));
          return;
        }
        for (const e of result.experiments) {
          const a = e.agreement;
          const forecast =
            a.unclaimedMaxZ === null
              ? ''
              : `; ${a.unclaimed} more reported, not claimed (max z ${a.unclaimedMaxZ.toFixed(1)}, max rel. ${(100 * a.unclaimedMaxRelative!).toFixed(1)} %)`;
          const verdict = a.agrees ? 'agrees' : 'DISAGREES';
          console.log(
            `${e.name.padEnd(16)} ${String(e.trials.total).padStart(6)} trials (${e.trials.computed} new)  ${verdict}: max |theory − sim|/se ${a.maxZ.toFixed(2)}, ${a.maxZBeyondFiniteSize.toFixed(2)} beyond the finite-size term, over ${a.claimed} checks${forecast}`,
          );
        }
        console.log(Z_LEGEND);
        console.log(
          `outputs in ${result.out}/${size}/ (store ${result.store}); report: ${result.report}; ${result.seconds.toFixed(1)} s`,
        );
      },
    );
}

// Printed under the table: a large |theory − sim|/se next to "agrees" puzzles a first reader.
const Z_LEGEND = `(|theory − sim|/se counts Monte Carlo error only, so it grows with the number of trials: the theory is exact only as n, d → ∞ and its O(1/n) finite-size term does not average out. "agrees" asks at most ${Z_LIMIT} standard errors beyond that term at every claimed check; docs/reproduce.md)`;

function list(json: boolean): void {
  const rows = EXPERIMENTS.map((e) => {
    const sizes = Object.fromEntries(
      (['quick', 'full'] as const).map((s) => {
        const c = e.config(s);
        const points = e.points(c).length;
        return [s, { points, trials: points * e.trials(c) }];
      }),
    );
    return { name: e.name, title: e.title, description: e.description, sizes };
  });
  if (json) {
    console.log(JSON.stringify(rows));
    return;
  }
  for (const r of rows)
    console.log(
      `${r.name.padEnd(16)} ${r.title} (quick ${r.sizes.quick.trials} trials, full ${r.sizes.full.trials})\n${' '.repeat(17)}${r.description}\n`,
    );
}

/**
 * A stderr progress bar: experiment, trials done / to compute, rate and ETA; with a queue, also
 * its counts (trials waiting and running, worker processes).
 */
function progressBar() {
  const bar = new cliProgress.SingleBar(
    {
      format:
        '{experiment} |{bar}| {value}/{total} trials | {rate} trials/s | ETA {eta_formatted}{queue}',
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  let started = 0;
  return {
    update(experiment: string, done: number, total: number) {
      if (experiment !== current) {
        if (current) bar.stop();
        current = experiment;
        started = performance.now();
        bar.start(total, done, { experiment: experiment.padEnd(16), rate: '—', queue: '' });
        return;
      }
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(1) : '—' });
    },
    queue(s: QueueStatus) {
      if (current)
        bar.update({
          queue: ` | queue: ${s.waiting} waiting, ${s.active} running, ${s.workers} worker${s.workers === 1 ? '' : 's'}`,
        });
    },
    stop: () => current && bar.stop(),
  };
}
