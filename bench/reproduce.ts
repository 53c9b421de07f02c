// Sweep throughput benchmark (issue 5): Monte Carlo trials per second of the `rmtkit reproduce`
// runner (worker threads + SQLite store, one transaction per trial) at d = 500 against
// bench/reproduce_numpy.py running the same trials (same sizes and computations, numpy's own
// random numbers) in the same run, three ways: one process with numpy's default BLAS threads,
// one process with one BLAS thread, and one single-threaded process per core sharing the trials
// (the runner's layout). Rounds alternate between the sides so load from other processes hits
// every side; rates use each side's best round. One trial: n = αd AR(1) rows, masked SSR at λ
// without centring, exact L_gen and L_tr (the error-vs-alpha trial). Pool start-up (worker
// threads importing the library) is reported apart. The runner's pool sets OpenBLAS to one thread
// while it runs (linalg.setBlasThreads), as the numpy processes get OPENBLAS_NUM_THREADS=1.
// Where the time goes: each side's CPU time per trial (all its threads or processes: what the
// rates follow when other work takes the cores), and its mean seconds of computation per trial
// (inside the worker or the numpy process) against its wall time per trial and process, the rest
// being the pool (messages, store, scheduling). 48 trials a round by default: each worker's first
// trials cost 0.2–0.3 s of CPU once (JIT compilation, first OpenBLAS calls), which weighed four
// times as much in the former 12 and is nothing over a real sweep's hundreds of trials.
// Usage: node --import tsx bench/reproduce.ts [--d 500] [--alpha 2] [--trials 48] [--rounds 3]
// [--workers <cores>] [--no-default-threads] (leaves out numpy with its default BLAS threads: never
// the best layout, and minutes a round on a loaded machine)
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { ar1Covariance } from '../src/covariance/index.js';
import { errorVsAlpha } from '../src/experiments/defs/error-vs-alpha.js';
import { TrialPool } from '../src/experiments/pool.js';
import { runExperiment, storeKey } from '../src/experiments/runner.js';
import { ResultStore } from '../src/experiments/store.js';
import { backendDetails } from '../src/linalg/backend.js';
import { ssrTheory } from '../src/ssr/index.js';
import { meanError } from '../src/stats/mean-error.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const d = Number(args.d ?? 500);
const alpha = Number(args.alpha ?? 2);
const trials = Number(args.trials ?? 48);
const rounds = Number(args.rounds ?? 3);
const cores = Number(args.workers ?? availableParallelism());
const defaultThreads = args['no-default-threads'] === undefined;
const rho = 0.5;
const lambda = 0.1;

// The registered error-vs-alpha experiment with a one-point grid: workers look its `simulate` up by
// name.
let round = 0;
const experiment = {
  ...errorVsAlpha,
  config: () => ({ d, models: [`ar1:${rho}`], alphas: [alpha], lambdas: [lambda], trials }),
  points: () => [{ model: `ar1:${rho}`, d, alpha, lambda: lambda + 1e-12 * round }],
};

