import { Matrix } from '../../../matrix.js';
import { wantsParallel } from '../pool/pool.js';
import { factorBlocks } from './factor.js';

/**
 * The R factor alone of the thin Householder QR, A = QR with k = min(m, n): R k×n upper
 * triangular, zeros below the diagonal (numpy.linalg.qr(a, mode='r'); LAPACK dgeqrf without
 * dorgqr). The blocked factorisation of {@link qr} without the backward accumulation of Q, so
 * it costs 2mnk − 2k³/3 flops, half of `qr`, and gives the same R, LAPACK's signs included.
 * @example qrR(Matrix.fromRows([[3, 1], [4, 2]])) // [[−5, −2.2], [0, 0.4]]
 */
export function qrR(a: Matrix): Matrix {
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  // No product of the factorisation exceeds its total flops, so this decides threading as well
  // as qr's 4mnk does for the factorisation and the accumulation together.
  const { work } = factorBlocks(a, wantsParallel(2 * m * n * k));
  const r = new Float64Array(k * n);
  for (let i = 0; i < k; i++) r.set(work.subarray(i * n + i, (i + 1) * n), i * n + i);
  return Matrix.fromRowMajor(k, n, r);
}
