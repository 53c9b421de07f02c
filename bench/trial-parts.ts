// Where a sweep trial's CPU goes (issue 23): the error-vs-alpha trial of `rmtkit reproduce` at
// d = 500 (n = αd AR(1) rows, masked SSR at λ without centring, exact L_gen and L_tr) split into
// its sample, its fit (with L_tr) and its exact error, CPU time per warm trial in one thread with
// OpenBLAS on one thread, against the same parts of bench/reproduce_numpy.py's trial
// (bench/trial_parts_numpy.py) measured in the same run. Rounds alternate between the sides so
// load from other processes hits both; each round gives each side's median over its trials.
// CPU time rather than wall time: on a shared machine the second is mostly other people's work.
// Usage: node --import tsx bench/trial-parts.ts [--d 500] [--alpha 2] [--trials 60] [--rounds 3]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { experimentModel } from '../src/experiments/models.js';
import { setBlasThreads } from '../src/linalg/backend.js';
import { randomStream } from '../src/random/stream.js';
import { sampleCount, ssrTrial } from '../src/scenario/ssr-trial.js';
import { fitSsr } from '../src/ssr/estimator.js';
import { populationErrorInPlace } from '../src/ssr/population-error.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const d = Number(args.d ?? 500);
const alpha = Number(args.alpha ?? 2);
const trials = Number(args.trials ?? 60);
const rounds = Number(args.rounds ?? 3);
const warmup = 10;
const rho = 0.5;
const lambda = 0.1;
const n = sampleCount(alpha, d);
const PARTS = ['sample', 'fit', 'error'] as const;
type Parts = Record<(typeof PARTS)[number] | 'trial', number>;

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The parts as ssrTrial runs them (ssr-trial.ts), each timed. */
function ours(round: number): Parts {
  setBlasThreads(1);
  const model = experimentModel(`ar1:${rho}`, d);
  const times = { sample: [] as number[], fit: [] as number[], error: [] as number[] };
  for (let t = 0; t < warmup + trials; t++) {
    const start = cpuMs();
    const x = model.sample(n, randomStream(round).split(t));
    const sampled = cpuMs();
    const fit = fitSsr(x, { lambda, centre: false });
    const fitted = cpuMs();
    populationErrorInPlace(fit, model.matrix());
    const done = cpuMs();
    if (t < warmup) continue;
    times.sample.push(sampled - start);
    times.fit.push(fitted - sampled);
    times.error.push(done - fitted);
  }
  // The whole trial through ssrTrial itself, so the parts add up to what the runner calls.
  const whole: number[] = [];
  for (let t = 0; t < trials; t++) {
    const start = cpuMs();
    ssrTrial(model, n, lambda, randomStream(round + 1000).split(t));
    whole.push(cpuMs() - start);
  }
  return {
    sample: median(times.sample),
    fit: median(times.fit),
    error: median(times.error),
    trial: median(whole),
  };
}

function numpy(): Parts {
  const script = new URL('./trial_parts_numpy.py', import.meta.url).pathname;
  const out = execFileSync(
    'python3',
    [script, JSON.stringify({ d, alpha, rho, lambda, trials, warmup })],
    { env: { ...process.env, OPENBLAS_NUM_THREADS: '1' }, encoding: 'utf8' },
  );
  const parts = JSON.parse(out) as Record<(typeof PARTS)[number], number[]>;
  const ms = (v: number[]) => 1000 * median(v);
  const sum = parts.sample.map((s, t) => s + parts.fit[t]! + parts.error[t]!);
  return { sample: ms(parts.sample), fit: ms(parts.fit), error: ms(parts.error), trial: ms(sum) };
}

const results: { ours: Parts; numpy: Parts; load: number }[] = [];
for (let r = 0; r < rounds; r++)
  results.push({ ours: ours(r), numpy: numpy(), load: loadavg()[0]! });

const range = (v: number[], digits = 1) =>
  `${Math.min(...v).toFixed(digits)}–${Math.max(...v).toFixed(digits)}`;
console.log(
  `CPU ms per warm trial, d = ${d}, n = ${n}, AR(1) ρ = ${rho}, λ = ${lambda}: medians of ${trials} trials a round, ${rounds} rounds, load ${range(results.map((x) => x.load))}`,
);
console.log('part      rmtkit        numpy         rmtkit ÷ numpy, round by round');
for (const part of [...PARTS, 'trial'] as const) {
  const o = results.map((x) => x.ours[part]);
  const p = results.map((x) => x.numpy[part]);
  const ratios = results.map((x) => (x.ours[part] / x.numpy[part]).toFixed(2)).join(', ');
  console.log(`${part.padEnd(10)}${range(o).padEnd(14)}${range(p).padEnd(14)}${ratios}`);
}
console.log(
  'rmtkit forms Â in "fit" and writes I − Â over it in "error"; numpy forms I − Â = Q diag(Q)⁻¹ in "error".',
);
