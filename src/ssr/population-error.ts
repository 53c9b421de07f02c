import { InvalidArgumentError } from '../errors.js';
import { matmul } from '../linalg/api.js';
import { assertFinite, assertSquare, Matrix } from '../linalg/matrix.js';

/**
 * The population (generalisation) error of a fitted Â under x ~ (μ, Σ) (docs/theory.md §1):
 * L_gen = (1/d) tr[(I−Â)ᵀ Σ (I−Â)] + (1/d) ‖(I−Â)ᵀ(μ − μ̂)‖² where μ̂ is the fit's centring
 * mean (the second term vanishes without centring when μ = 0). Costs one d×d product.
 * @throws {InvalidArgumentError} naming 'sigma' or 'mean' for a shape mismatch or non-finite
 * entries.
 * @example populationError(fitSsr(X, { lambda: 0.1, centre: false }), sigma)
 */
export function populationError(
  fit: { A: Matrix; mean: Float64Array },
  sigma: Matrix,
  mean?: Float64Array,
): number {
  const d = fit.A.rows;
  assertSquare('sigma', sigma);
  if (sigma.rows !== d)
    throw new InvalidArgumentError(
      'sigma',
      `must be ${d}×${d} like Â`,
      `${sigma.rows}×${sigma.cols}`,
    );
  assertFinite('sigma', sigma);
  const residual = Matrix.zeros(d, d); // I − Â
  for (let t = 0; t < d * d; t++) residual.data[t] = -fit.A.data[t];
  for (let k = 0; k < d; k++) residual.data[k * d + k] += 1;
  const product = matmul(sigma, residual);
  let trace = 0;
  for (let t = 0; t < d * d; t++) trace += residual.data[t] * product.data[t];
  let bias = 0;
  const mu = mean ?? new Float64Array(d);
  if (mu.length !== d) throw new InvalidArgumentError('mean', `must have ${d} entries`, mu.length);
  for (let k = 0; k < d; k++) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += (mu[i] - fit.mean[i]) * residual.data[i * d + k];
    bias += dot * dot;
  }
  return (trace + bias) / d;
}
