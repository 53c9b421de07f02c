// The measurements behind the README's notes on the linear-algebra engine, each against its
// alternative in the same run: (1) a fresh 8 MB array and a loop of d = 1000 Gram matrices with
// and without the addon's glibc tuning (child processes; numpy's loop alongside); (2) the input
// checks of the symmetric kernels, three passes against one; (3) the JS micro-kernel, scalar
// TypeScript against WebAssembly SIMD, on panels that stay in L1; (4) copying a shared 8 MB work
// buffer out to the caller, slice() against allocation + set(); (5) native eigvalsh with OpenBLAS's
// waits spinning in user space and with its own sched_yield, and how long its idle worker then
// spins (child processes; numpy alongside).
// Usage: node --import tsx bench/linalg-parts.ts [--calls 30]
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { getBackend } from '../src/linalg/backend.js';
import { tile4x4 } from '../src/linalg/backends/js/products/microkernel.js';
import { simdTile } from '../src/linalg/backends/js/simd/tile.js';
import {
  assertFinite,
  assertSymmetric,
  assertSymmetricFinite,
  Matrix,
} from '../src/linalg/matrix.js';
import { gaussianMatrix } from '../src/random/index.js';

const argv = process.argv.slice(2);
const calls = Number(argv[argv.indexOf('--calls') + 1] ?? 30) || 30;
const self = fileURLToPath(import.meta.url);

if (argv[0] === '--child-spin') {
  // The redirection happens when the addon loads, so each setting needs its own process.
  const native = getBackend('native');
  const times = [1000, 2000].map((d) => {
    const x = gaussianMatrix(d, d, 2);
    const a = native.kernels.gram!(x, 1 / d);
    return best(d === 1000 ? 10 : 3, () => native.kernels.eigvalsh!(a));
  });
  // CPU time of the whole process over 0.6 s of a busy main thread after one call: the rest is
  // OpenBLAS's idle worker spinning before it sleeps.
  const cpu = process.cpuUsage();
  for (const end = performance.now() + 600; performance.now() < end; );
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      spin: native.details?.blasSpin,
      times,
      idleSpin: (used.user + used.system) / 1e6 - 0.6,
    }),
  );
} else if (argv[0] === '--child') {
  // One process's loop: the tuning is applied when the addon loads, so it needs its own process.
  const fresh = series(8, () => new Float64Array(1e6).fill(1));
  const x = gaussianMatrix(2000, 1000, 1);
  const native = getBackend('native');
  const gram = series(calls, () => native.kernels.gram!(x, 1 / 2000));
  console.log(
    JSON.stringify({
      tuned: native.details?.mallocTuned,
      freshLast: fresh.slice(-3),
      gramMedian: median(gram),
    }),
  );
} else {
  console.log(
    `(1) memory: ${calls} native d = 1000 Gram matrices in a loop, and 8 fresh 8 MB arrays filled (ms)`,
  );
  for (const tuning of ['1', '0']) {
    const out = child('--child', { RMTKIT_MALLOC_TUNING: tuning });
    console.log(
      `  mallocTuned ${String(out.tuned).padEnd(5)}  Gram median ${out.gramMedian.toFixed(1)}  last fresh arrays ${out.freshLast.map((t: number) => t.toFixed(1)).join(' ')}`,
    );
  }
  const numpy = execFileSync(
    'python3',
    [
      '-c',
      `import numpy as np,time
x=np.random.default_rng(1).standard_normal((2000,1000));t=[]
for _ in range(${calls}):
  s=time.perf_counter();g=x.T@x/2000;t.append(time.perf_counter()-s)
t.sort();print(t[len(t)//2]*1e3)`,
    ],
    { encoding: 'utf8' },
  );
  console.log(`  numpy x.T @ x / n median ${Number(numpy).toFixed(1)}`);

  console.log('(2) input checks of the symmetric kernels at d = 1000 (ms, best of 7)');
  const d = 1000;
  const a = Matrix.fromRowMajor(d, d, new Float64Array(d * d));
  for (let i = 0; i < d; i++)
    for (let j = 0; j <= i; j++) a.data[i * d + j] = a.data[j * d + i] = Math.sin(7 * i + j);
  const three = best(7, () => {
    assertFinite('a', a);
    assertSymmetric('a', a);
  });
  console.log(
    `  assertFinite + assertSymmetric ${three.toFixed(2)}, assertSymmetricFinite ${best(7, () => assertSymmetricFinite('a', a)).toFixed(2)}`,
  );

  console.log(
    '(3) one 4×4 micro-kernel tile over 256 inner steps, L1-resident (GFLOP/s, best of 5 × 1e5 calls)',
  );
  const kc = 256;
  const simd = simdTile(1 << 16, false);
  const view = simd ? new Float64Array(simd.memory.buffer) : new Float64Array(8192);
  for (let i = 0; i < 8 * kc; i++) view[i] = Math.random();
  const rate = (run: () => void) =>
    (1e5 * 32 * kc) /
    (best(5, () => {
      for (let i = 0; i < 1e5; i++) run();
    }) /
      1000) /
    1e9;
  const scalar = rate(() => tile4x4(kc, view, 0, view, 4 * kc, view, 8 * kc, 4, 1, 4, 4));
  const vector = simd ? rate(() => simd.tile(kc, 0, 32 * kc, 64 * kc, 32, 1)) : NaN;
  console.log(
    `  scalar TypeScript ${scalar.toFixed(2)}, WebAssembly SIMD ${simd ? vector.toFixed(2) : 'unavailable'}`,
  );

  console.log('(4) a SharedArrayBuffer-backed 8 MB work buffer copied out (ms, best of 5)');
  const work = new Float64Array(new SharedArrayBuffer(8e6)).fill(1);
  const sliced = best(5, () => work.slice());
  console.log(
    `  slice() ${sliced.toFixed(1)}, new Float64Array + set() ${best(5, () => new Float64Array(work.length).set(work)).toFixed(1)}`,
  );

  console.log(
    '(5) native eigvalsh at d = 1000 and 2000, OpenBLAS waits spinning or in sched_yield (ms, best of 10 and 3)',
  );
  for (const spin of ['1', '0', '1', '0']) {
    const out = child('--child-spin', { RMTKIT_BLAS_SPIN: spin });
    console.log(
      `  blasSpin ${String(out.spin).padEnd(5)}  ${out.times.map((t: number) => t.toFixed(1)).join('  ')}  idle worker's CPU after the last call ${(out.idleSpin * 1e3).toFixed(0)}`,
    );
  }
  const numpyEig = execFileSync(
    'python3',
    [
      '-c',
      `import numpy as np,time
def best(a,k):
  t=[]
  for _ in range(k):
    s=time.perf_counter();np.linalg.eigvalsh(a);t.append(time.perf_counter()-s)
  return min(t)*1e3
r=np.random.default_rng(2);print(' '.join('%.1f'%best(np.cov(r.standard_normal((d,d)),rowvar=False),k) for d,k in ((1000,10),(2000,3))))`,
    ],
    { encoding: 'utf8' },
  );
  console.log(`  numpy eigvalsh ${numpyEig.trim()}`);
}

/** Runs this script in a child process with extra environment variables; returns its JSON line. */
function child(mode: string, env: Record<string, string>) {
  return JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', self, mode, '--calls', String(calls)], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    }),
  );
}

function series(count: number, run: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}

function best(count: number, run: () => void): number {
  run();
  return Math.min(...series(count, run));
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[sorted.length >> 1]!;
}
