import { COVARIANCE_PARAMS } from '../constraints.js';
import { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import { type CovarianceModel, limitModel, matrixModel } from './model.js';
import { symbolSpectrum } from './symbol.js';

/**
 * The AR(1) covariance Σ_ij = ρ^|i−j| (docs/theory.md §5). Finite d: the exact matrix, whose theory
 * uses its eigendecomposition, sampled exactly by the recursion x₁ = z₁,
 * x_k = ρ x_{k−1} + √(1−ρ²) z_k (O(nd) instead of a d×d factor). d = ∞: the spectral symbol
 * f(ω) = (1−ρ²)/(1 − 2ρ cos ω + ρ²) on a midpoint quadrature.
 * @param d a positive integer or `Infinity`.
 * @throws {InvalidArgumentError} naming 'rho' unless −1 < ρ < 1, or 'd'.
 * @example ar1Covariance(0.5, Infinity).spectrum() // d-free theory in milliseconds
 * @example ar1Covariance(0.5, 500).sample(1000, 7) // 1000×500 AR(1) rows
 */
export function ar1Covariance(rho: number, d: number): CovarianceModel {
  COVARIANCE_PARAMS.rho.check('rho', rho);
  const name = `ar1:${rho}`;
  if (d === Infinity) {
    const symbol = (w: number) => (1 - rho * rho) / (1 - 2 * rho * Math.cos(w) + rho * rho);
    return limitModel(
      name,
      `AR(1) covariance Σ_ij = ${rho}^|i−j| in the d → ∞ limit (spectral symbol)`,
      symbolSpectrum(symbol, { argument: 'rho' }),
    );
  }
  COVARIANCE_PARAMS.d.check('d', d);
  const sigma = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) sigma.data[i * d + j] = rho ** Math.abs(i - j);
  const innovation = Math.sqrt(1 - rho * rho);
  return matrixModel(name, `AR(1) covariance Σ_ij = ${rho}^|i−j|, d = ${d}`, sigma, {
    sample(n, seed) {
      const x = gaussianMatrix(n, d, seed);
      const a = x.data;
      for (let i = 0; i < n; i++) {
        const row = i * d;
        for (let k = 1; k < d; k++) a[row + k] = rho * a[row + k - 1] + innovation * a[row + k];
      }
      return x;
    },
  });
}
