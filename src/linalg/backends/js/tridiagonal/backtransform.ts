import { EIGEN_SLOT } from '../eigen/slots.js';
import { scratch } from '../pool/scratch.js';
import { packedLength, packInto } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';

/**
 * Reflectors per block: the inner dimension of the second product, so wider is faster up to cache
 * limits.
 */
const BLOCK = 64;

/**
 * Z ← Q·Z for the Q = H₀ H₁ … H_{n−2} of {@link tridiagonalize} (LAPACK dormtr, side 'L', lower):
 * turns eigenvectors of the tridiagonal T into eigenvectors of A. Blocks of reflectors are applied
 * as I − V T Vᵀ (compact WY, Schreiber–Van Loan), last block first, each as two products on the
 * packed micro-kernel (W = Vᵀ Z, W ← T W, Z −= V W): 2n³ flops at matrix-product speed.
 *
 * `a` holds the reflectors (column-major lower, reflector j in a[j+2 … n−1 + j·n], its unit entry
 * at row j+1 implied); `z` is row-major n×n and must be SharedArrayBuffer-backed (`shared`) for
 * the products to run on the pool.
 * @example applyQ(a, n, tau, z, shared)
 */
export function applyQ(
  a: Float64Array,
  n: number,
  tau: Float64Array,
  z: Float64Array,
  shared: boolean,
): void {
  const count = n - 1;
  if (count <= 0) return;
  const nbMax = Math.min(BLOCK, count);
  // Scratch sized for the first (largest) block and reused by the others.
  const vt = new Float64Array(nbMax * n);
  const w = new Float64Array(nbMax * n);
  const vtPacked = scratch(EIGEN_SLOT.backVt, packedLength(nbMax, n), shared);
  const vPacked = scratch(EIGEN_SLOT.backV, packedLength(n, nbMax), shared);
  const zPacked = scratch(EIGEN_SLOT.backZ, packedLength(n, n), shared);
  const wPacked = scratch(EIGEN_SLOT.backW, packedLength(n, nbMax), shared);
  const wOut = scratch(EIGEN_SLOT.backWOut, nbMax * n, shared);
  for (let j0 = Math.floor((count - 1) / BLOCK) * BLOCK; j0 >= 0; j0 -= BLOCK) {
    const jb = Math.min(BLOCK, count - j0);
    const s = j0 + 1;
    const mp = n - s;
    // Row c of vt: reflector j0+c over rows s … n−1, written out with its zeros and unit entry.
    for (let c = 0; c < jb; c++) {
      const row = c * mp;
      vt.fill(0, row, row + c);
      vt[row + c] = 1;
      vt.set(a.subarray((j0 + c) * n + s + c + 1, (j0 + c) * n + n), row + c + 1);
    }
    const t = blockFactor(vt, jb, mp, tau, j0);
    // W = Vᵀ Z(s:, :), jb×n.
    wOut.fill(0, 0, jb * n);
    multiplyPacked(
      packInto(vtPacked, vt, 0, mp, jb, mp, false),
      packInto(zPacked, z, s * n, n, n, mp, true),
      wOut,
      0,
      n,
      { aShape: 'upper' },
    );
    // W ← T W, T upper triangular: row i needs rows q ≥ i, so go top-down.
    for (let i = 0; i < jb; i++) {
      const wi = i * n;
      const tii = t[i * jb + i]!;
      for (let col = 0; col < n; col++) w[wi + col] = tii * wOut[wi + col]!;
      for (let q = i + 1; q < jb; q++) {
        const tiq = t[i * jb + q]!;
        if (tiq === 0) continue;
        const wq = q * n;
        for (let col = 0; col < n; col++) w[wi + col] = w[wi + col]! + tiq * wOut[wq + col]!;
      }
    }
    // Z(s:, :) −= V W.
    multiplyPacked(
      packInto(vPacked, vt, 0, mp, mp, jb, true),
      packInto(wPacked, w, 0, n, n, jb, true),
      z,
      s * n,
      n,
      { alpha: -1, aShape: 'lower' },
    );
  }
}

/**
 * The upper triangular T (jb×jb, row-major) with H_{j0} ⋯ H_{j0+jb−1} = I − V T Vᵀ (LAPACK dlarft,
 * forward, columnwise), V's columns being the rows of `vt` written out in full.
 */
function blockFactor(
  vt: Float64Array,
  jb: number,
  mp: number,
  tau: Float64Array,
  j0: number,
): Float64Array {
  const t = new Float64Array(jb * jb);
  const y = new Float64Array(jb);
  for (let i = 0; i < jb; i++) {
    const ti = tau[j0 + i]!;
    t[i * jb + i] = ti;
    if (ti === 0) continue;
    // y = −τ_i V(:, 0:i)ᵀ v_i (v_i vanishes above row i), then T(0:i, i) = T(0:i, 0:i)·y.
    for (let p = 0; p < i; p++) {
      let sum = 0;
      for (let r = i; r < mp; r++) sum += vt[p * mp + r]! * vt[i * mp + r]!;
      y[p] = -ti * sum;
    }
    for (let p = 0; p < i; p++) {
      let sum = 0;
      for (let q = p; q < i; q++) sum += t[p * jb + q]! * y[q]!;
      t[p * jb + i] = sum;
    }
  }
  return t;
}
