import { InvalidArgumentError } from '../errors.js';
import { gram } from '../linalg/api.js';
import { assertFinite, type Matrix } from '../linalg/matrix.js';
import { type CovarianceModel, matrixModel } from './model.js';

/**
 * The plug-in covariance of a data set (rows = samples): Σ̂ = X_cᵀX_c/(n−1) with the columns
 * centred (default), or XᵀX/n without centring. Use a data set much larger than the n you
 * forecast for, so that Σ̂ ≈ Σ; the theory then forecasts the learning curve of that data.
 * @throws {InvalidArgumentError} naming 'data' (fewer than 2 rows, no columns, non-finite entry).
 * @example dataCovariance(X).spectrum() // eigendecomposition of the sample covariance
 */
export function dataCovariance(
  data: Matrix,
  options: { centre?: boolean; name?: string } = {},
): CovarianceModel {
  const { centre = true, name = 'data' } = options;
  const { rows: n, cols: d } = data;
  if (n < 2 || d < 1)
    throw new InvalidArgumentError(
      'data',
      `must have at least 2 rows and 1 column; shape is ${n}×${d}`,
    );
  assertFinite('data', data);
  const x = centre ? centred(data) : data;
  const sigma = gram(x, 1 / (centre ? n - 1 : n));
  return matrixModel(
    name,
    `plug-in ${centre ? 'centred ' : ''}covariance of ${n} samples, d = ${d}`,
    sigma,
  );
}

function centred(data: Matrix): Matrix {
  const { rows: n, cols: d } = data;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k] += data.data[i * d + k] / n;
  const out = data.clone();
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) out.data[i * d + k] -= mean[k];
  return out;
}
