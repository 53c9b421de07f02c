// Linear-algebra benchmark: each kernel on each backend and numpy (same machine, same run), as
// ratios to numpy. Usage: npm run bench -- [--sizes 500,1000,2000,4000] [--kernels gram,eigvalsh]
//   [--js-max 2000] [--repeats N] [--ml-matrix]
// Each cell is the best of N timed calls after one warm-up, on both sides; by default N = 10 for
// d ≤ 1000 (fresh result pages fault in at ~12 µs each on these VMs until a garbage collection
// lets memory be reused, so a few calls do not show the steady state), 3 for d ≤ 2000, else 1.
// numpy runs twice: in this machine's environment (OPENBLAS_CORETYPE as set for everyone, the
// same kernels our OpenBLAS uses: the like-for-like ratio) and with OPENBLAS_CORETYPE/L2_SIZE
// unset (numpy's bundled OpenBLAS then picks its fastest kernels, AVX-512 where the CPU has it;
// Debian's older OpenBLAS is not safe there, so the native backend keeps the environment's).
import { execFileSync } from 'node:child_process';
import { availableBackends, getBackend } from '../src/linalg/backend.js';
import type { Backend, KernelName } from '../src/linalg/kernels.js';
import { Matrix } from '../src/linalg/matrix.js';
import { gaussianMatrix } from '../src/random/index.js';
import { parseArgs } from './args.js';
import { bestSeconds } from './best-time.js';
import { mlMatrixTimes } from './ml-matrix.js';

const args = parseArgs(process.argv.slice(2));
const sizes = (args.sizes ?? '500,1000,2000,4000').split(',').map(Number);
const kernels = (
  args.kernels ??
  'gram,spdInverse,eigvalsh,eigh,gemm,cholesky,svd,qr,qrR,qrPivoted,gemv,trsm,lstsqQr'
)
  .split(',')
  .map((k) => (k === 'matmul' ? 'gemm' : k)) as KernelName[];
const jsMax = Number(args['js-max'] ?? 2000);
const repeatsFor = (d: number): number =>
  args.repeats !== undefined ? Number(args.repeats) : d <= 1000 ? 10 : d <= 2000 ? 3 : 1;

const fastEnv = { ...process.env };
delete fastEnv.OPENBLAS_CORETYPE;
delete fastEnv.OPENBLAS_L2_SIZE;
// numpy is timed cell by cell, before and after rmtkit (best of both), so that load from other
// processes on this shared machine hits both sides alike.
const numpyCell = (env: NodeJS.ProcessEnv, k: KernelName, d: number): number =>
  runNumpy(env, k, d).times[`${numpyName(k)}:${d}`]!;

console.log(
  `numpy ${runNumpy(process.env, 'gemm', 2).numpy}, OpenBLAS core ${process.env.OPENBLAS_CORETYPE ?? 'auto'} (same env) and auto (fastest); backends: ${availableBackends().join(', ')}`,
);
console.log(
  'ratios are time / numpy time in the same environment; the last column is numpy with its fastest kernels',
);
console.log(
  'kernel       d   ' +
    availableBackends()
      .map((b) => `${b.padStart(9)} s  ×numpy`)
      .join('  ') +
    '      numpy s  fastest s' +
    (args['ml-matrix'] ? '   ml-matrix s  ml/js' : ''),
);
for (const d of sizes) {
  const x = gaussianMatrix(2 * d, d, 1);
  const square = gaussianMatrix(d, d, 2);
  const spd = getBackend(availableBackends()[0]!).kernels.gram!(x, 1 / (2 * d));
  for (const k of kernels) {
    const before = numpyCell(process.env, k, d);
    const times = availableBackends().map((name) =>
      name === 'js' && d > jsMax
        ? undefined
        : bestSeconds(call(getBackend(name), k, x, square, spd), repeatsFor(d)),
    );
    const ref = Math.min(before, numpyCell(process.env, k, d));
    const cells = times.map((t) =>
      t === undefined
        ? '        —        —'
        : `${t.toFixed(4).padStart(11)} ${(t / ref).toFixed(2).padStart(7)}×`,
    );
    const jsTime = times[availableBackends().indexOf('js')] ?? NaN;
    let tail = '';
    if (args['ml-matrix'] && Number.isFinite(jsTime)) {
      const ml = mlMatrixTimes(k, x, square, spd);
      if (ml !== undefined)
        tail = `  ${ml.toFixed(4).padStart(11)}  ${(ml / jsTime).toFixed(1).padStart(5)}`;
    }
    const fast = numpyCell(fastEnv, k, d);
    console.log(
      `${k.padEnd(11)} ${String(d).padStart(4)} ${cells.join('  ')}  ${ref.toFixed(4).padStart(11)} ${fast.toFixed(4).padStart(10)}${tail}`,
    );
  }
}

function call(
  backend: Backend,
  k: KernelName,
  x: Matrix,
  square: Matrix,
  spd: Matrix,
): () => unknown {
  const K = backend.kernels;
  switch (k) {
    case 'gemm':
      return () => K.gemm!(square, square, false, false, 1);
    case 'gram':
      return () => K.gram!(x, 1 / x.rows);
    case 'cholesky':
      return () => K.cholesky!(spd);
    case 'choleskySolve':
      return () => K.choleskySolve!(K.cholesky!(spd), square);
    case 'spdInverse':
      return () => K.spdInverse!(spd);
    case 'eigvalsh':
      return () => K.eigvalsh!(spd);
    case 'gramEigvalsh':
      return () => K.gramEigvalsh!(x, 1 / x.rows, false, false);
    case 'eigh':
      return () => K.eigh!(spd);
    case 'svd':
      return () => K.svd!(square);
    case 'qr':
      return () => K.qr!(square);
    case 'qrR':
      return () => K.qrR!(square);
    case 'qrPivoted':
      return () => K.qrPivoted!(square);
    case 'gemv':
      return () => K.gemv!(x, square.data.subarray(0, x.cols), false, 1);
    case 'trsm':
      return () => K.trsm!(spd, square, true, false, true);
    case 'lstsqQr':
      return () => K.lstsqQr!(x, Matrix.fromRowMajor(x.rows, 1, x.data.subarray(0, x.rows)));
    case 'luLogdet':
      return () => K.luLogdet!(square);
    case 'ldlLogdet':
      return () => K.ldlLogdet!(spd);
  }
}

function runNumpy(
  env: NodeJS.ProcessEnv,
  k: KernelName,
  d: number,
): { numpy: string; times: Record<string, number> } {
  const script = new URL('./linalg_numpy.py', import.meta.url).pathname;
  const config = JSON.stringify({ sizes: [d], kernels: [numpyName(k)], repeats: repeatsFor(d) });
  return JSON.parse(
    execFileSync('python3', [script, config], { env, encoding: 'utf8', maxBuffer: 1 << 24 }),
  );
}

function numpyName(k: string): string {
  return k === 'gemm' ? 'matmul' : k;
}
