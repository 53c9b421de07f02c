import { InvalidArgumentError } from '../errors.js';
import { cholesky, matmul, qr, svd, triangularSolve } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { asOperator, type LinearOperator } from '../operators/linear-operator.js';
import type { Seed } from '../random/seed.js';
import { randomStream } from '../random/stream.js';
import { checkRank } from './range-finder.js';

/** A ≈ U·diag(values)·Uᵀ with U n×k orthonormal and values descending, ≥ 0. */
export interface NystromApproximation {
  u: Matrix;
  values: Float64Array;
}

/**
 * Randomized Nyström approximation of a symmetric positive semidefinite A (n×n), in the
 * numerically stable form of Tropp, Yurtsever, Udell & Cevher (2017; docs/theory.md §12):
 * Ω orthonormalised Gaussian (n×l), Y = A·Ω, a shift ν = √n·ε·‖Y‖_F, C = chol(Ωᵀ(Y + νΩ)),
 * B = (Y + νΩ)·C⁻ᵀ, B = UΣVᵀ, and values max(σ² − ν, 0), truncated to `rank`. One pass of
 * products with A (l = rank + oversample of them, as one matmat).
 * @throws {InvalidArgumentError} naming 'a' (not square), 'rank' or 'oversample'.
 * @example nystrom(K, 20, { seed: 1 }).values
 */
export function nystrom(
  a: Matrix | LinearOperator,
  rank: number,
  options: { oversample?: number; seed?: Seed } = {},
): NystromApproximation {
  const op = asOperator(a);
  if (op.rows !== op.cols)
    throw new InvalidArgumentError(
      'a',
      'must be square (symmetric positive semidefinite)',
      `${op.rows}×${op.cols}`,
    );
  const n = op.rows;
  const l = checkRank(op, rank, options.oversample ?? 10);
  const gaussian = randomStream(options.seed ?? 0).fill(new Float64Array(n * l), 'normal');
  const omega = qr(Matrix.fromRowMajor(n, l, gaussian)).q;
  const y = op.matmat(omega);
  let frobenius = 0;
  for (const v of y.data) frobenius += v * v;
  const nu = Math.sqrt(n) * 2 ** -52 * Math.sqrt(frobenius);
  const shifted = y.clone();
  for (let i = 0; i < shifted.data.length; i++) shifted.data[i]! += nu * omega.data[i]!;
  const core = matmul(omega, shifted, { transA: true });
  const symmetric = Matrix.zeros(l, l);
  for (let i = 0; i < l; i++)
    for (let j = 0; j < l; j++) symmetric.data[i * l + j] = 0.5 * (core.get(i, j) + core.get(j, i));
  const c = cholesky(symmetric);
  const b = triangularSolve(c, shifted, { lower: true, trans: true, side: 'right' });
  const { u, s } = svd(b);
  const k = Math.min(rank, s.length);
  const values = new Float64Array(k);
  for (let j = 0; j < k; j++) values[j] = Math.max(s[j]! ** 2 - nu, 0);
  return { u: u.columns(0, k), values };
}
