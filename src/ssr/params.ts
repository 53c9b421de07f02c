import { interval } from '../constraints.js';

/**
 * Constraints of the SSR parameters as data: the estimator, the theory, the CLI and the
 * invalid-input tests all check against these objects (and print `describe()`).
 * @example SSR_PARAMS.lambda.check('lambda', -1) // throws "invalid argument: lambda must be ≥ 0. Value: -1."
 */
export const SSR_PARAMS = {
  /** Ridge λ ≥ 0 (λ = 0 is the ridgeless limit, docs/theory.md §1). */
  lambda: interval(0, Infinity, '[)'),
  /** Sample ratio α = n/d > 0. */
  alpha: interval(0, Infinity, '()'),
  /**
   * Dimension d ≥ 2 (each coordinate is predicted from at least one other); the theory also takes d
   * = ∞.
   */
  d: interval(2, Infinity, '[)', { integer: true }),
  /** Number of samples n ≥ 1. */
  n: interval(1, Infinity, '[)', { integer: true }),
} as const;
