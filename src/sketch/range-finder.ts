import { InvalidArgumentError } from '../errors.js';
import { qr } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import {
  asOperator,
  type LinearOperator,
  transposeOperator,
} from '../operators/linear-operator.js';
import type { Seed } from '../random/seed.js';
import { parseSketch } from './distribution.js';
import { sketchingOperator } from './operator.js';
import { SKETCH_PARAMS } from './params.js';
import type { SketchDistribution } from './types.js';

/** Options shared by the randomized low-rank drivers. */
export interface RangeOptions {
  /** Power (subspace) iterations q; default 2. Each costs two passes over A. */
  power?: number;
  /** The test-matrix family; default gaussian. */
  sketch?: SketchDistribution | string;
  seed?: Seed;
}

/** A ≈ Q·B with Q (m×l) orthonormal columns and B = QᵀA (l×n). */
export interface Qb {
  q: Matrix;
  b: Matrix;
}

/**
 * An orthonormal basis Q (m×l) of the range of A·Ωᵀ for an l×n random test matrix Ω, refined by
 * q power iterations with re-orthonormalisation after every product (Halko, Martinsson & Tropp
 * 2011, Algorithm 4.4; docs/theory.md §12). Works on a matrix or on any operator.
 * @throws {InvalidArgumentError} naming 'l' unless 1 ≤ l ≤ min(m, n), or 'power'.
 * @example rangeFinder(A, 60, { power: 2, seed: 1 }) // 60 orthonormal columns
 */
export function rangeFinder(
  a: Matrix | LinearOperator,
  l: number,
  options: RangeOptions = {},
): Matrix {
  const { power = 2, seed = 0 } = options;
  const op = asOperator(a);
  if (!Number.isInteger(l) || l < 1 || l > Math.min(op.rows, op.cols))
    throw new InvalidArgumentError(
      'l',
      `must be an integer in [1, min(m, n) = ${Math.min(op.rows, op.cols)}]`,
      l,
    );
  SKETCH_PARAMS.power.check('power', power);
  const distribution =
    typeof options.sketch === 'string'
      ? parseSketch(options.sketch)
      : (options.sketch ?? { kind: 'gaussian' });
  const omega = sketchingOperator(distribution, l, op.cols, seed);
  // A·Ωᵀ = (Ω·Aᵀ)ᵀ: the sketch applied to the transposed operator, so sparse Ω stay sparse.
  let y =
    a instanceof Matrix
      ? omega.applyRight(a)
      : omega.applyOperator(transposeOperator(op)).transpose();
  for (let i = 0; i < power; i++) {
    const z = qr(op.rmatmat(qr(y).q)).q;
    y = op.matmat(z);
  }
  return qr(y).q;
}

/**
 * The randomized QB factorisation A ≈ Q·B with l = rank + oversample columns in Q.
 * @example qb(A, 50, { oversample: 10, power: 2 })
 */
export function qb(
  a: Matrix | LinearOperator,
  rank: number,
  options: RangeOptions & { oversample?: number } = {},
): Qb {
  const l = checkRank(a, rank, options.oversample ?? 10);
  const q = rangeFinder(a, l, options);
  return { q, b: asOperator(a).rmatmat(q).transpose() };
}

/** Checks rank and oversampling; returns l = rank + oversample (capped at min(m, n)). */
export function checkRank(a: Matrix | LinearOperator, rank: number, oversample: number): number {
  const limit = Math.min(a.rows, a.cols);
  if (!Number.isInteger(rank) || rank < 1 || rank > limit)
    throw new InvalidArgumentError('rank', `must be an integer in [1, min(m, n) = ${limit}]`, rank);
  SKETCH_PARAMS.oversample.check('oversample', oversample);
  return Math.min(rank + oversample, limit);
}
