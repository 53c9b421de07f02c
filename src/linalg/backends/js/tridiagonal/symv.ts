import { EIGEN_SLOT } from '../eigen/slots.js';
import { defineTask, isShared, parallelFor, threads } from '../pool/pool.js';
import { scratch } from '../pool/scratch.js';

/**
 * The symmetric matrix-vector product of the tridiagonal reduction, y = A(s:n, s:n)·v from the
 * lower triangle of the column-major `a` (BLAS dsymv). It carries half of the reduction's flops and
 * is memory-bound, so for large trailing matrices its columns are split between the pool's threads:
 * chunk t takes a column range of equal work (the triangle's columns shrink) and accumulates into
 * its own partial y, and the partial vectors are summed afterwards.
 */
export interface SymvWork {
  /** Partial results, one row of length n per thread (SharedArrayBuffer-backed when parallel). */
  partial: Float64Array;
  /** The vector v, copied where the workers can read it. */
  v: Float64Array;
  chunks: number;
}

/**
 * Trailing sizes below this run on the calling thread: a hand-off costs about as much as the work.
 */
const PARALLEL_MIN = 256;

/**
 * Scratch for an n×n reduction; parallel only if `a` is shared and the pool has several threads.
 */
export function symvWork(n: number, shared: boolean): SymvWork {
  const chunks = shared && n >= PARALLEL_MIN ? Math.max(1, threads()) : 1;
  return {
    partial: scratch(EIGEN_SLOT.symvPartial, chunks * n, chunks > 1),
    v: scratch(EIGEN_SLOT.symvVector, n, chunks > 1),
    chunks,
  };
}

/** Pool task: chunk t computes the partial product of its column range. Params: [n, s, chunks]. */
export const symvTask = defineTask(import.meta.url, 'symvTask', (chunk, buffers, params) => {
  const [a, v, partial] = buffers as [Float64Array, Float64Array, Float64Array];
  const [n, s, chunks] = params as [number, number, number];
  symvColumns(
    a,
    n,
    split(n, s, chunks, chunk),
    split(n, s, chunks, chunk + 1),
    v,
    partial,
    chunk * n,
  );
});

/**
 * y[yo + i] = (A(s:n, s:n)·v)_i for i = s…n−1, with v[s…n−1] given (v is copied into `work.v`).
 * @example symmetricProduct(a, n, j + 1, v, w, c * n, work)
 */
export function symmetricProduct(
  a: Float64Array,
  n: number,
  s: number,
  v: Float64Array,
  y: Float64Array,
  yo: number,
  work: SymvWork,
): void {
  const { partial, chunks } = work;
  if (chunks === 1 || n - s < PARALLEL_MIN || !isShared(a)) {
    symvColumns(a, n, s, n, v, y, yo);
    return;
  }
  work.v.set(v.subarray(s, n), s);
  parallelFor(symvTask, chunks, [a, work.v, partial], [n, s, chunks]);
  for (let i = s; i < n; i++) y[yo + i] = partial[i]!;
  for (let t = 1; t < chunks; t++) {
    const from = split(n, s, chunks, t);
    const row = t * n;
    for (let i = from; i < n; i++) y[yo + i] = y[yo + i]! + partial[row + i]!;
  }
}

/** First column of chunk t: the columns s…n−1 hold a triangle, so equal work means equal areas. */
function split(n: number, s: number, chunks: number, t: number): number {
  if (t >= chunks) return n;
  const m = n - s;
  return n - Math.round(m * Math.sqrt(1 - t / chunks));
}

/**
 * y(from:n) = A(from:n, from:to)·v(from:to) + A(from:to, to:n)ᵀ… — the contribution of the lower
 * triangle's columns from…to−1 to A·v (each column j adds A(j:, j)·v_j below and A(j:, j)ᵀv to
 * y_j), four columns at a time so that each pass over y serves eight multiply-adds per loaded
 * entry.
 */
function symvColumns(
  a: Float64Array,
  n: number,
  from: number,
  to: number,
  v: Float64Array,
  y: Float64Array,
  yo: number,
): void {
  for (let i = from; i < n; i++) y[yo + i] = 0;
  let col = from;
  for (; col + 3 < to; col += 4) {
    const b0 = col * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    const v0 = v[col]!;
    const v1 = v[col + 1]!;
    const v2 = v[col + 2]!;
    const v3 = v[col + 3]!;
    // The 4×4 diagonal block, from its lower triangle.
    const a10 = a[b0 + col + 1]!,
      a20 = a[b0 + col + 2]!,
      a30 = a[b0 + col + 3]!;
    const a21 = a[b1 + col + 2]!,
      a31 = a[b1 + col + 3]!,
      a32 = a[b2 + col + 3]!;
    let t0 = a[b0 + col]! * v0 + a10 * v1 + a20 * v2 + a30 * v3;
    let t1 = a10 * v0 + a[b1 + col + 1]! * v1 + a21 * v2 + a31 * v3;
    let t2 = a20 * v0 + a21 * v1 + a[b2 + col + 2]! * v2 + a32 * v3;
    let t3 = a30 * v0 + a31 * v1 + a32 * v2 + a[b3 + col + 3]! * v3;
    for (let i = col + 4; i < n; i++) {
      const x0 = a[b0 + i]!;
      const x1 = a[b1 + i]!;
      const x2 = a[b2 + i]!;
      const x3 = a[b3 + i]!;
      const vi = v[i]!;
      y[yo + i] = y[yo + i]! + x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
      t0 += x0 * vi;
      t1 += x1 * vi;
      t2 += x2 * vi;
      t3 += x3 * vi;
    }
    y[yo + col] = y[yo + col]! + t0;
    y[yo + col + 1] = y[yo + col + 1]! + t1;
    y[yo + col + 2] = y[yo + col + 2]! + t2;
    y[yo + col + 3] = y[yo + col + 3]! + t3;
  }
  for (; col < to; col++) {
    const b0 = col * n;
    const v0 = v[col]!;
    let t0 = a[b0 + col]! * v0;
    for (let i = col + 1; i < n; i++) {
      const x0 = a[b0 + i]!;
      y[yo + i] = y[yo + i]! + x0 * v0;
      t0 += x0 * v[i]!;
    }
    y[yo + col] = y[yo + col]! + t0;
  }
}
