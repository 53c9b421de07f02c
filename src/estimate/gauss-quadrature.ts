import { InvalidArgumentError } from '../errors.js';
import { eigTridiagonal } from '../linalg/backends/js/tridiagonal/steqr.js';

/** A quadrature rule Σ_k weights[k]·f(nodes[k]); nodes ascending. */
export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

/**
 * The Gauss quadrature rule of a Lanczos tridiagonal T = tridiag(β, α, β) of size m (Golub and
 * Welsch 1969; docs/theory.md §13): nodes θ_k = eigenvalues of T (the Ritz values) and weights
 * τ_k = (e₁ᵀy_k)², the squared first components of its unit eigenvectors, so that
 * q₀ᵀf(A)q₀ ≈ e₁ᵀf(T)e₁ = Σ_k τ_k f(θ_k), exact for polynomials f of degree ≤ 2m − 1. The
 * weights are positive and sum to 1. O(m³) by implicit QL (LAPACK dsteqr in the JS backend), a
 * few microseconds for the m ≤ 100 of stochastic Lanczos quadrature.
 * @throws {InvalidArgumentError} naming 'beta' unless it has alpha.length − 1 entries, 'alpha'
 *   when empty.
 * @throws {ConvergenceError} ('eigh') if the QL iteration fails (not seen in practice).
 * @example gaussQuadrature(Float64Array.of(0, 0), Float64Array.of(1)) // nodes ∓1, weights ½, ½
 */
export function gaussQuadrature(alpha: Float64Array, beta: Float64Array): QuadratureRule {
  const m = alpha.length;
  if (m === 0) throw new InvalidArgumentError('alpha', 'must not be empty');
  if (beta.length !== m - 1)
    throw new InvalidArgumentError(
      'beta',
      `must have alpha.length − 1 = ${m - 1} entries`,
      beta.length,
    );
  const d = alpha.slice();
  const e = beta.slice();
  const z = new Float64Array(m * m);
  for (let i = 0; i < m; i++) z[i * m + i] = 1;
  eigTridiagonal(d, e, z);
  const order = Array.from(d.keys()).sort((a, b) => d[a]! - d[b]!);
  return {
    nodes: Float64Array.from(order, (k) => d[k]!),
    weights: Float64Array.from(order, (k) => z[k]! * z[k]!),
  };
}
