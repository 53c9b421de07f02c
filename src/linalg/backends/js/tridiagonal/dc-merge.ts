import { EIGEN_SLOT } from '../eigen/slots.js';
import { wantsParallel } from '../pool/pool.js';
import { scratch } from '../pool/scratch.js';
import { packedLength, packInto } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';
import { deflate } from './dc-deflate.js';
import { secularRoot } from './secular.js';

/**
 * One merge of the divide-and-conquer eigensolver (LAPACK dlaed1 → dlaed2/dlaed3/dlaed4).
 * On entry the N×N block of `q` at (lo, lo) is diag(Q₁, Q₂) and d[lo:lo+N] holds the two sorted
 * spectra; T = diag(Q₁, Q₂)·(D + ρ z zᵀ)·diag(Q₁, Q₂)ᵀ with z = (last row of Q₁, ±first row of
 * Q₂)/√2. On exit the block holds T's eigenvectors and d its eigenvalues, ascending.
 *
 * After deflation the k surviving eigenvectors of D + ρ z zᵀ come from the secular roots with
 * Gu–Eisenstat's recomputed ẑ (ẑ_j² from the computed roots, so the vectors ẑ_j/(d_j − λ_i) are
 * orthogonal to working precision); they are then rotated back by two GEMMs that skip the known
 * zero halves of Q₁-only and Q₂-only columns: that product is the O(N³) part and runs on the
 * packed micro-kernel (in parallel when large).
 * @example mergeBlock(d, q, n, lo, n1, n2, beta)
 */
export function mergeBlock(
  d: Float64Array,
  q: Float64Array,
  ld: number,
  lo: number,
  n1: number,
  n2: number,
  beta: number,
): void {
  const n = n1 + n2;
  const off = lo * ld + lo;
  const dl = d.slice(lo, lo + n);
  const z = new Float64Array(n);
  const sign = beta >= 0 ? Math.SQRT1_2 : -Math.SQRT1_2;
  for (let j = 0; j < n1; j++) z[j] = q[off + (n1 - 1) * ld + j]! * Math.SQRT1_2;
  for (let j = n1; j < n; j++) z[j] = q[off + n1 * ld + j]! * sign;
  const rho = 2 * Math.abs(beta);
  const { kept, poles, weights, deflated, deflatedValues, types } = deflate(
    dl,
    z,
    rho,
    n1,
    q,
    off,
    ld,
  );
  const k = kept.length;
  // Secular roots and the k×k eigenvector matrix S of D + ρ ẑẑᵀ (column i ↔ root i).
  const lambda = new Float64Array(k);
  const s = scratch(EIGEN_SLOT.mergeS, k * k, false); // first δ_ji = d_j − λ_i, then the eigenvectors
  for (let i = 0; i < k; i++) lambda[i] = secularRoot(poles, weights, rho, i, s, k, i);
  const zhat = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let w = s[j * k + j]!;
    for (let i = 0; i < k; i++) if (i !== j) w *= s[j * k + i]! / (poles[j]! - poles[i]!);
    zhat[j] = weights[j]! >= 0 ? Math.sqrt(-w) : -Math.sqrt(-w);
  }
  for (let i = 0; i < k; i++) {
    let ss = 0;
    for (let j = 0; j < k; j++) {
      const v = zhat[j]! / s[j * k + i]!;
      s[j * k + i] = v;
      ss += v * v;
    }
    const inv = 1 / Math.sqrt(ss);
    for (let j = 0; j < k; j++) s[j * k + i] = s[j * k + i]! * inv;
  }
  const top = rotateBack(q, off, ld, 0, n1, kept, types, 1, s, EIGEN_SLOT.mergeTop);
  const bottom = rotateBack(q, off, ld, n1, n2, kept, types, 2, s, EIGEN_SLOT.mergeBottom);
  // Assemble all N eigenpairs in ascending order into the block.
  const values = [...Array.from(lambda), ...deflatedValues];
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]! || a - b);
  // Row by row (gathers within rows, unit-stride writes); deflated columns still live in q.
  const block = scratch(EIGEN_SLOT.mergeBlock, n * n, false);
  for (let r = 0; r < n; r++) {
    const out = r * n;
    const qRow = off + r * ld;
    const fresh = r < n1 ? top : bottom;
    const freshRow = (r < n1 ? r : r - n1) * k;
    for (let c = 0; c < n; c++) {
      const src = order[c]!;
      block[out + c] = src < k ? fresh[freshRow + src]! : q[qRow + deflated[src - k]!]!;
    }
  }
  for (let c = 0; c < n; c++) d[lo + c] = values[order[c]!]!;
  for (let r = 0; r < n; r++) q.set(block.subarray(r * n, r * n + n), off + r * ld);
}

/**
 * rows×k product (rows r0 … r0+rows−1 of the block) Σ_j q(:, kept_j)·S(j, :), using only the kept
 * columns whose `types` has `bit` (the others are zero in these rows).
 */
function rotateBack(
  q: Float64Array,
  off: number,
  ld: number,
  r0: number,
  rows: number,
  kept: number[],
  types: Uint8Array,
  bit: number,
  s: Float64Array,
  slot: number,
): Float64Array {
  const k = kept.length;
  const used: number[] = [];
  for (let j = 0; j < k; j++) if (types[kept[j]!]! & bit) used.push(j);
  const ku = used.length;
  const shared = wantsParallel(2 * rows * k * ku);
  const out = scratch(slot, rows * k, shared).fill(0);
  if (ku === 0 || rows === 0) return out;
  const a = scratch(EIGEN_SLOT.mergeA, rows * ku, false);
  for (let r = 0; r < rows; r++) {
    const row = off + (r0 + r) * ld;
    for (let c = 0; c < ku; c++) a[r * ku + c] = q[row + kept[used[c]!]!]!;
  }
  // B[i][c] = S[used_c][i]: packed from S's rows (transposed read).
  const b = scratch(EIGEN_SLOT.mergeB, ku * k, false);
  for (let c = 0; c < ku; c++) b.set(s.subarray(used[c]! * k, used[c]! * k + k), c * k);
  const packedA = packInto(
    scratch(EIGEN_SLOT.mergePackA, packedLength(rows, ku), shared),
    a,
    0,
    ku,
    rows,
    ku,
    false,
  );
  const packedB = packInto(
    scratch(EIGEN_SLOT.mergePackB, packedLength(k, ku), shared),
    b,
    0,
    k,
    k,
    ku,
    true,
  );
  multiplyPacked(packedA, packedB, out, 0, k);
  return out;
}
