// Large-layer benchmark (issue 18 item 3): a heavy-tailed N×M layer (entries g·u^(−1/3), g normal,
// u uniform: Student-like tails of index 3) through what `rmtkit diagnose` runs on it
// (diagnoseModel: the Gram route, dsyrk then the two-stage eigensolver in one native job
// (gramEigvalsh), chosen because the spectrum is resolved; every rmtkit and WeightWatcher column,
// phase), and the bare Gram eigenvalues + power-law fit, against
// numpy's full SVD (values only) + the same fit (bench/large_numpy.py), measured in the same run.
// Wall and process CPU seconds are both reported: on a loaded machine with OPENBLAS_NUM_THREADS=1
// the CPU ratio is the fair one. "JS s" is the time the JS thread was busy (copies, scans, fits):
// what diagnoseModel adds to the native job. diagnoseLargeLayer (randomized block Krylov + SLQ)
// only with --krylov (slow and inexact when the fitted tail reaches into a dense bulk edge; docs).
// Usage: OPENBLAS_NUM_THREADS=1 node --import tsx bench/diagnose.ts --large 4096x11008 [--krylov]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { weightEsdAsync } from '../src/diagnostics/esd.js';
import { diagnoseLargeLayer } from '../src/diagnostics/large-layer.js';
import { diagnoseModel } from '../src/diagnostics/model.js';
import { fitPowerLaw } from '../src/diagnostics/powerlaw.js';
import { writeNpy } from '../src/io/npy.js';
import type { WeightFile } from '../src/io/weights/tensor.js';
import { Matrix } from '../src/linalg/matrix.js';
import { randomStream } from '../src/random/stream.js';

/** A rows×cols matrix with entries g·u^(−1/μ): heavy tails of index μ. */
export function heavyTailedMatrix(rows: number, cols: number, mu: number, seed: number): Matrix {
  const s = randomStream(seed);
  const w = Matrix.zeros(rows, cols);
  for (let i = 0; i < w.data.length; i++) w.data[i] = s.normal() * s.uniform() ** (-1 / mu);
  return w;
}

/**
 * Wall and process CPU seconds (all threads) of `f`, and the seconds the JS thread was busy (the
 * rest ran in native jobs off it, or waited).
 */
async function timed<T>(
  f: () => Promise<T>,
): Promise<{ value: T; wall: number; cpu: number; js: number }> {
  const c = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const start = performance.now();
  const value = await f();
  const used = process.cpuUsage(c);
  const js = performance.eventLoopUtilization(loop).active / 1000;
  return {
    value,
    wall: (performance.now() - start) / 1000,
    cpu: (used.user + used.system) / 1e6,
    js,
  };
}

