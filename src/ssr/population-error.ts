import { InvalidArgumentError, NonFiniteError } from '../errors.js';
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
  const mu = checkShapes(fit.A, sigma, mean);
  return residualError(fit.A, Matrix.zeros(fit.A.rows, fit.A.rows), sigma, mu, fit.mean);
}

/**
 * {@link populationError} for a caller that gives the fit up (a Monte Carlo trial): I − Â is
 * written over `fit.A`, which saves a d×d matrix, its zero-fill and a pass. Same result to the
 * bit, same errors; `fit.A` holds I − Â afterwards.
 * @throws {InvalidArgumentError} as {@link populationError}.
 * @example populationErrorInPlace(fitSsr(X, { lambda: 0.1, centre: false }), sigma)
 */
export function populationErrorInPlace(
  fit: { A: Matrix; mean: Float64Array },
  sigma: Matrix,
  mean?: Float64Array,
): number {
  const mu = checkShapes(fit.A, sigma, mean);
  return residualError(fit.A, fit.A, sigma, mu, fit.mean);
}

function checkShapes(a: Matrix, sigma: Matrix, mean: Float64Array | undefined): Float64Array {
  const d = a.rows;
  assertSquare('sigma', sigma);
  if (sigma.rows !== d)
    throw new InvalidArgumentError(
      'sigma',
      `must be ${d}×${d} like Â`,
      `${sigma.rows}×${sigma.cols}`,
    );
  const mu = mean ?? new Float64Array(d);
  if (mu.length !== d) {
    assertFinite('sigma', sigma); // the error a non-finite Σ gave first, before the deferral below
    throw new InvalidArgumentError('mean', `must have ${d} entries`, mu.length);
  }
  return mu;
}

// The error from I − Â written into `residual` (Â's own array allowed). Neither factor of the
// product is scanned up front (matmul would scan both; Σ is usually a model's matrix, checked
// once when the model was built, and Â a fit's, finite by construction): a non-finite entry of
// either one makes the trace non-finite (NaN and ±∞ survive every product and sum here), and only
// then are they scanned, Σ first, for the error that names the place.
function residualError(
  a: Matrix,
  residual: Matrix,
  sigma: Matrix,
  mu: Float64Array,
  muHat: Float64Array,
): number {
  const d = a.rows;
  const r = residual.data;
  for (let t = 0; t < d * d; t++) r[t] = -a.data[t];
  for (let k = 0; k < d; k++) r[k * d + k] += 1;
  const product = kernel('gemm')(sigma, residual, false, false, 1);
  let trace = 0;
  for (let t = 0; t < d * d; t++) trace += r[t] * product.data[t];
  if (!Number.isFinite(trace)) {
    assertFinite('sigma', sigma);
    rejectNonFiniteA(r, d);
  }
  return (trace + meanShiftBias(mu, muHat, r, d)) / d;
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

// Â's first non-finite entry, found in I − Â (which may have overwritten Â): −x + 1 and −x are
// non-finite exactly where x is, and for such an x the value −(−x + 1) is x itself.
function rejectNonFiniteA(r: Float64Array, d: number): void {
  for (let t = 0; t < d * d; t++)
    if (!Number.isFinite(r[t])) throw new NonFiniteError('fit.A', Math.floor(t / d), t % d, -r[t]);
}
