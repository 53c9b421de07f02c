import { matmul, qr } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { randomStream } from '../../src/random/stream.js';
import { type MeanError, meanError } from '../../src/stats/mean-error.js';

/** Monte Carlo seeds per test: the standard error falls like 1/√SEEDS. */
export const SEEDS = 200;
/** Standard errors allowed between a theory value and a Monte Carlo mean. */
export const Z = 3;

/** An l×n Gaussian sketch with iid N(0, 1/l) entries, so that E[SᵀS] = I. */
export function gaussianSketch(l: number, n: number, seed: number | string): Matrix {
  const g = gaussianMatrix(l, n, seed);
  return Matrix.fromRowMajor(
    l,
    n,
    g.data.map((v) => v / Math.sqrt(l)),
  );
}

/** An l×n Rademacher sketch: iid ±1/√l entries. */
export function rademacherSketch(l: number, n: number, seed: number | string): Matrix {
  const stream = randomStream(seed);
  const s = Matrix.zeros(l, n);
  for (let k = 0; k < s.data.length; k++) s.data[k] = (stream.uint32() & 1 ? 1 : -1) / Math.sqrt(l);
  return s;
}

/** An n×d matrix with orthonormal columns and singular values `s`: U·diag(s)·Vᵀ. */
export function matrixWithSingularValues(n: number, s: readonly number[], seed: string): Matrix {
  const d = s.length;
  const u = qr(gaussianMatrix(n, d, `${seed}:u`)).q;
  const v = qr(gaussianMatrix(d, d, `${seed}:v`)).q;
  const us = Matrix.fromRowMajor(
    n,
    d,
    u.data.map((x, k) => x * s[k % d]!),
  );
  return matmul(us, v, { transB: true });
}

/** x minimising ‖M·x − y‖ for a tall full-rank M, through M = QR and R·x = Qᵀy. */
export function leastSquares(m: Matrix, y: Float64Array): Float64Array {
  const { q, r } = qr(m);
  const d = m.cols;
  const qty = matmul(q, Matrix.fromRowMajor(y.length, 1, y), { transA: true }).data;
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let sum = qty[i]!;
    for (let j = i + 1; j < d; j++) sum -= r.get(i, j) * x[j]!;
    x[i] = sum / r.get(i, i);
  }
  return x;
}

/** M·x. */
export function apply(m: Matrix, x: Float64Array): Float64Array {
  return matmul(m, Matrix.fromRowMajor(x.length, 1, x)).data;
}

/** Σ x_i². */
export function normSq(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! ** 2;
  return s;
}

/** Mean ± standard error of f(seed) over seeds 0 … SEEDS − 1. */
export function monteCarlo(f: (seed: number) => number, seeds = SEEDS): MeanError {
  return meanError(Array.from({ length: seeds }, (_, seed) => f(seed)));
}

/** Message of an assertion: the theory value against the Monte Carlo mean ± standard error. */
export function report(theory: number, mc: MeanError): string {
  return `theory ${theory.toPrecision(6)}, Monte Carlo ${mc.mean.toPrecision(6)} ± ${mc.stderr.toPrecision(3)} (${mc.n} seeds, z = ${(Math.abs(mc.mean - theory) / mc.stderr).toFixed(2)})`;
}
