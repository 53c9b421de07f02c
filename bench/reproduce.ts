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
// Usage: node --import tsx bench/reproduce.ts [--d 500] [--alpha 2] [--trials 12] [--rounds 2]
// [--workers <cores>]
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
const trials = Number(args.trials ?? 12);
const rounds = Number(args.rounds ?? 2);
const cores = Number(args.workers ?? availableParallelism());
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

async function ours(workers: number): Promise<{ rate: number; startup: number; gen: number[] }> {
  const start = performance.now();
  const pool = await TrialPool.start(workers);
  const startup = (performance.now() - start) / 1000;
  const store = new ResultStore(':memory:'); // a fresh store: every trial is computed and stored
  try {
    const run = await runExperiment(experiment, { size: 'full', store, pool });
    const gen = store
      .point(storeKey(experiment), experiment.points()[0])
      .map((t) => t.values.gen as number);
    return { rate: trials / run.seconds.sweep, startup, gen };
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
async function numpy(
  seed: number,
  processes: number,
  threads: number,
): Promise<{ rate: number; gen: number[] }> {
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
  const parsed = outs.map((o) => JSON.parse(o.stdout) as { seconds: number; gen: number[] });
  // The processes' own clocks (interpreter and import start-up excluded, like the pool's): the
  // slowest one.
  return {
    rate: trials / Math.max(...parsed.map((p) => p.seconds)),
    gen: parsed.flatMap((p) => p.gen),
  };
}

const sides = {
  numpy: [] as number[],
  numpy1: [] as number[],
  numpyP: [] as number[],
  one: [] as number[],
  all: [] as number[],
};
const startups: number[] = [];
let genOurs: number[] = [];
let genNumpy: number[] = [];
for (round = 0; round < rounds; round++) {
  const np = await numpy(round, 1, 0);
  sides.numpy.push(np.rate);
  genNumpy = genNumpy.concat(np.gen);
  sides.numpy1.push((await numpy(round, 1, 1)).rate);
  sides.numpyP.push((await numpy(round, cores, 1)).rate);
  const one = await ours(1);
  sides.one.push(one.rate);
  startups.push(one.startup);
  const all = await ours(cores);
  sides.all.push(all.rate);
  startups.push(all.startup);
  genOurs = genOurs.concat(all.gen);
}
const best = (r: number[]) => Math.max(...r);
const theory = ssrTheory(ar1Covariance(rho, d).spectrum(), [
  { alpha: Math.round(alpha * d) / d, lambda },
])[0].genError;
const details = backendDetails();
const numpyBest = Math.max(best(sides.numpy), best(sides.numpy1), best(sides.numpyP));
console.log(
  `Monte Carlo trials at d = ${d}, n = ${Math.round(alpha * d)}, AR(1) ρ = ${rho}, λ = ${lambda}: ${trials} trials per round, best of ${rounds} rounds`,
);
console.log(
  `backend ${details.backend}${details.openblasThreads ? `, OpenBLAS threads ${details.openblasThreads}` : ''}; ${availableParallelism()} cores`,
);
console.log(
  'side                                                trials/s   ratio to the best numpy',
);
const line = (label: string, rate: number) =>
  console.log(
    `${label.padEnd(50)}${rate.toFixed(2).padStart(8)}   ${(rate / numpyBest).toFixed(2)}`,
  );
line('numpy, 1 process, default BLAS threads', best(sides.numpy));
line('numpy, 1 process, 1 BLAS thread', best(sides.numpy1));
line(`numpy, ${cores} processes × 1 BLAS thread`, best(sides.numpyP));
line('rmtkit runner, 1 worker thread', best(sides.one));
line(`rmtkit runner, ${cores} worker threads`, best(sides.all));
console.log(
  `worker pool start-up ${Math.min(...startups).toFixed(2)}–${Math.max(...startups).toFixed(2)} s (not in the rates)`,
);
const [o, p] = [meanError(genOurs), meanError(genNumpy)];
console.log(
  `L_gen: rmtkit ${o.mean.toFixed(5)} ± ${o.stderr.toFixed(5)}, numpy ${p.mean.toFixed(5)} ± ${p.stderr.toFixed(5)}, theory ${theory.toFixed(5)}`,
);
