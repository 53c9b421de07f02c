import { Matrix } from '../../../matrix.js';
import { rankDeficientError } from '../../rank-error.js';
import { wantsParallel } from '../pool/pool.js';
import { SLOT, scratch } from '../pool/scratch.js';
import { applyReflectors } from '../qr/block-reflector.js';
import { factorBlocks } from '../qr/factor.js';
import { trsm } from '../triangular/trsm.js';

/**
 * X (n×k) minimising ‖A·X − B‖_F for a tall A (m×n, m ≥ n) of full column rank (LAPACK dgels):
 * Householder QR A = Q R (blocked, qr/factor.ts), C = Qᵀ·B by applying the reflector blocks to
 * B (Q is never formed), then R·X = C[0:n] by triangular substitution. Backward stable, so the
 * error follows κ(A) + κ(A)²·‖A·X − B‖/(‖A‖‖X‖), not the κ(A)² of the normal equations.
 * Inputs are trusted (api.ts checks shapes and finiteness) and never mutated.
 * @throws {InvalidArgumentError} ('a', 'must have full column rank; …') when a diagonal entry
 *   of R is exactly zero, like dgels's info > 0.
 * @example lstsqQr(Matrix.fromRows([[1], [1]]), Matrix.fromRows([[1], [3]])) // [[2]]
 */
export function lstsqQr(a: Matrix, b: Matrix): Matrix {
  const m = a.rows;
  const n = a.cols;
  const k = b.cols;
  // Shared buffers when either the factorisation or the products with B go parallel.
  const shared = wantsParallel(4 * m * n * Math.max(n, k));
  const { work, blocks } = factorBlocks(a, shared);
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (work[i * n + i] === 0) throw rankDeficientError(i);
    r.set(work.subarray(i * n + i, (i + 1) * n), i * n + i);
  }
  if (k === 0) return Matrix.zeros(n, 0);
  const c = scratch(SLOT.work2, m * k, shared);
  c.set(b.data);
  // Qᵀ = H_{n−1} ⋯ H_0: the first block's (transposed) reflectors go first.
  for (const block of blocks) applyReflectors(block, c, block.j0 * k, k, k, true, shared);
  const top = new Float64Array(n * k); // a plain copy: slice() of shared memory is slow
  top.set(c.subarray(0, n * k));
  return trsm(Matrix.fromRowMajor(n, n, r), Matrix.fromRowMajor(n, k, top), true, false, true);
}