export async function benchLarge(rows: number, cols: number, krylov: boolean): Promise<void> {
  const w = heavyTailedMatrix(rows, cols, 3, 1);
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-large-'));
  writeNpy(join(dir, 'w.npy'), w);
  const file: WeightFile = {
    file: 'layer.npy',
    format: 'npy',
    skipped: [],
    tensors: [{ name: 'mlp', shape: [rows, cols], data: w.data, dtype: 'float64', floating: true }],
  };
  const model = await timed(() => diagnoseModel([file]));
  const single = await timed(() => diagnoseModel([file], { spectrum: 'gram-single' }));
  let evals: Float64Array = new Float64Array(0);
  const gram = await timed(async () => {
    evals = (await weightEsdAsync(w)).evals;
    return fitPowerLaw(evals);
  });
  const fitTimes = Array.from({ length: 5 }, () => {
    const start = performance.now();
    fitPowerLaw(evals);
    return performance.now() - start;
  }).sort((a, b) => a - b);
  const fast = krylov ? await timed(async () => diagnoseLargeLayer(w, { seed: 1 })) : undefined;
  const script = new URL('./large_numpy.py', import.meta.url).pathname;
  const ref = JSON.parse(
    execFileSync('python3', [script, join(dir, 'w.npy')], { encoding: 'utf8' }),
  );
  rmSync(dir, { recursive: true });
  const threads = process.env.OPENBLAS_NUM_THREADS ?? 'default';
  console.log(
    `heavy-tailed ${rows}×${cols} (entries g·u^(−1/3)), one run each, OPENBLAS_NUM_THREADS=${threads}`,
  );
  console.log(
    'method                                            wall s    CPU s     JS s        α     xmin  tail n  ×numpy wall  ×numpy CPU',
  );
  const line = (
    what: string,
    t: { wall: number; cpu: number; js?: number },
    a: number,
    xmin: number,
    n: number,
  ) =>
    console.log(
      `${what.padEnd(46)}${t.wall.toFixed(1).padStart(9)}${t.cpu.toFixed(1).padStart(9)}${(t.js?.toFixed(2) ?? '').padStart(9)}${a.toFixed(4).padStart(9)}${xmin.toPrecision(5).padStart(9)}${String(n).padStart(8)}${(ref.seconds / t.wall).toFixed(1).padStart(13)}${(ref.cpuSeconds / t.cpu).toFixed(1).padStart(12)}`,
    );
  line(
    'numpy full SVD (values) + fit',
    { wall: ref.seconds, cpu: ref.cpuSeconds },
    ref.alpha,
    ref.xmin,
    ref.n,
  );
  const row = model.value.layers[0]!;
  const singleRow = single.value.layers[0]!;
  for (const run of [model, single]) {
    const r = run.value.layers[0]!;
    line(
      `rmtkit diagnoseModel (${r.esd_method}, all columns)`,
      run,
      r.alpha,
      r.xmin,
      r.num_pl_spikes,
    );
  }
  line('rmtkit gramEigvalsh + fit', gram, gram.value.alpha, gram.value.xmin, gram.value.n);
  console.log(
    `  |Δα| = ${Math.abs(row.alpha - ref.alpha).toExponential(2)} (target ≤ 0.05); diagnoseModel speed-up ${(ref.seconds / model.wall).toFixed(1)}× wall, ${(ref.cpuSeconds / model.cpu).toFixed(1)}× CPU (target ≥ 5×)`,
  );
  console.log(
    `  gram-single: |Δα| = ${Math.abs(singleRow.alpha - ref.alpha).toExponential(2)}, speed-up ${(ref.seconds / single.wall).toFixed(1)}× wall, ${(ref.cpuSeconds / single.cpu).toFixed(1)}× CPU; against the double row: ${columnDifferences(row, singleRow)}`,
  );
  console.log(
    `  one power-law fit (n = ${evals.length}): rmtkit ${fitTimes[2]!.toFixed(0)} ms (median of 5), numpy ${((ref.seconds - ref.svdSeconds) * 1000).toFixed(0)} ms (bench/diagnose_numpy.py, once)`,
  );
  if (fast) {
    const f = fast.value;
    line(
      `rmtkit top ${f.top.length} (block Krylov) + fit + SLQ`,
      fast,
      f.fit.alpha,
      f.fit.xmin,
      f.fit.n,
    );
    console.log(
      `  |Δα| = ${Math.abs(f.fit.alpha - ref.alpha).toExponential(2)}; rounds ${f.rounds}`,
    );
  }
}

/**
 * The largest relative difference between two rows' numeric columns, and the columns that differ by
 * more than 1e-6.
 */
function columnDifferences(a: object, b: object): string {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let largest = 0;
  let where = '';
  const above: string[] = [];
  for (const [key, value] of Object.entries(x)) {
    const other = y[key];
    if (typeof value !== 'number' || typeof other !== 'number' || value === other) continue;
    const relative = Math.abs(value - other) / Math.max(Math.abs(value), Math.abs(other));
    if (relative > largest) [largest, where] = [relative, key];
    if (relative > 1e-6) above.push(`${key} ${value} vs ${other}`);
  }
  return `largest relative difference ${largest.toExponential(1)} (${where || 'none'}); above 1e-6: ${above.join(', ') || 'none'}`;
}
