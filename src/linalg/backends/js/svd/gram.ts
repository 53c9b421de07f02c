import { EIGEN_SLOT } from '../eigen/slots.js';
import { wantsParallel } from '../pool/pool.js';
import { scratch } from '../pool/scratch.js';
import { packedLength, packInto } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';

/** Below this many columns the pairwise dot products are cheap enough on their own. */
export const GRAM_MIN = 48;

/**
 * All pairwise dot products of the rows of `g` (n rows of length m) at once, G = g·gᵀ (upper
 * triangle filled, row-major n×n), on the packed micro-kernel and the worker pool. One-sided
 * Jacobi uses it at the start of a sweep: a pair whose columns have not been rotated yet in the
 * sweep reads its dot product here instead of recomputing it, so sweeps that find (almost)
 * nothing to rotate cost one matrix product instead of n²/2 separate dot products.
 * @example const gram = pairProducts(g, m, n); gram[p * n + q] // g_p·g_q for p ≤ q
 */
export function pairProducts(g: Float64Array, m: number, n: number): Float64Array {
  const shared = wantsParallel(m * n * n);
  const packed = packInto(
    scratch(EIGEN_SLOT.svdPacked, packedLength(n, m), shared),
    g,
    0,
    m,
    n,
    m,
    false,
  );
  const out = scratch(EIGEN_SLOT.svdGram, n * n, shared).fill(0);
  multiplyPacked(packed, packed, out, 0, n, { part: 'upper' });
  return out;
}
