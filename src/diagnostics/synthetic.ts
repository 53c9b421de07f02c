import { matmul, qr } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import { randomStream } from '../random/stream.js';

/**
 * M values λ ~ Pareto with density (α − 1)λ^{−α} on [1, ∞) (λ = u^{−1/(α−1)}, u uniform): the
 * ESD with a known power-law exponent α, the one fitPowerLaw estimates.
 * @example paretoEigenvalues(5000, 2.5, 1)
 */
export function paretoEigenvalues(M: number, alpha: number, seed: number): Float64Array {
  const s = randomStream(seed);
  return Float64Array.from({ length: M }, () => s.uniform() ** (-1 / (alpha - 1)));
}

/**
 * W = U·diag(√λ)·Vᵀ (N×M, N ≥ M) with U, V Haar-orthonormal (QR of Gaussian matrices) and λ
 * from {@link paretoEigenvalues}: a dense matrix whose ESD (eigenvalues of WᵀW) is exactly λ,
 * so the tail exponent is known.
 * @example paretoSpectrumMatrix(600, 400, 2.5, 1)
 */
export function paretoSpectrumMatrix(
  N: number,
  M: number,
  alpha: number,
  seed: number,
): { w: Matrix; evals: Float64Array } {
  const evals = paretoEigenvalues(M, alpha, seed);
  const u = qr(gaussianMatrix(N, M, randomStream(seed).child('U'))).q;
  const v = qr(gaussianMatrix(M, M, randomStream(seed).child('V'))).q;
  const us = Matrix.zeros(N, M);
  for (let i = 0; i < N; i++)
    for (let j = 0; j < M; j++) us.data[i * M + j] = u.data[i * M + j]! * Math.sqrt(evals[j]!);
  return { w: matmul(us, v, { transB: true }), evals: Float64Array.from(evals).sort() };
}
