import { COVARIANCE_PARAMS } from '../constraints.js';
import { InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import { type CovarianceModel, limitModel, matrixModel } from './model.js';
import { symbolSpectrum } from './symbol.js';

/**
 * A stationary (Toeplitz) covariance Σ_ij = γ_|i−j| from an autocovariance sequence γ₀, γ₁, …
 * (entries beyond the sequence are 0). Finite d: the explicit matrix (theory via its
 * eigendecomposition). d = ∞: the spectral symbol f(ω) = γ₀ + 2 Σ_{k≥1} γ_k cos kω on a
 * midpoint quadrature (docs/theory.md §5), which must be ≥ 0.
 * @param d a positive integer or `Infinity`; default the sequence length.
 * @throws {InvalidArgumentError} naming 'gamma' (empty, non-finite, γ₀ ≤ 0, or a negative
 *   symbol / eigenvalue: not positive semidefinite) or 'd'.
 * @example toeplitzCovariance(Float64Array.of(1, 0.5, 0.25), Infinity)
 */
export function toeplitzCovariance(
  gamma: Float64Array,
  d: number = gamma.length,
  name = 'toeplitz',
): CovarianceModel {
  if (gamma.length === 0) throw new InvalidArgumentError('gamma', 'must hold at least γ₀');
  gamma.forEach((g, k) => {
    if (!Number.isFinite(g))
      throw new InvalidArgumentError('gamma', `must be finite; entry ${k} is not`, g);
  });
  if (!(gamma[0] > 0))
    throw new InvalidArgumentError('gamma', 'must start with a variance γ₀ > 0', gamma[0]);
  if (d === Infinity) {
    const symbol = (w: number) => {
      let f = gamma[0];
      for (let k = 1; k < gamma.length; k++) f += 2 * gamma[k] * Math.cos(k * w);
      return f;
    };
    return limitModel(
      name,
      `Toeplitz covariance from ${gamma.length} autocovariances, d → ∞ (spectral symbol)`,
      symbolSpectrum(symbol, { argument: 'gamma' }),
    );
  }
  COVARIANCE_PARAMS.d.check('d', d);
  const sigma = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const lag = Math.abs(i - j);
      sigma.data[i * d + j] = lag < gamma.length ? gamma[lag] : 0;
    }
  }
  const model = matrixModel(
    name,
    `Toeplitz covariance from ${gamma.length} autocovariances, d = ${d}`,
    sigma,
  );
  // A Toeplitz matrix from an arbitrary sequence need not be PSD: decide now, not at first use.
  model.spectrum();
  return model;
}
