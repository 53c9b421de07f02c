// Child process of bench/check.ts: times rmtkit's public gram, spdInverse and eigvalsh (input
// checks included, as a user calls them) on the active backend and prints JSON
// { "kernel:d": seconds }. A child of its own so that the addon loads with the environment the
// parent chose (RMTKIT_BLAS_SPIN, OPENBLAS_NUM_THREADS are read once, when it loads).
// Usage: node --import tsx bench/check-kernels.ts '{"sizes":[1000],"kernels":["gram"]}'
import { eigvalsh, gram, spdInverse } from '../src/linalg/api.js';
import { backend, getBackend } from '../src/linalg/backend.js';
import { Matrix } from '../src/linalg/matrix.js';
import { bestSeconds } from './best-time.js';

const config = JSON.parse(process.argv[2] ?? '{}') as { sizes: number[]; kernels: string[] };
const times: Record<string, number> = {};
for (const d of config.sizes) {
  const x = uniformMatrix(2 * d, d);
  const a = gram(x);
  const run: Record<string, () => unknown> = {
    gram: () => gram(x),
    spdInverse: () => spdInverse(a),
    eigvalsh: () => eigvalsh(a),
  };
  for (const k of config.kernels) times[`${k}:${d}`] = bestSeconds(run[k]!, callsFor(d));
}
console.log(JSON.stringify({ backend: backend(), details: getBackend(backend()).details, times }));

/**
 * Calls per cell, the same rule as bench/check_numpy.py: one warm-up call (thread start, page
 * faults) and then the best of 5, 3 or 1 calls at d ≤ 1000, ≤ 2000, larger.
 */
function callsFor(d: number): number {
  return d <= 1000 ? 5 : d <= 2000 ? 3 : 1;
}

/** Entries uniform on (−1, 1) from xorshift: timings depend on the shapes, not on the values. */
function uniformMatrix(rows: number, cols: number): Matrix {
  const data = new Float64Array(rows * cols);
  let s = 0x9e3779b9;
  for (let i = 0; i < data.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    data[i] = (s >>> 0) / 2 ** 31 - 1;
  }
  return Matrix.fromRowMajor(rows, cols, data);
}
