import { InvalidArgumentError } from '../errors.js';
import { kernel } from '../linalg/backend.js';
import { assertSquare, Matrix } from '../linalg/matrix.js';

/**
 * diag(A⁻¹) of a symmetric positive definite A = LLᵀ from its lower Cholesky factor L, without
 * forming A⁻¹ (docs/theory.md §13.7): A⁻¹ = L⁻ᵀL⁻¹, so (A⁻¹)_kk = ‖L⁻¹e_k‖², the squared norm of
 * column k of W = L⁻¹. W is lower triangular, so its columns s … s + b − 1 solve the trailing
 * system L[s:, s:]·X = I[s:, s:s+b] (one BLAS dtrsm on a copy of the trailing block) and rows
 * above s are zero. With `blocks` column blocks (default 8) this costs ≈ (1/3)(1 + 1/K)(1 +
 * 1/(2K))·d³ flops, K = blocks (0.40 d³ for K = 8; dtrtri's d³/3 is the limit), against d³ for
 * one solve with the full identity and d³ for dpotri's inverse; memory: one trailing copy (at
 * most (d − d/K)²) and a (d − s)×b block, never W or A⁻¹ whole.
 * @throws {InvalidArgumentError} naming 'l' unless square with a positive diagonal, 'blocks'
 *   unless a positive integer.
 * @example choleskyInverseDiagonal(cholesky(A)) // diag(A⁻¹)
 */
export function choleskyInverseDiagonal(
  l: Matrix,
  options: { blocks?: number } = {},
): Float64Array {
  assertSquare('l', l);
  const d = l.rows;
  const blocks = options.blocks ?? 8;
  if (!Number.isInteger(blocks) || blocks < 1)
    throw new InvalidArgumentError('blocks', 'must be a positive integer', blocks);
  for (let k = 0; k < d; k++)
    if (!(l.data[k * d + k]! > 0))
      throw new InvalidArgumentError(
        'l',
        `must be a Cholesky factor with a positive diagonal; entry (${k}, ${k}) is not`,
        l.data[k * d + k],
      );
  const width = Math.max(64, Math.ceil(d / blocks));
  const trsm = kernel('trsm');
  const out = new Float64Array(d);
  for (let s = 0; s < d; s += width) {
    const m = d - s;
    const b = Math.min(width, m);
    const t = s === 0 ? l : trailing(l, s);
    const rhs = Matrix.zeros(m, b);
    for (let j = 0; j < b; j++) rhs.data[j * b + j] = 1;
    const x = trsm(t, rhs, false, false, true).data;
    for (let i = 0; i < m; i++) for (let j = 0; j < b; j++) out[s + j] += x[i * b + j]! ** 2;
  }
  return out;
}

/** The trailing block L[s:, s:] as its own contiguous matrix (lower triangle and diagonal). */
function trailing(l: Matrix, s: number): Matrix {
  const d = l.rows;
  const m = d - s;
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const row = (s + i) * d + s;
    out.set(l.data.subarray(row, row + i + 1), i * m);
  }
  return Matrix.fromRowMajor(m, m, out);
}
