import { Matrix } from '../../../matrix.js';
import { allocate, wantsParallel } from '../pool/pool.js';
import { copyOut, SLOT, zeroed } from '../pool/scratch.js';
import { simdGram } from '../simd/product.js';
import { mirrorUpper } from './mirror.js';
import { packRows } from './pack.js';
import { multiplyPacked } from './packed-product.js';

/**
 * scale · XᵀX for an n×d X (BLAS dsyrk), as a full symmetric d×d matrix: on the WebAssembly SIMD
 * kernel where available (simd/product.ts, same result bit for bit), else as follows. Xᵀ is packed
 * once and serves as both operands; only the tiles on and above the diagonal are computed (half of
 * the flops of a GEMM), split across the worker pool when large, then mirrored, so the result is
 * exactly symmetric.
 * @example gram(x, 1 / x.rows) // the sample second-moment matrix
 */
export function gram(x: Matrix, scale: number): Matrix {
  const simd = simdGram(x, scale);
  if (simd) return simd;
  const n = x.rows;
  const d = x.cols;
  const shared = wantsParallel(n * d * d);
  const packed = packRows(x.data, 0, d, d, n, true, SLOT.packA, shared);
  // Shared: a reused work buffer, copied out to a plain array at the end.
  const c = shared ? zeroed(SLOT.work, d * d, true) : allocate(d * d, false);
  multiplyPacked(packed, packed, c, 0, d, { alpha: scale, part: 'upper' });
  const out = shared ? copyOut(c) : c;
  mirrorUpper(out, d);
  return Matrix.fromRowMajor(d, d, out);
}
