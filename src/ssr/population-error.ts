import { InvalidArgumentError } from '../errors.js';
import { kernel } from '../linalg/backend.js';
import { assertFinite, assertSquare, Matrix } from '../linalg/matrix.js';

/**
 * The population (generalisation) error of a fitted Â under x ~ (μ, Σ) (docs/theory.md §1):
 * L_gen = (1/d) tr[(I−Â)ᵀ Σ (I−Â)] + (1/d) ‖(I−Â)ᵀ(μ − μ̂)‖² where μ̂ is the fit's centring
 * mean (the second term vanishes without centring when μ = 0). Costs one d×d product.
 * @throws {InvalidArgumentError} naming 'sigma' or 'mean' for a shape mismatch, 'sigma' or
 * 'fit.A' for non-finite entries.
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
  const mu = mean ?? new Float64Array(d);
  if (mu.length !== d) throw new InvalidArgumentError('mean', `must have ${d} entries`, mu.length);
  const residual = Matrix.zeros(d, d); // I − Â
  const r = residual.data;
  // Non-finite entries of Â make the sum NaN; Σ is checked above, so the product needs no
  // second pass over either factor (matmul would scan both).
  let poison = 0;
  for (let t = 0; t < d * d; t++) {
    r[t] = -fit.A.data[t];
    poison += r[t] * 0;
  }
  if (poison !== 0) assertFinite('fit.A', fit.A);
  for (let k = 0; k < d; k++) r[k * d + k] += 1;
  const product = kernel('gemm')(sigma, residual, false, false, 1);
  let trace = 0;
  for (let t = 0; t < d * d; t++) trace += r[t] * product.data[t];
  return (trace + meanShiftBias(mu, fit.mean, r, d)) / d;
}

// ‖(I−Â)ᵀ(μ − μ̂)‖², the vector accumulated row by row of I−Â (in memory order, where a column at
// a time strides through it) with each entry's terms in the same order as a dot product over
// rows; rows where μ_i = μ̂_i add exact zeros and are skipped, so a fit without centring under
// μ = 0 costs nothing here.
function meanShiftBias(mu: Float64Array, muHat: Float64Array, r: Float64Array, d: number) {
  const shifted = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const w = mu[i] - muHat[i];
    if (w === 0) continue;
    for (let k = 0; k < d; k++) shifted[k] += w * r[i * d + k];
  }
  let bias = 0;
  for (let k = 0; k < d; k++) bias += shifted[k] * shifted[k];
  return bias;
}
