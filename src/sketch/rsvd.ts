import { matmul, svd } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import { checkRank, qb, type RangeOptions } from './range-finder.js';

/** A rank-k truncated SVD A ≈ U·diag(s)·Vᵀ: U m×k, s descending (k), Vt k×n. */
export interface TruncatedSvd {
  u: Matrix;
  s: Float64Array;
  vt: Matrix;
}

/**
 * Randomized SVD (Halko, Martinsson & Tropp 2011, Algorithm 5.1; docs/theory.md §12): a QB
 * factorisation with l = rank + oversample columns and `power` subspace iterations, the SVD of the
 * small l×n matrix B, then U = Q·Ũ, truncated to `rank`. Cost O(mnl·(2q + 2)) plus O(nl²), against
 * O(mn·min(m, n)) for a full SVD. Without power iterations the expected squared Frobenius error
 * is at most (1 + rank/(oversample − 1)) times the optimal ‖A − A_rank‖²_F.
 * @throws {InvalidArgumentError} naming 'rank', 'oversample', 'power' or 'sketch'.
 * @example rsvd(A, 50, { oversample: 10, power: 2, seed: 1 }).s
 */
export function rsvd(
  a: Matrix | LinearOperator,
  rank: number,
  options: RangeOptions & { oversample?: number } = {},
): TruncatedSvd {
  checkRank(a, rank, options.oversample ?? 10);
  const { q, b } = qb(a, rank, options);
  const small = svd(b);
  const k = Math.min(rank, small.s.length);
  return {
    u: matmul(q, small.u.columns(0, k)),
    s: small.s.slice(0, k),
    vt: Matrix.fromRowMajor(k, small.vt.cols, small.vt.data.slice(0, k * small.vt.cols)),
  };
}
