import { interval } from '../constraints.js';

/**
 * Constraints of the random-feature parameters as data: the theory, the simulation, the CLI and
 * the invalid-input tests check against these objects (docs/theory.md §15).
 * @example FEATURE_PARAMS.ratio.check('ratio', 0) // throws "invalid argument: ratio must be > 0. Value: 0."
 */
export const FEATURE_PARAMS = {
  /** Features per training sample N/n > 0 (the d/n). */
  ratio: interval(0, Infinity, '()'),
  /** Ridge γ ≥ 0 of the loss (1/2n)‖y − Σᵀβ‖² + (γ/2)‖β‖²; γ = 0 is the ridgeless limit. */
  gamma: interval(0, Infinity, '[)'),
  /** Number of random features N ≥ 1. */
  features: interval(1, Infinity, '[)', { integer: true }),
  /** Order of a Gauss–Hermite rule. */
  order: interval(2, 400, '[]', { integer: true }),
} as const;