interface Side {
  rate: number;
  /** Mean seconds of computation per trial, inside the worker thread or numpy process. */
  compute: number;
  /** CPU seconds per trial of all the side's threads or processes (steadier under load). */
  cpu: number;
  gen: number[];
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

async function ours(workers: number): Promise<Side & { startup: number }> {
  const start = performance.now();
  const pool = await TrialPool.start(workers);
  const startup = (performance.now() - start) / 1000;
  const store = new ResultStore(':memory:'); // a fresh store: every trial is computed and stored
  try {
    // CPU of every thread of this process from the first trial claimed to the last one stored
    // (the analysis after it excluded).
    const cpu = { start: 0, end: 0 };
    const run = await runExperiment(experiment, {
      size: 'full',
      store,
      pool,
      onProgress: (done) => {
        const used = process.cpuUsage();
        cpu[done === 0 ? 'start' : 'end'] = (used.user + used.system) / 1e6;
      },
    });
    const stored = store.point(storeKey(experiment), experiment.points()[0]);
    return {
      rate: trials / run.seconds.sweep,
      compute: mean(stored.map((t) => t.seconds)),
      cpu: (cpu.end - cpu.start) / trials,
      startup,
      gen: stored.map((t) => t.values.gen as number),
    };
  } finally {
    await pool.close();
    store.close();
  }
}

const run = promisify(execFile);
const script = new URL('./reproduce_numpy.py', import.meta.url).pathname;

/**
 * `processes` numpy processes share the trials; each uses `threads` BLAS threads (0: numpy's
 * default).
 */
async function numpy(seed: number, processes: number, threads: number): Promise<Side> {
  const env = { ...process.env };
  if (threads > 0) env.OPENBLAS_NUM_THREADS = String(threads);
  else delete env.OPENBLAS_NUM_THREADS;
  const outs = await Promise.all(
    Array.from({ length: processes }, (_, p) => {
      const share = Math.floor(trials / processes) + (p < trials % processes ? 1 : 0);
      return run(
        'python3',
        [script, JSON.stringify({ d, alpha, rho, lambda, trials: share, seed: 1000 * seed + p })],
        { env },
      );
    }),
  );
  const parsed = outs.map(
    (o) => JSON.parse(o.stdout) as { seconds: number; cpu: number; times: number[]; gen: number[] },
  );
  // The processes' own clocks (interpreter and import start-up excluded, like the pool's): the
  // slowest one.
  return {
    rate: trials / Math.max(...parsed.map((p) => p.seconds)),
    compute: mean(parsed.flatMap((p) => p.times)),
    cpu: parsed.reduce((sum, p) => sum + p.cpu, 0) / trials,
    gen: parsed.flatMap((p) => p.gen),
  };
}

// The sides in the order each round runs them: how many processes or workers share the trials,
// with how many BLAS threads each (numpy; 0: its default).
const startups: number[] = [];
const sides = [
  ...(defaultThreads
    ? [{ label: 'numpy, 1 process, default BLAS threads', numpy: true, processes: 1, threads: 0 }]
    : []),
  { label: 'numpy, 1 process, 1 BLAS thread', numpy: true, processes: 1, threads: 1 },
  { label: `numpy, ${cores} processes × 1 BLAS thread`, numpy: true, processes: cores, threads: 1 },
  { label: 'rmtkit runner, 1 worker thread', numpy: false, processes: 1, threads: 1 },
  { label: `rmtkit runner, ${cores} worker threads`, numpy: false, processes: cores, threads: 1 },
].map((side) => ({ ...side, rounds: [] as Side[] }));
for (round = 0; round < rounds; round++) {
  for (const side of sides) {
    if (side.numpy) side.rounds.push(await numpy(round, side.processes, side.threads));
    else {
      const run = await ours(side.processes);
      side.rounds.push(run);
      startups.push(run.startup);
    }
  }
}
const numpySides = sides.filter((s) => s.numpy);
const oursSides = sides.filter((s) => !s.numpy);
const best = (rs: Side[]) => rs.reduce((a, b) => (b.rate > a.rate ? b : a));
const theory = ssrTheory(ar1Covariance(rho, d).spectrum(), [
  { alpha: Math.round(alpha * d) / d, lambda },
])[0].genError;
const details = backendDetails();
const numpyBest = Math.max(...numpySides.map((s) => best(s.rounds).rate));
console.log(
  `Monte Carlo trials at d = ${d}, n = ${Math.round(alpha * d)}, AR(1) ρ = ${rho}, λ = ${lambda}: ${trials} trials per round, best of ${rounds} rounds`,
);
console.log(
  `backend ${details.backend}${details.openblasThreads ? `, OpenBLAS threads ${details.openblasThreads}` : ''}; ${availableParallelism()} cores`,
);
console.log(
  'side                                              trials/s  ratio to the best numpy  CPU ms per trial  ms computing / ms wall per trial and process',
);
for (const side of sides) {
  const b = best(side.rounds);
  const wall = (1000 * side.processes) / b.rate;
  console.log(
    `${side.label.padEnd(50)}${b.rate.toFixed(2).padStart(8)}  ${(b.rate / numpyBest).toFixed(2).padStart(23)}  ${(1000 * b.cpu).toFixed(1).padStart(16)}  ${(1000 * b.compute).toFixed(1)} / ${wall.toFixed(1)}`,
  );
}
// Round by round (the same load for both): the faster rmtkit layout over the faster numpy one.
const perRound = Array.from({ length: rounds }, (_, r) => {
  const rate = (list: typeof sides) => Math.max(...list.map((s) => s.rounds[r].rate));
  return rate(oursSides) / rate(numpySides);
});
console.log(
  `best rmtkit layout ÷ best numpy layout, round by round: ${perRound.map((v) => v.toFixed(2)).join(', ')}`,
);
console.log(
  `worker pool start-up ${Math.min(...startups).toFixed(2)}–${Math.max(...startups).toFixed(2)} s (not in the rates)`,
);
const genOurs = oursSides.at(-1)!.rounds.flatMap((r) => r.gen);
const genNumpy = numpySides[0].rounds.flatMap((r) => r.gen);
const [o, p] = [meanError(genOurs), meanError(genNumpy)];
console.log(
  `L_gen: rmtkit ${o.mean.toFixed(5)} ± ${o.stderr.toFixed(5)}, numpy ${p.mean.toFixed(5)} ± ${p.stderr.toFixed(5)}, theory ${theory.toFixed(5)}`,
);
