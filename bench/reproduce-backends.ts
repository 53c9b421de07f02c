// How far the native (OpenBLAS) and JS backends' trial values differ (issue 22, item 14): every
// grid point of every experiment at the given size, seeds 0 … S−1, each trial run on both
// backends in this process (OpenBLAS on one thread, as in the trial pool). Per experiment: the
// values compared, how many are bit-identical, the largest relative difference |a − b| / max(|a|,
// |b|) with the value where it occurs, and the largest difference relative to the largest
// magnitude of the same quantity in that trial (small where a value is a near-cancellation of
// larger ones or zero in exact arithmetic). Not a timing: the numbers do not depend on the load.
// Usage: node --import tsx bench/reproduce-backends.ts [--size quick] [--seeds 2] [--only a,b]
import { EXPERIMENTS } from '../src/experiments/registry.js';
import { runTrial } from '../src/experiments/trial.js';
import type { Size, Values } from '../src/experiments/types.js';
import { availableBackends, setBackend, setBlasThreads } from '../src/linalg/backend.js';

const flags = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  flags.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const size = (flags.get('size') ?? 'quick') as Size;
const seeds = Number(flags.get('seeds') ?? 2);
const only = flags.get('only')?.split(',');
if (!availableBackends().includes('native')) throw new Error('the native backend is not built');
setBlasThreads(1);

/** The largest differences between two trials' values, for one experiment. */
interface Worst {
  values: number;
  identical: number;
  relative: number;
  where: string;
  toLargest: number;
}

function compare(a: Values, b: Values, label: string, worst: Worst): void {
  for (const [key, va] of Object.entries(a)) {
    const xa = Array.isArray(va) ? va : [va];
    const vb = b[key];
    const xb = Array.isArray(vb) ? vb : [vb];
    const largest = Math.max(...xa.map(Math.abs));
    xa.forEach((x, i) => {
      worst.values++;
      if (Object.is(x, xb[i])) return void worst.identical++;
      const diff = Math.abs(x - xb[i]);
      const relative = diff / Math.max(Math.abs(x), Math.abs(xb[i]));
      if (relative > worst.relative) {
        worst.relative = relative;
        worst.where = `${key}[${i}] = ${x.toPrecision(6)} at ${label}`;
      }
      worst.toLargest = Math.max(worst.toLargest, diff / largest);
    });
  }
}

console.log(`native vs JS trial values, size ${size}, seeds 0–${seeds - 1} of every grid point`);
console.log(
  '| experiment | values | bit-identical | max relative | max relative to largest | where |',
);
console.log('| --- | --: | --: | --: | --: | --- |');
for (const experiment of EXPERIMENTS) {
  if (only && !only.includes(experiment.name)) continue;
  const config = experiment.config(size);
  try {
    experiment.prepare?.(config);
  } catch (error) {
    console.log(`| ${experiment.name} | skipped: ${(error as Error).message} |`);
    continue;
  }
  const worst: Worst = { values: 0, identical: 0, relative: 0, where: '—', toLargest: 0 };
  for (const params of experiment.points(config))
    for (let seed = 0; seed < Math.min(seeds, experiment.trials(config)); seed++) {
      setBackend('native');
      const a = runTrial(experiment, params, seed).values;
      setBackend('js');
      const b = runTrial(experiment, params, seed).values;
      compare(a, b, `${JSON.stringify(params)} seed ${seed}`, worst);
    }
  console.log(
    `| ${experiment.name} | ${worst.values} | ${worst.identical} | ${worst.relative.toExponential(1)} | ${worst.toLargest.toExponential(1)} | ${worst.where} |`,
  );
}
