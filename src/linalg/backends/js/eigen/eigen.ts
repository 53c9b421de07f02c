import type { Eigh } from '../../../kernels.js';
import { Matrix } from '../../../matrix.js';
import { wantsParallel } from '../pool/pool.js';
import { scratch } from '../pool/scratch.js';
import { applyQ } from '../tridiagonal/backtransform.js';
import { eigTridiagonalDC } from '../tridiagonal/dc.js';
import { reductionWorkspace, tridiagonalize } from '../tridiagonal/reduce.js';
import { eigvalsTridiagonal } from '../tridiagonal/sterf.js';
import type { Syr2kWork } from '../tridiagonal/syr2k.js';
import { EIGEN_SLOT } from './slots.js';

/**
 * Symmetric eigensolvers of the JS backend (LAPACK dsyevd's path): blocked Householder
 * tridiagonalisation, then root-free QL/QR for eigenvalues only, or divide and conquer on the
 * tridiagonal matrix followed by the blocked back-transformation for eigenvectors. Only the upper
 * triangle of the row-major input is read (the lower triangle of its column-major view), like
 * LAPACK with uplo = 'L' on a transposed matrix. Large problems use the worker pool (pool/pool.ts)
 * for their matrix products; results do not depend on the number of threads.
 */

/**
 * Norms outside [2⁻⁵⁰⁰, 2⁵⁰⁰] are scaled by a power of two so that squares cannot over/underflow.
 */
const BIG = 2 ** 500;
const SMALL = 2 ** -500;

/**
 * Eigenvalues of a symmetric matrix in ascending order.
 * @throws {ConvergenceError} ('eigh') if the QL/QR iteration exceeds 30·d sweeps (not seen in
 * practice).
 * @example eigvalsh(Matrix.fromRows([[2, 1], [1, 2]])) // Float64Array [1, 3]
 */
export function eigvalsh(a: Matrix): Float64Array {
  const n = a.rows;
  const { work, update, scale } = scaledCopy(a, wantsParallel((4 / 3) * n * n * n));
  const { d, e } = tridiagonalize(work, n, update);
  eigvalsTridiagonal(d, e);
  if (scale !== 1) for (let i = 0; i < n; i++) d[i] = d[i]! / scale;
  return d;
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors (columns of `vectors`) of a symmetric
 * matrix: A = V diag(values) Vᵀ.
 * @throws {ConvergenceError} ('eigh') if a QL/QR leaf or a secular-equation root does not converge.
 * @example eigh(Matrix.fromRows([[2, 1], [1, 2]])).vectors // columns ±(1, −1)/√2 and ±(1, 1)/√2
 */
export function eigh(a: Matrix): Eigh {
  const n = a.rows;
  const shared = wantsParallel(2 * n * n * n);
  const { work, update, scale } = scaledCopy(a, shared);
  const { d, e, tau } = tridiagonalize(work, n, update);
  const z = scratch(EIGEN_SLOT.vectors, n * n, shared).fill(0);
  eigTridiagonalDC(d, e, z);
  applyQ(work, n, tau, z, shared);
  if (scale !== 1) for (let i = 0; i < n; i++) d[i] = d[i]! / scale;
  return sortedPairs(d, z, n);
}

/** A working copy of A (SharedArrayBuffer-backed when `shared`, for the pool), scaled if needed. */
function scaledCopy(
  a: Matrix,
  shared: boolean,
): { work: Float64Array; update?: Syr2kWork; scale: number } {
  const { a: work, update } = reductionWorkspace(a.rows, shared);
  work.set(a.data);
  let max = 0;
  for (let k = 0; k < work.length; k++) max = Math.max(max, Math.abs(work[k]!));
  const scale = max > BIG ? BIG / max : max > 0 && max < SMALL ? SMALL / max : 1;
  if (scale !== 1) {
    // A power of two keeps the scaling exact.
    const s = 2 ** Math.round(Math.log2(scale));
    for (let k = 0; k < work.length; k++) work[k] = work[k]! * s;
    return { work, update, scale: s };
  }
  return { work, update, scale };
}

/** Orders the eigenpairs by ascending eigenvalue, permuting Z's columns row by row. */
function sortedPairs(d: Float64Array, z: Float64Array, n: number): Eigh {
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[i]! - d[j]! || i - j);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = d[order[k]!]!;
  const v = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    const row = r * n;
    for (let k = 0; k < n; k++) v[row + k] = z[row + order[k]!]!;
  }
  return { values, vectors: Matrix.fromRowMajor(n, n, v) };
}
