// RandNLA benchmark (issue 13): sketch-and-precondition least squares against numpy.linalg.lstsq
// (LAPACK dgelsd) on A with cond(A) ≈ 1e8, and randomized SVD against numpy's full SVD, in the same
// run on the same .npy files (bench/sketch_numpy.py). Ratios are numpy's time over ours.
// Usage: node --import tsx bench/sketch.ts [--sizes 100000x500,50000x1000] [--sketch saso:8]
//        [--embedding 4] [--repeat 3] [--svd 4000] [--rank 50]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeNpy } from '../src/io/npy.js';
import { matmul, qr } from '../src/linalg/api.js';
import { backend } from '../src/linalg/backend.js';
import { gaussianMatrix } from '../src/random/gaussian.js';
import { type LstsqOptions, lstsq } from '../src/sketch/lstsq.js';
import { sketchingOperator } from '../src/sketch/operator.js';
import { rsvd } from '../src/sketch/rsvd.js';
import { lowRankErrorFactor } from '../src/sketch/theory-solve.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const sizes = (args.sizes ?? '100000x500,50000x1000')
  .split(',')
  .filter((s: string) => s !== '')
  .map((s: string) => s.split('x').map(Number) as [number, number]);
const repeat = Number(args.repeat ?? 3);
const svdSize = Number(args.svd ?? 4000);
const rank = Number(args.rank ?? 50);
// LSQR iterations to backward error 1e-10 for every family at l = 2d, on these shapes.
const iterationShapes = (args.iterations ?? '20000x200,100000x500')
  .split(',')
  .filter((s: string) => s !== '')
  .map((s: string) => s.split('x').map(Number) as [number, number]);

function best<T>(f: () => T): { seconds: number; value: T } {
  let seconds = Infinity;
  let value: T | undefined;
  for (let k = 0; k < repeat; k++) {
    const start = performance.now();
    value = f();
    seconds = Math.min(seconds, (performance.now() - start) / 1000);
  }
  return { seconds, value: value! };
}

function numpy(job: object): { seconds: number; backwardError?: number; numpy: string } {
  const script = new URL('./sketch_numpy.py', import.meta.url).pathname;
  return JSON.parse(
    execFileSync('python3', [script, JSON.stringify({ ...job, repeat })], { encoding: 'utf8' }),
  );
}

/** Gaussian columns scaled geometrically from 1 to 1e-8: cond(A) ≈ 1e8. */
function illConditioned(m: number, n: number) {
  const a = gaussianMatrix(m, n, `bench-${m}x${n}`);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) a.data[i * n + j]! *= 1e-8 ** (j / (n - 1));
  return a;
}

const dir = mkdtempSync(join(tmpdir(), 'rmtkit-sketch-bench-'));
try {
  console.log(`backend ${backend()}, best of ${repeat}`);
  for (const [m, n] of sizes) {
    const a = illConditioned(m, n);
    const b = gaussianMatrix(m, 1, `bench-b-${m}`).data;
    writeNpy(join(dir, 'A.npy'), a);
    writeNpy(join(dir, 'b.npy'), b);
    const options: LstsqOptions = {
      sketch: args.sketch ?? 'saso:8',
      embedding: args.embedding ? Number(args.embedding) : undefined,
      seed: 1,
    };
    const ours = best(() => lstsq(a, b, options));
    const direct = best(() => lstsq(a, b, { method: 'direct' }));
    const reference = numpy({ task: 'lstsq', dir });
    // The sketch of A alone, against scipy's CSC product with the same shape and nonzeros.
    const saso = sketchingOperator({ kind: 'saso', vecNnz: 8 }, ours.value.sketchSize!, m, 1);
    const sketchTime = best(() => saso.applyLeft(a)).seconds;
    const scipySketch = numpy({ task: 'countsketch', dir, l: ours.value.sketchSize, vecNnz: 8 });
    const r = ours.value;
    console.log(
      `lstsq ${m}×${n}: sketch-precondition ${r.sketch} l=${r.sketchSize} ${ours.seconds.toFixed(2)} s (${r.iterations} LSQR iterations, backward error ${r.backwardError.toExponential(1)}, cond(AR⁻¹) ≈ ${r.conditionEstimate?.toFixed(2)}) | rmtkit direct (dgels) ${direct.seconds.toFixed(2)} s | numpy lstsq ${reference.seconds.toFixed(2)} s (backward error ${reference.backwardError?.toExponential(1)}) | numpy/ours ${(reference.seconds / ours.seconds).toFixed(2)}× | saso:8 S·A ${sketchTime.toFixed(2)} s vs scipy CSC ${scipySketch.seconds.toFixed(2)} s`,
    );
  }
  for (const [m, n] of iterationShapes) {
    const a = illConditioned(m, n);
    const b = gaussianMatrix(m, 1, `bench-b-${m}`).data;
    const cells = ['gaussian', 'uniform', 'rademacher', 'saso:8', 'srht', 'laso:leverage'].map(
      (sketch) => {
        const r = lstsq(a, b, { sketch, embedding: 2, seed: 1 });
        return `${sketch} ${r.iterations} (${r.backwardError.toExponential(1)})`;
      },
    );
    console.log(`LSQR iterations at l = 2d, ${m}×${n}, cond ≈ 1e8: ${cells.join(', ')}`);
  }
  if (svdSize > 0) {
    // A = U·diag(σ)·Vᵀ with σ_j = j^(-1) (slow decay, the hard case for rsvd) and Haar U, V.
    const u = qr(gaussianMatrix(svdSize, svdSize, 'rsvd-u')).q;
    const v = qr(gaussianMatrix(svdSize, svdSize, 'rsvd-v')).q;
    const sigma = Float64Array.from({ length: svdSize }, (_, j) => 1 / (j + 1));
    for (let i = 0; i < svdSize; i++)
      for (let j = 0; j < svdSize; j++) u.data[i * svdSize + j]! *= sigma[j]!;
    const a = matmul(u, v, { transB: true });
    writeNpy(join(dir, 'A.npy'), a);
    const p = 10;
    const ours = best(() => rsvd(a, rank, { oversample: p, power: 2, seed: 1 }));
    let tail = 0;
    for (let j = rank; j < svdSize; j++) tail += sigma[j]! ** 2;
    let total = 0;
    for (const x of sigma) total += x * x;
    const ratios = [1, 2, 3, 4, 5].map((seed) => {
      const { s } = rsvd(a, rank, { oversample: p, power: 2, seed });
      return (total - s.reduce((acc, x) => acc + x * x, 0)) / tail;
    });
    const zeroPower = [1, 2, 3, 4, 5].map((seed) => {
      const { s } = rsvd(a, rank, { oversample: p, power: 0, seed });
      return (total - s.reduce((acc, x) => acc + x * x, 0)) / tail;
    });
    const mean = (x: number[]) => x.reduce((s, y) => s + y, 0) / x.length;
    const reference = numpy({ task: 'svd', dir, repeat: 1 });
    console.log(
      `rsvd ${svdSize}×${svdSize}, rank ${rank}, p = ${p}, q = 2: ${ours.seconds.toFixed(2)} s | numpy full SVD ${reference.seconds.toFixed(2)} s | numpy/ours ${(reference.seconds / ours.seconds).toFixed(1)}× | mean ‖A − A_k‖²_F ratio to optimal: q = 2 ${mean(ratios).toFixed(4)}, q = 0 ${mean(zeroPower).toFixed(4)} (theory bound for q = 0: ${lowRankErrorFactor(rank, rank + p).toFixed(3)})`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
