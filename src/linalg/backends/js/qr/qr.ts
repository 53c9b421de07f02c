import type { Qr } from '../../../kernels.js';
import { Matrix } from '../../../matrix.js';
import { wantsParallel } from '../pool/pool.js';
import { copyOut, SLOT, zeroed } from '../pool/scratch.js';
import { applyReflectors } from './block-reflector.js';
import { factorBlocks } from './factor.js';

/**
 * Thin Householder QR, A = QR with k = min(m, n): Q (m×k) with orthonormal columns, R (k×n) upper
 * triangular (LAPACK dgeqrf + dorgqr, same sign convention). Blocked: each 32-column panel is
 * factored on a transposed copy (contiguous reflectors), then applied to the trailing columns as
 * one block reflector I − V T Vᵀ through the packed micro-kernel (compact WY); Q is accumulated
 * from the blocks backwards the same way. Large problems use the worker pool.
 * @example const { q, r } = qr(Matrix.fromRows([[3, 1], [4, 2]])) // r[0][0] = −5
 */
export function qr(a: Matrix): Qr {
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const shared = wantsParallel(4 * m * n * k);
  const { work, blocks } = factorBlocks(a, shared);
  const r = new Float64Array(k * n);
  for (let i = 0; i < k; i++) r.set(work.subarray(i * n + i, (i + 1) * n), i * n + i);
  const q = zeroed(SLOT.work2, m * k, shared);
  for (let i = 0; i < k; i++) q[i * k + i] = 1;
  // Q = H_0 ⋯ H_{k−1} applied to the first k columns of I; block b only touches rows and
  // columns from its j0 on, since the columns before are still unit vectors there.
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b]!;
    applyReflectors(block, q, block.j0 * k + block.j0, k, k - block.j0, false, shared);
  }
  return { q: Matrix.fromRowMajor(m, k, copyOut(q)), r: Matrix.fromRowMajor(k, n, r) };
}
