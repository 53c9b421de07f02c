import { InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import { type LanczosRun, lanczosBlock, type Reorthogonalization } from './lanczos-block.js';

/** The result of {@link lanczos}: the tridiagonal and, on request, the Lanczos basis. */
export interface LanczosResult extends LanczosRun {
  /** Steps taken (alpha.length): fewer than asked when the Krylov space became invariant. */
  steps: number;
  /** n×steps matrix whose columns q₀, q₁, … are the Lanczos vectors (with `basis: true`). */
  basis?: Matrix;
}

/**
 * The Lanczos tridiagonalisation of a symmetric operator A from the starting vector s: after m
 * steps, Q = [q₀ … q_{m−1}] (q₀ = s/‖s‖) is an orthonormal basis of the Krylov space
 * span{s, As, …, A^{m−1}s} and QᵀAQ = T = tridiag(β, α, β), through the three-term recurrence
 * β_j q_{j+1} = Aq_j − α_j q_j − β_{j−1} q_{j−1} (docs/theory.md §13). In floating point the q_j
 * lose orthogonality as Ritz values converge; `reorthogonalize` restores it at every step
 * ('full', O(n·m²)), when Simon's ω-estimate exceeds √ε ('partial'), or never ('none', the
 * default, enough for Gauss quadrature: ghost Ritz values get the weight of the true ones).
 * Many starting vectors at once: {@link lanczosBlock}.
 * @throws {InvalidArgumentError} naming 'op' unless square and marked symmetric, 'start' for a
 *   wrong length, a zero or a non-finite vector, 'steps' unless an integer ≥ 1,
 *   'reorthogonalize'.
 * @example
 * const { alpha, beta } = lanczos(denseOperator(A, { symmetric: true }), start, 20,
 *   { reorthogonalize: 'full' }) // eigvalsh of tridiag(beta, alpha, beta) ≈ extreme eigenvalues of A
 */
export function lanczos(
  op: LinearOperator,
  start: Float64Array,
  steps: number,
  options: { reorthogonalize?: Reorthogonalization; basis?: boolean } = {},
): LanczosResult {
  if (start.length !== op.cols)
    throw new InvalidArgumentError('start', `must have ${op.cols} entries`, start.length);
  let zero = true;
  for (let i = 0; i < start.length; i++) {
    if (!Number.isFinite(start[i]!))
      throw new InvalidArgumentError('start', `must be finite; entry ${i} is not`, start[i]);
    if (start[i] !== 0) zero = false;
  }
  if (zero) throw new InvalidArgumentError('start', 'must not be the zero vector');
  const { runs, basis } = lanczosBlock(op, Matrix.fromRowMajor(start.length, 1, start), steps, {
    ...options,
    basis: options.basis === true,
  });
  const run = runs[0]!;
  const m = run.alpha.length;
  const result: LanczosResult = { ...run, steps: m };
  if (basis) {
    const q = Matrix.zeros(start.length, m);
    for (let j = 0; j < m; j++)
      for (let i = 0; i < start.length; i++) q.data[i * m + j] = basis[j]!.data[i]!;
    result.basis = q;
  }
  return result;
}
