import { interval } from '../constraints.js';

/**
 * Parameter constraints of the reconstructive-SSL models and estimators (docs/theory.md §16), as
 * data shared by the functions, the CLI and the invalid-input tests.
 */
export const SSL_PARAMS = {
  /** Input dimension d₁, pretext-target dimension d₂, label dimension p. */
  d1: interval(1, Infinity, '[)', { integer: true }),
  d2: interval(1, Infinity, '[)', { integer: true }),
  p: interval(1, Infinity, '[)', { integer: true }),
  /** Rank s of the low-rank part of the redundancy and rank of its tail. */
  s: interval(0, Infinity, '[)', { integer: true }),
  tailRank: interval(0, Infinity, '[)', { integer: true }),
  /** Approximation error ε_s ≥ 0 put into the redundancy tail. */
  epsilon: interval(0, Infinity, '[)'),
  /** Label noise σ ≥ 0, pretext-target noise τ ≥ 0, redundancy amplitude > 0. */
  sigma: interval(0, Infinity, '[)'),
  tau: interval(0, Infinity, '[)'),
  amplitude: interval(0, Infinity, '()'),
  /** Ridge penalties (λ = 0 is the minimum-norm least-squares fit). */
  lambda: interval(0, Infinity, '[)'),
  /** Sample sizes. */
  n: interval(1, Infinity, '[)', { integer: true }),
} as const;
