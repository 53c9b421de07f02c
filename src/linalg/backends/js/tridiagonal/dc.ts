import { mergeBlock } from './dc-merge.js';
import { eigTridiagonal } from './steqr.js';

/** Subproblems up to this size are solved by implicit QL/QR (LAPACK's SMLSIZ is 25). */
const LEAF = 32;

/**
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by Cuppen's divide and conquer
 * with Gu–Eisenstat eigenvectors (LAPACK dstedc/dlaed0, compz = 'I'). The matrix is first split
 * where an off-diagonal entry is negligible; each unreduced block is scaled to unit norm and then
 * torn at its middle, T = diag(T₁, T₂) + |β| u uᵀ, recursively, with leaves solved by QL/QR.
 * Most of the work is in the merges' matrix products, which is what makes this much faster than
 * accumulating QL/QR rotations (≈ 4n³/3 flops at most, far less when many entries deflate).
 *
 * `d` (n) is overwritten with the eigenvalues (ascending within each unreduced block), `e` (n−1)
 * is destroyed, and `z` (row-major n×n, zero on entry) receives the eigenvectors as columns.
 * @throws {ConvergenceError} ('eigh') if a leaf's QL/QR iteration or a secular root fails.
 * @example const z = new Float64Array(n * n); eigTridiagonalDC(d, e, z)
 */
export function eigTridiagonalDC(d: Float64Array, e: Float64Array, z: Float64Array): void {
  const n = d.length;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const split =
      i === n - 1 ||
      Math.abs(e[i]!) <= 2 ** -53 * Math.sqrt(Math.abs(d[i]!)) * Math.sqrt(Math.abs(d[i + 1]!));
    if (!split) continue;
    if (i < n - 1) e[i] = 0;
    solveBlock(d, e, z, n, start, i + 1);
    start = i + 1;
  }
}

/** Solves the unreduced block [lo, hi), scaled by a power of two to max-norm ≈ 1. */
function solveBlock(
  d: Float64Array,
  e: Float64Array,
  z: Float64Array,
  n: number,
  lo: number,
  hi: number,
): void {
  let norm = 0;
  for (let i = lo; i < hi; i++) norm = Math.max(norm, Math.abs(d[i]!));
  for (let i = lo; i < hi - 1; i++) norm = Math.max(norm, Math.abs(e[i]!));
  if (norm === 0) {
    for (let i = lo; i < hi; i++) z[i * n + i] = 1;
    return;
  }
  // Clamped so that 2^±e stays finite even for a subnormal norm.
  const scale = 2 ** Math.max(-1000, Math.min(1000, -Math.round(Math.log2(norm))));
  for (let i = lo; i < hi; i++) d[i] = d[i]! * scale;
  for (let i = lo; i < hi - 1; i++) e[i] = e[i]! * scale;
  recurse(d, e, z, n, lo, hi);
  for (let i = lo; i < hi; i++) d[i] = d[i]! / scale;
}

function recurse(
  d: Float64Array,
  e: Float64Array,
  z: Float64Array,
  n: number,
  lo: number,
  hi: number,
): void {
  const size = hi - lo;
  if (size <= LEAF) {
    leaf(d, e, z, n, lo, size);
    return;
  }
  const mid = lo + (size >> 1);
  const beta = e[mid - 1]!;
  d[mid - 1] = d[mid - 1]! - Math.abs(beta);
  d[mid] = d[mid]! - Math.abs(beta);
  recurse(d, e, z, n, lo, mid);
  recurse(d, e, z, n, mid, hi);
  mergeBlock(d, z, n, lo, mid - lo, hi - mid, beta);
}

/** QL/QR on a small block with Z = I, eigenpairs sorted ascending, written into the block of z. */
function leaf(
  d: Float64Array,
  e: Float64Array,
  z: Float64Array,
  n: number,
  lo: number,
  size: number,
): void {
  const dl = d.slice(lo, lo + size);
  const el = e.slice(lo, lo + size - 1);
  const zl = new Float64Array(size * size);
  for (let i = 0; i < size; i++) zl[i * size + i] = 1;
  eigTridiagonal(dl, el, zl);
  const order = Array.from(dl.keys()).sort((a, b) => dl[a]! - dl[b]! || a - b);
  for (let c = 0; c < size; c++) {
    const src = order[c]!;
    d[lo + c] = dl[src]!;
    for (let r = 0; r < size; r++) z[(lo + r) * n + lo + c] = zl[r * size + src]!;
  }
}
