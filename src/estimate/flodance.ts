import { InvalidArgumentError } from '../errors.js';
import { cholesky } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { type FlodanceFit, type FlodanceFitOptions, flodanceFit } from './flodance-fit.js';

/** Options of {@link flodance}. */
export interface FlodanceOptions extends FlodanceFitOptions {
  /** Share of n to factor, in (0, 1] (default 0.1); ignored when `size` is given. */
  fraction?: number;
  /** Order m of the leading block to factor, an integer in [1, n]. */
  size?: number;
}

/**
 * FLODANCE log-determinant of a symmetric positive definite n×n matrix from its leading m×m
 * block only (docs/theory.md §13.8): one Cholesky A_m = LLᵀ (m³/3 flops) gives every leading
 * log-determinant ln det A_k = 2 Σ_{i<k} ln L_ii, k = 1…m, and {@link flodanceFit} extrapolates
 * them to k = n. Only the leading block is read and checked, so the rest of A may be unknown;
 * with m = n the answer is the exact log-determinant (standardError 0).
 * @throws {InvalidArgumentError} naming 'a' (not square), 'fraction' (outside (0, 1]), 'size'
 *   (not an integer in [1, n]) or 'logdets' (a block too small to fit).
 * @throws {NotPositiveDefiniteError} naming 'a' when the leading block is not positive definite.
 * @example flodance(kernelMatrix, { fraction: 0.1 }) // { logAbsDet, standardError, … }
 */
export function flodance(a: Matrix, options: FlodanceOptions = {}): FlodanceFit {
  if (a.rows !== a.cols)
    throw new InvalidArgumentError('a', `must be square; shape is ${a.rows}×${a.cols}`);
  const n = a.rows;
  const fraction = options.fraction ?? 0.1;
  if (!(fraction > 0 && fraction <= 1))
    throw new InvalidArgumentError('fraction', 'must be in (0, 1]', fraction);
  const size = options.size;
  if (size !== undefined && !(Number.isInteger(size) && size >= 1 && size <= n))
    throw new InvalidArgumentError('size', `must be an integer in [1, ${n}]`, size);
  const m = size ?? Math.max(1, Math.ceil(fraction * n));
  const block = new Float64Array(m * m);
  for (let i = 0; i < m; i++) block.set(a.data.subarray(i * n, i * n + m), i * m);
  const l = cholesky(Matrix.fromRowMajor(m, m, block));
  const logdets = new Float64Array(m);
  let sum = 0;
  for (let k = 0; k < m; k++) {
    sum += 2 * Math.log(l.data[k * m + k]!);
    logdets[k] = sum;
  }
  const fit = flodanceFit(logdets, n, options);
  if (m === n) return { ...fit, logAbsDet: sum, standardError: 0 };
  return fit;
}
