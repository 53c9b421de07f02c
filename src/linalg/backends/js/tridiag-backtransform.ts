import { applyReflectors, packReflectors } from './block-reflector.js';

/** Reflectors per block: the second product's inner dimension, so wider is faster up to cache limits. */
const BLOCK = 64;

/**
 * Z ← Q·Z for the Q = H₀ H₁ … H_{n−2} of {@link tridiagonalize} (LAPACK dormtr, side 'L', lower):
 * turns eigenvectors of the tridiagonal T into eigenvectors of A. Blocks of reflectors are applied
 * as I − V T Vᵀ (compact WY, Schreiber–Van Loan), last block first, each as two matrix products on
 * the packed micro-kernel: 2n³ flops at GEMM speed instead of n rank-one sweeps.
 *
 * `a` holds the reflectors (column-major lower, reflector j in a[j+2 … n−1 + j·n], its unit entry
 * at row j+1 implied); `z` is row-major n×n and must be SharedArrayBuffer-backed (`shared`) for
 * the products to run on the pool.
 * @example applyQ(a, n, tau, z, shared)
 */
export function applyQ(a: Float64Array, n: number, tau: Float64Array, z: Float64Array, shared: boolean): void {
  const count = n - 1;
  const lastStart = Math.floor((count - 1) / BLOCK) * BLOCK;
  for (let j0 = lastStart; j0 >= 0; j0 -= BLOCK) {
    const jb = Math.min(BLOCK, count - j0);
    const s = j0 + 1;
    const mp = n - s;
    // Row c of vt: reflector j0+c over rows s … n−1 (packReflectors writes its unit entry and zeros).
    const vt = new Float64Array(jb * mp);
    for (let c = 0; c < jb; c++) vt.set(a.subarray((j0 + c) * n + s, (j0 + c) * n + n), c * mp);
    const block = packReflectors(vt, tau.subarray(j0, j0 + jb), j0, mp, shared);
    applyReflectors(block, z, s * n, n, n, false, shared);
  }
}
