import { InvalidArgumentError, NonFiniteError } from '../errors.js';

/**
 * Level-1 vector helpers on Float64Array for the iterative solvers (LSQR, Lanczos). They are
 * O(n) loops in JS: the O(n·d) work of those solvers is in the matrix products.
 */

/** xᵀy. */
export function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

/**
 * The Euclidean norm ‖x‖₂, scaled so that it neither overflows nor underflows (as BLAS dnrm2).
 * @example norm2(Float64Array.of(3, 4)) // 5
 */
export function norm2(x: Float64Array): number {
  let big = 0;
  for (let i = 0; i < x.length; i++) big = Math.max(big, Math.abs(x[i]!));
  if (big === 0 || !Number.isFinite(big)) return big;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const t = x[i]! / big;
    s += t * t;
  }
  return big * Math.sqrt(s);
}

/** y ← y + a·x, in place; returns y. */
export function axpy(a: number, x: Float64Array, y: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) y[i]! += a * x[i]!;
  return y;
}

/** x ← a·x, in place; returns x. */
export function scaleInPlace(a: number, x: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) x[i]! *= a;
  return x;
}

/** Throws NonFiniteError naming `name` and the first NaN or ±∞ entry (reported as row i, col 0). */
export function assertFiniteVector(name: string, x: Float64Array): void {
  for (let i = 0; i < x.length; i++)
    if (!Number.isFinite(x[i]!)) throw new NonFiniteError(name, i, 0, x[i]!);
}

/** Throws unless `x` has `length` entries. */
export function assertLength(name: string, x: Float64Array, length: number): void {
  if (x.length !== length)
    throw new InvalidArgumentError(name, `must have ${length} entries`, x.length);
}
