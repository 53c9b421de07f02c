import { Matrix } from '../../../matrix.js';
import { allocate, wantsParallel } from '../pool/pool.js';
import { copyOut, SLOT, zeroed } from '../pool/scratch.js';
import { simdGemm } from '../simd/product.js';
import { packRows } from './pack.js';
import { multiplyPacked } from './packed-product.js';

/**
 * alpha · op(A) · op(B) (BLAS dgemm): on the WebAssembly SIMD kernel where available
 * (simd/product.ts, same result bit for bit), else in plain TypeScript: both operands are packed
 * into 4-row panels and multiplied by the 4×4 register-blocked micro-kernel in 64×64 blocks of C,
 * split across the worker pool when the product has more than ~1e7 flops.
 * Inputs are trusted (validated by `linalg/api.ts`) and never mutated.
 * @example gemm(a, b, true, false, 1) // AᵀB
 */
export function gemm(
  a: Matrix,
  b: Matrix,
  transA: boolean,
  transB: boolean,
  alpha: number,
): Matrix {
  const simd = simdGemm(a, b, transA, transB, alpha);
  if (simd) return simd;
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const n = transB ? b.rows : b.cols;
  const shared = wantsParallel(2 * m * n * k);
  const packedA = packRows(a.data, 0, a.cols, m, k, transA, SLOT.packA, shared);
  // B is packed by columns of op(B): row j of the packed operand is op(B)[·][j].
  const packedB = packRows(b.data, 0, b.cols, n, k, !transB, SLOT.packB, shared);
  // Shared: a reused work buffer, copied out at the end. Results are plain arrays: shared memory
  // must not leak to callers that post or transfer them.
  const c = shared ? zeroed(SLOT.work, m * n, true) : allocate(m * n, false);
  multiplyPacked(packedA, packedB, c, 0, n, { alpha });
  return Matrix.fromRowMajor(m, n, shared ? copyOut(c) : c);
}
