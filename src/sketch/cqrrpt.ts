import { InvalidArgumentError } from '../errors.js';
import { cholesky, gram, matmul, qrPivoted, triangularSolve } from '../linalg/api.js';
import { assertFinite, Matrix } from '../linalg/matrix.js';
import type { Seed } from '../random/seed.js';
import { parseSketch } from './distribution.js';
import { sketchingOperator } from './operator.js';
import { SKETCH_PARAMS } from './params.js';
import type { SketchDistribution } from './types.js';

/** A[:, perm] = Q·R with Q (m×k) orthonormal, R (k×n) upper trapezoidal, k the numerical rank. */
export interface PivotedQr {
  q: Matrix;
  r: Matrix;
  perm: Int32Array;
  rank: number;
}

/**
 * CQRRPT: column-pivoted QR of a tall A (m×n, m ≥ n) from a sketch (Melnichenko, Balabanov,
 * Murray, Demmel, Mahoney & Luszczek 2023; docs/theory.md §12). The pivots and the numerical rank
 * k come from a pivoted QR of the small sketch S·A (l = ⌈embedding·n⌉ rows, SASO by default);
 * A_pre = A[:, J]·R_sk⁻¹ is then nearly orthonormal, and one Cholesky QR of it (Gram matrix,
 * Cholesky, triangular solve: all BLAS-3) finishes Q and R = R_chol·R_sk. Cost ≈ 3mn² flops of
 * matrix products instead of LAPACK's dgeqp3, which is half BLAS-2.
 * @throws {InvalidArgumentError} naming 'a' (wide, empty or non-finite), 'embedding' or 'sketch'.
 * @example cqrrpt(A, { seed: 1 }).perm
 */
export function cqrrpt(
  a: Matrix,
  options: {
    sketch?: SketchDistribution | string;
    embedding?: number;
    seed?: Seed;
    rcond?: number;
  } = {},
): PivotedQr {
  const { rows: m, cols: n } = a;
  if (n === 0 || m < n)
    throw new InvalidArgumentError('a', 'must be tall (m ≥ n ≥ 1)', `${m}×${n}`);
  assertFinite('a', a);
  const embedding = options.embedding ?? 2;
  const l = Math.min(m, Math.ceil(embedding * n));
  if (!(Number.isFinite(embedding) && l >= n))
    throw new InvalidArgumentError('embedding', `must give a sketch size ≥ n = ${n}`, embedding);
  const distribution =
    typeof options.sketch === 'string'
      ? parseSketch(options.sketch)
      : (options.sketch ?? { kind: 'saso', vecNnz: 8 });
  const sketch = sketchingOperator(distribution, l, m, options.seed ?? 0);
  const { r: rSketch, perm } = qrPivoted(sketch.applyLeft(a));
  const rcond = SKETCH_PARAMS.rcond.check('rcond', options.rcond ?? 2 ** -52 * Math.max(m, n));
  const top = Math.abs(rSketch.get(0, 0));
  let k = 0;
  while (k < n && Math.abs(rSketch.get(k, k)) > rcond * top) k++;
  if (k === 0) throw new InvalidArgumentError('a', 'must not be zero');
  const pivoted = Matrix.zeros(m, k);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < k; j++) pivoted.data[i * k + j] = a.data[i * n + perm[j]!]!;
  const leading = Matrix.zeros(k, k);
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) leading.data[i * k + j] = rSketch.get(i, j);
  const pre = triangularSolve(leading, pivoted, { side: 'right' });
  const chol = cholesky(gram(pre, 1));
  const q = triangularSolve(chol, pre, { lower: true, trans: true, side: 'right' });
  // R = R_chol·R_sk[:k, :] with R_chol = Lᵀ: a product of upper triangular factors.
  const sketchRows = Matrix.fromRowMajor(k, n, rSketch.data.slice(0, k * n));
  const r = matmul(chol, sketchRows, { transA: true });
  return { q, r, perm, rank: k };
}
