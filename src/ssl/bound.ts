import { InvalidArgumentError } from '../errors.js';

/** Inputs of {@link corollary11Bound}, per label coordinate. */
export interface BoundInputs {
  /** Labeled sample size n. */
  n: number;
  /** Downstream ridge λ (0: the linear downstream task). */
  lambda: number;
  p: number;
  s: number;
  /** ε_s of the redundancy's rank-s factorisation. */
  epsilon: number;
  /** Label noise variance σ² per coordinate. */
  sigma2: number;
  /** error* and the population ridge bias E‖(β_λ − β*)ψ‖² (from populationRidge). */
  errorStar: number;
  bias: number;
  /** Rank of Σ_ψ, used at λ = 0 (default p + s when ε_s = 0). */
  rank?: number;
  /** The constant C of the variance term (default 2, see docs/theory.md §16.6). */
  constant?: number;
}

/** The bound and its terms. */
export interface Bound {
  total: number;
  errorStar: number;
  bias: number;
  variance: number;
  /** σ̃² = σ² + error*: the variance of the residual Y − β*ψ per coordinate. */
  sigmaTilde2: number;
  /** D = (p + s)(1 + ε_s/λ) ≥ p + s + ε_s/λ ≥ d_λ (λ > 0), or the rank (λ = 0). */
  dimension: number;
  constant: number;
  /** Whether n ≥ 2D + 2, where C = 2 covers least squares' n/(n − D − 1) inflation. */
  valid: boolean;
}

/**
 * Corollary 11 of Du and Xiang (arXiv 2402.06884) with its constants written out
 * (docs/theory.md §16.6): R(β̂_λ) − R_Bayes ≤ error* + E‖(β_λ − β*)ψ‖² + C·σ̃²·D/n, with
 * D = (p + s)(1 + ε_s/λ) and σ̃² = σ² + error*; at λ = 0 D is the rank of Σ_ψ (Corollary 9).
 * @throws {InvalidArgumentError} naming 'n' when n < p, 'lambda' or 'epsilon' when negative,
 * 'rank' when λ = 0 and ε_s > 0 without a rank.
 * @example corollary11Bound({ n: 100, lambda: 0, p: 3, s: 2, epsilon: 0, sigma2: 1, errorStar: 0, bias: 0 }).total // 0.1
 */
export function corollary11Bound(inputs: BoundInputs): Bound {
  const { n, lambda, p, s, epsilon, sigma2, errorStar, bias } = inputs;
  if (!Number.isInteger(n) || n < p)
    throw new InvalidArgumentError('n', `must be an integer ≥ p = ${p}`, n);
  if (!(lambda >= 0)) throw new InvalidArgumentError('lambda', 'must be ≥ 0', lambda);
  if (!(epsilon >= 0)) throw new InvalidArgumentError('epsilon', 'must be ≥ 0', epsilon);
  const constant = inputs.constant ?? 2;
  let dimension: number;
  if (lambda > 0) dimension = (p + s) * (1 + epsilon / lambda);
  else if (inputs.rank !== undefined) dimension = inputs.rank;
  else if (epsilon === 0) dimension = p + s;
  else
    throw new InvalidArgumentError('rank', 'is needed at lambda = 0 when epsilon > 0', inputs.rank);
  const sigmaTilde2 = sigma2 + errorStar;
  const variance = (constant * sigmaTilde2 * dimension) / n;
  return {
    total: errorStar + bias + variance,
    errorStar,
    bias,
    variance,
    sigmaTilde2,
    dimension,
    constant,
    valid: n >= 2 * dimension + 2,
  };
}
