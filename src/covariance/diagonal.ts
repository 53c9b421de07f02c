import { InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import { diagonalSpectrum } from '../rmt/spectral-form.js';
import { type CovarianceModel, matrixModel } from './model.js';

/**
 * A diagonal covariance Σ = diag(values): independent coordinates with the given variances.
 * Its theory needs no eigendecomposition; samples scale N(0, 1) columns by √σ_k.
 * @throws {InvalidArgumentError} naming 'sigma' for an empty, negative or non-finite spectrum.
 * @example diagonalCovariance(Float64Array.of(1, 2, 3)).spectrum().values // [1, 2, 3]
 */
export function diagonalCovariance(values: Float64Array, name = 'diag'): CovarianceModel {
  if (values.length === 0)
    throw new InvalidArgumentError('sigma', 'must have at least one variance');
  values.forEach((v, k) => {
    if (!Number.isFinite(v))
      throw new InvalidArgumentError('sigma', `must be finite; variance ${k} is not`, v);
    if (v < 0)
      throw new InvalidArgumentError(
        'sigma',
        `must be positive semidefinite; variance ${k} is negative`,
        v,
      );
  });
  const d = values.length;
  const form = diagonalSpectrum(values);
  const scale = values.map(Math.sqrt);
  return matrixModel(name, `diagonal covariance with ${d} variances`, Matrix.diagonal(values), {
    spectrum: () => form,
    sample(n, seed) {
      const x = gaussianMatrix(n, d, seed);
      for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) x.data[i * d + k] *= scale[k];
      return x;
    },
  });
}
