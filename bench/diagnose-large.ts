// Large-layer benchmark (issue 18 item 3): a heavy-tailed N×M layer (entries g·u^(−1/3), g normal,
// u uniform: Student-like tails of index 3), the power-law fit from the top of the spectrum
// (diagnoseLargeLayer: randomized block Krylov + SLQ for the bulk) against numpy's full SVD
// (values only) + the same fit (bench/large_numpy.py), measured in the same run.
// The exact Gram route (weightEsdAsync: dsyrk + dsyevd, values to ε·λmax, the tail exact) is
// timed too; diagnoseLargeLayer only with --krylov (slow and inexact when the fitted tail reaches
// into a dense bulk edge: measured in docs/diagnostics.md).
// Usage: node --import tsx bench/diagnose.ts --large 4096x11008 [--krylov]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { weightEsdAsync } from '../src/diagnostics/esd.js';
import { diagnoseLargeLayer } from '../src/diagnostics/large-layer.js';
import { fitPowerLaw } from '../src/diagnostics/powerlaw.js';
import { writeNpy } from '../src/io/npy.js';
import { Matrix } from '../src/linalg/matrix.js';
import { randomStream } from '../src/random/stream.js';

/** A rows×cols matrix with entries g·u^(−1/μ): heavy tails of index μ. */
export function heavyTailedMatrix(rows: number, cols: number, mu: number, seed: number): Matrix {
  const s = randomStream(seed);
  const w = Matrix.zeros(rows, cols);
  for (let i = 0; i < w.data.length; i++) w.data[i] = s.normal() * s.uniform() ** (-1 / mu);
  return w;
}

export async function benchLarge(rows: number, cols: number, krylov: boolean): Promise<void> {
  const w = heavyTailedMatrix(rows, cols, 3, 1);
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-large-'));
  writeNpy(join(dir, 'w.npy'), w);
  let start = performance.now();
  const gram = fitPowerLaw((await weightEsdAsync(w)).evals);
  const tGram = (performance.now() - start) / 1000;
  start = performance.now();
  const fast = krylov ? diagnoseLargeLayer(w, { seed: 1 }) : undefined;
  const t = (performance.now() - start) / 1000;
  const script = new URL('./large_numpy.py', import.meta.url).pathname;
  const ref = JSON.parse(
    execFileSync('python3', [script, join(dir, 'w.npy')], { encoding: 'utf8' }),
  );
  rmSync(dir, { recursive: true });
  console.log(`heavy-tailed ${rows}×${cols} (entries g·u^(−1/3)), one run each`);
  console.log('method                                         seconds        α     xmin  tail n');
  const line = (what: string, s: number, a: number, xmin: number, n: number) =>
    console.log(
      `${what.padEnd(44)}${s.toFixed(1).padStart(10)}${a.toFixed(4).padStart(9)}${xmin.toPrecision(5).padStart(9)}${String(n).padStart(8)}`,
    );
  line('numpy full SVD (values) + fit', ref.seconds, ref.alpha, ref.xmin, ref.n);
  line('  of which the SVD', ref.svdSeconds, NaN, NaN, 0);
  line('rmtkit Gram (dsyrk) + eigenvalues (dsyevd) + fit', tGram, gram.alpha, gram.xmin, gram.n);
  console.log(
    `  |Δα| = ${Math.abs(gram.alpha - ref.alpha).toExponential(2)} (target ≤ 0.05); speed-up ${(ref.seconds / tGram).toFixed(1)}× (target ≥ 5×)`,
  );
  if (fast) {
    line(
      `rmtkit top ${fast.top.length} (block Krylov) + fit + SLQ`,
      t,
      fast.fit.alpha,
      fast.fit.xmin,
      fast.fit.n,
    );
    console.log(
      `  |Δα| = ${Math.abs(fast.fit.alpha - ref.alpha).toExponential(2)}; speed-up ${(ref.seconds / t).toFixed(1)}×; rounds ${fast.rounds}`,
    );
  }
}
