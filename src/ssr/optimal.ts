import { InvalidArgumentError } from '../errors.js';
import { populationMean } from '../rmt/population.js';
import type { SpectralForm } from '../rmt/spectral-form.js';
import { SSR_PARAMS } from './params.js';
import { ssrTheory, type TheoryPoint } from './theory.js';

/** The optimal ridge at one α: the theory point at λ*, and how the search ended. */
export interface OptimalLambda {
  point: TheoryPoint;
  /** Whether golden section met its tolerance strictly inside the search range. */
  converged: boolean;
  /** Theory evaluations spent (grid + golden section). */
  iterations: number;
  /** Width of the final bracket in log λ. */
  residual: number;
  /**
   * Set when the best λ is the search range's end: 'lower' (the optimum is λ → 0, ridgeless, or
   * below `lo`) or 'upper' (λ → ∞ or above `hi`); `point.lambda` is then that bound, not λ*.
   */
  atBound?: 'lower' | 'upper';
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * λ* = argmin_λ L_gen(λ; α) and its error (docs/theory.md §2): a coarse grid of `gridPoints`
 * values, log-spaced over [lo, hi] (default 1e-8 … 1e4 times the mean eigenvalue) and evaluated in
 * one batch, then golden-section search on log λ between the neighbours of the best grid point,
 * down to a bracket of `tol` in log λ. A minimum on the edge of the range is reported with
 * `converged: false`. All evaluations reuse the one spectral form.
 * @throws {InvalidArgumentError} naming 'alpha', 'lo' or 'hi'.
 * @example optimalLambda(ar1Covariance(0.5, Infinity).spectrum(), 2).point.lambda
 */
export function optimalLambda(
  form: SpectralForm,
  alpha: number,
  options: { lo?: number; hi?: number; gridPoints?: number; tol?: number } = {},
): OptimalLambda {
  SSR_PARAMS.alpha.check('alpha', alpha);
  const scale = populationMean(form);
  const { lo = 1e-8 * scale, hi = 1e4 * scale, gridPoints = 49, tol = 1e-7 } = options;
  if (!(lo > 0) || !Number.isFinite(lo))
    throw new InvalidArgumentError('lo', 'must be a finite number > 0', lo);
  if (!(hi > lo) || !Number.isFinite(hi))
    throw new InvalidArgumentError('hi', `must be finite and > lo = ${lo}`, hi);
  const a = Math.log(lo);
  const step = (Math.log(hi) - a) / (gridPoints - 1);
  const coarse = ssrTheory(
    form,
    Array.from({ length: gridPoints }, (_, i) => ({ alpha, lambda: Math.exp(a + i * step) })),
  );
  let best = 0;
  for (let i = 1; i < gridPoints; i++) if (coarse[i].genError < coarse[best].genError) best = i;
  let left = a + Math.max(best - 1, 0) * step;
  let right = a + Math.min(best + 1, gridPoints - 1) * step;
  const evaluate = (t: number) => ssrTheory(form, [{ alpha, lambda: Math.exp(t) }])[0];
  let x1 = right - INV_PHI * (right - left);
  let x2 = left + INV_PHI * (right - left);
  let p1 = evaluate(x1);
  let p2 = evaluate(x2);
  let iterations = gridPoints + 2;
  while (right - left > tol && iterations < gridPoints + 200) {
    if (p1.genError <= p2.genError) {
      right = x2;
      x2 = x1;
      p2 = p1;
      x1 = right - INV_PHI * (right - left);
      p1 = evaluate(x1);
    } else {
      left = x1;
      x1 = x2;
      p1 = p2;
      x2 = left + INV_PHI * (right - left);
      p2 = evaluate(x2);
    }
    iterations++;
  }
  const candidates = [p1, p2, coarse[best]];
  const point = candidates.reduce((m, p) => (p.genError < m.genError ? p : m));
  const interior = best > 0 && best < gridPoints - 1;
  const result: OptimalLambda = {
    point,
    converged: interior && right - left <= tol,
    iterations,
    residual: right - left,
  };
  if (!interior) result.atBound = best === 0 ? 'lower' : 'upper';
  return result;
}
