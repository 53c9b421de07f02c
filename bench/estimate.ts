// Matrix-free estimation benchmark (issue 14), the numbers the closing notes quote:
// - SLQ log-det of a d×d Wishart (d/n = 0.5) + 0.01·I, 30 Rademacher probes × 30 Lanczos steps,
//   over 5 seeds (or --seeds), plain and with the control variates tr A, tr A²: relative error
//   against the exact Cholesky log-det, interval coverage, and time against one native Cholesky
//   of the same matrix (best of the runs, interleaved);
// - FLODANCE on the leading 10 % of n×n RBF and exponential kernel matrices (points in [0, 1]²,
//   ℓ = 0.5, nugget 0.01): relative error and time against the exact Cholesky log-det;
// - the out-of-core log-det of an n×n SPD .npy under a memory cap against the in-memory one.
// Usage: node --import tsx bench/estimate.ts [--d 4000] [--seeds 5] [--n 8000] [--ooc 4000]
//   [--cap 16MB]  (--seeds 100 for the interval coverage; 0 skips a part)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { flodance } from '../src/estimate/flodance.js';
import { logdetCholesky } from '../src/estimate/logdet-cholesky.js';
import { memdetLogdet } from '../src/estimate/memdet.js';
import { parseByteSize } from '../src/estimate/memdet-size.js';
import { powerTraces } from '../src/estimate/power-traces.js';
import { slq } from '../src/estimate/slq.js';
import { writeNpy } from '../src/io/npy.js';
import { cholesky, gram } from '../src/linalg/api.js';
import { backend } from '../src/linalg/backend.js';
import { denseOperator } from '../src/operators/linear-operator.js';
import { gaussianMatrix } from '../src/random/gaussian.js';
import { kernelMatrix } from '../test/estimate/helpers.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const d = Number(args.d ?? 4000);
const n = Number(args.n ?? 8000);
const ooc = Number(args.ooc ?? 4000);
const seeds = Number(args.seeds ?? 5);
const cap = parseByteSize('--cap', args.cap ?? '16MB');

function timed<T>(f: () => T): { seconds: number; value: T } {
  const start = performance.now();
  const value = f();
  return { seconds: (performance.now() - start) / 1000, value };
}
const percent = (x: number, exact: number) =>
  `${((100 * (x - exact)) / Math.abs(exact)).toFixed(2)} %`;

console.log(`backend ${backend()}`);
if (d > 0) {
  const a = gram(gaussianMatrix(2 * d, d, 12345));
  for (let i = 0; i < d; i++) a.data[i * d + i]! += 0.01;
  const exact = logdetCholesky(a).logAbsDet;
  const op = denseOperator(a, { symmetric: true });
  let choleskyBest = Infinity;
  // Plain SLQ and SLQ with the exact tr A, tr A² as control variates (docs/theory.md §13.9).
  for (const controlled of [false, true]) {
    let slqBest = Infinity;
    const errors: number[] = [];
    let covered = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      if (seed <= 5) choleskyBest = Math.min(choleskyBest, timed(() => cholesky(a)).seconds);
      const run = timed(() =>
        slq(op, 'log', {
          lanczosSteps: 30,
          minProbes: 30,
          maxProbes: 30,
          seed,
          probes: 'rademacher',
          knownTraces: controlled ? powerTraces(a) : [],
        }),
      );
      slqBest = Math.min(slqBest, run.seconds);
      errors.push(Math.abs(run.value.value - exact) / Math.abs(exact));
      if (run.value.interval[0] <= exact && exact <= run.value.interval[1]) covered++;
    }
    const first5 = errors.slice(0, 5);
    const sorted = [...first5].sort((x, y) => x - y);
    console.log(
      `SLQ log-det d = ${d}${controlled ? ', control variates tr A, tr A²' : ''}: |errors| seeds 1–5 ${first5.map((e) => `${(100 * e).toFixed(2)} %`).join(', ')} (median ${(100 * sorted[2]!).toFixed(2)} %, max ${(100 * sorted[4]!).toFixed(2)} %); max over ${seeds} seeds ${(100 * Math.max(...errors)).toFixed(2)} %; 95 % interval covers ${covered}/${seeds}; ${slqBest.toFixed(2)} s vs Cholesky ${choleskyBest.toFixed(2)} s = ${(slqBest / choleskyBest).toFixed(2)}×`,
    );
  }
}
if (n > 0) {
  for (const kind of ['rbf', 'exp'] as const) {
    const cells = [1, 2, 7].map((seed) => {
      const a = kernelMatrix(kind, n, 2, 0.5, 0.01, seed);
      const exact = timed(() => logdetCholesky(a).logAbsDet);
      const fit = timed(() => flodance(a, { fraction: 0.1 }));
      return `seed ${seed}: ${percent(fit.value.logAbsDet, exact.value)} (± ${((100 * fit.value.standardError) / Math.abs(exact.value)).toFixed(2)} %), ${fit.seconds.toFixed(2)} s vs ${exact.seconds.toFixed(2)} s`;
    });
    console.log(`FLODANCE ${kind} n = ${n}, 10 %: ${cells.join('; ')}`);
  }
}
if (ooc > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-memdet-bench-'));
  try {
    const a = gram(gaussianMatrix(2 * ooc, ooc, 777));
    writeNpy(join(dir, 'A.npy'), a);
    const inMemory = timed(() => logdetCholesky(a));
    const out = timed(() =>
      memdetLogdet(join(dir, 'A.npy'), { maxMemory: cap, scratch: join(dir, 'scratch') }),
    );
    const difference =
      Math.abs(out.value.logAbsDet - inMemory.value.logAbsDet) / Math.abs(inMemory.value.logAbsDet);
    console.log(
      `out-of-core log-det n = ${ooc}, cap ${args.cap ?? '16MB'}: ${out.value.blocks}×${out.value.blocks} tiles of ${out.value.blockSize}, ${out.seconds.toFixed(2)} s vs in memory ${inMemory.seconds.toFixed(2)} s = ${(out.seconds / inMemory.seconds).toFixed(2)}×, relative difference ${difference.toExponential(1)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
