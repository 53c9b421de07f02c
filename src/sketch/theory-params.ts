import { type Interval, interval } from '../constraints.js';

/**
 * Constraints of the sketching theory's arguments as data (docs/theory.md §12). The sketch size
 * has a lower bound that depends on the dimension, so it is built per call by
 * {@link sketchSizeAbove}.
 * @example SKETCH_THEORY_PARAMS.d.check('d', 0) // throws "invalid argument: d must be an integer ≥ 1. Value: 0."
 */
export const SKETCH_THEORY_PARAMS = {
  /** Column dimension d (or target rank k) ≥ 1. */
  d: interval(1, Infinity, '[)', { integer: true }),
  /** Number q ≥ 1 of independent sketches averaged. */
  q: interval(1, Infinity, '[)', { integer: true }),
  /** A squared norm ≥ 0 (a residual, a trace, a squared Frobenius norm). */
  squaredNorm: interval(0, Infinity, '[)'),
} as const;

/**
 * The constraint "an integer > bound" on a sketch size: l > d for the embedding edges, l > d + 1
 * for the Gaussian least-squares and inversion formulas, m > d + 3 for second moments.
 * @example sketchSizeAbove(51).check('l', 50) // throws "l must be an integer > 51. Value: 50."
 */
export function sketchSizeAbove(bound: number): Interval {
  return interval(bound, Infinity, '()', { integer: true });
}
