import type { Matrix } from '../linalg/matrix.js';
import type { Pretext } from './pretext.js';
import { predict, type RidgeFit, ridgeFit } from './ridge.js';

/** A downstream or supervised predictor of Y (rows are samples). */
export interface LabelPredictor {
  fit: RidgeFit;
  /** Ŷ for each row of X₁. */
  predict(x1: Matrix): Matrix;
}

/**
 * The SSL downstream task (docs/theory.md §16.4): ridge regression of Y on ψ̂(X₁) with penalty
 * λ (λ = 0: the minimum-norm linear regression of Corollary 9's setting).
 * @throws {InvalidArgumentError} naming 'y' or 'lambda' (see {@link ridgeFit}).
 * @example fitDownstream(pretext, s.x1, s.y, 0.01).predict(test.x1)
 */
export function fitDownstream(
  pretext: Pretext,
  x1: Matrix,
  y: Matrix,
  lambda: number,
): LabelPredictor {
  const fit = ridgeFit(pretext.transform(x1), y, lambda);
  return { fit, predict: (x) => predict(fit, pretext.transform(x)) };
}

/**
 * The supervised baseline (docs/theory.md §16.4): ridge regression of Y on X₁ directly.
 * @throws {InvalidArgumentError} naming 'y' or 'lambda' (see {@link ridgeFit}).
 * @example fitSupervised(s.x1, s.y, 0.01).predict(test.x1)
 */
export function fitSupervised(x1: Matrix, y: Matrix, lambda: number): LabelPredictor {
  const fit = ridgeFit(x1, y, lambda);
  return { fit, predict: (x) => predict(fit, x) };
}
