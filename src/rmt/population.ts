import { InvalidArgumentError } from '../errors.js';

/**
 * A population spectrum: nodes σ_j ≥ 0 with weights t_j ≥ 0 summing to 1, so that
 * (1/d) tr g(Σ) = Σ_j t_j g(σ_j). For a finite d×d covariance the nodes are its eigenvalues with
 * weights 1/d; for a d → ∞ model they are quadrature nodes of its spectral symbol. The SSR
 * theory's {@link SpectralForm} is a population with coordinate information added, so it can be
 * passed wherever a population is asked for.
 */
export interface Population {
  readonly values: Float64Array;
  readonly weights: Float64Array;
}

/**
 * How far below zero a node may sit, relative to the largest |σ_j|, and still count as rounding
 * noise of a PSD matrix.
 */
export const NEGATIVE_NODE_TOLERANCE = 1e-10;

/** How far the weights may sum from 1. */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/**
 * Validates and builds a population spectrum (weights default to 1/J). Duplicate nodes are kept;
 * tiny negative nodes (rounding noise of a PSD matrix, above −1e-10·max σ) are set to 0.
 * @throws {InvalidArgumentError} naming `argument` ('values' by default: empty, non-finite or
 *   negative nodes) or 'weights' (wrong length, negative, or not summing to 1).
 * @example population([1, 3]) // nodes 1 and 3, weight ½ each
 */
export function population(
  values: ArrayLike<number>,
  weights?: ArrayLike<number>,
  argument = 'values',
): Population {
  const v = Float64Array.from(values);
  if (v.length === 0) throw new InvalidArgumentError(argument, 'must hold at least one eigenvalue');
  let max = 0;
  for (let j = 0; j < v.length; j++) {
    if (!Number.isFinite(v[j]))
      throw new InvalidArgumentError(argument, `must be finite; entry ${j} is not`, v[j]);
    max = Math.max(max, Math.abs(v[j]));
  }
  for (let j = 0; j < v.length; j++) {
    if (v[j] < -NEGATIVE_NODE_TOLERANCE * max) {
      throw new InvalidArgumentError(
        argument,
        `must be positive semidefinite; entry ${j} is negative`,
        v[j],
      );
    }
    v[j] = Math.max(v[j], 0);
  }
  if (max === 0) throw new InvalidArgumentError(argument, 'must not all be zero');
  const w =
    weights === undefined
      ? new Float64Array(v.length).fill(1 / v.length)
      : Float64Array.from(weights);
  if (w.length !== v.length)
    throw new InvalidArgumentError(
      'weights',
      `must have ${v.length} entries like values`,
      w.length,
    );
  let sum = 0;
  for (let j = 0; j < w.length; j++) {
    if (!(w[j] >= 0) || !Number.isFinite(w[j]))
      throw new InvalidArgumentError('weights', `must be finite and ≥ 0; entry ${j} is not`, w[j]);
    sum += w[j];
  }
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE)
    throw new InvalidArgumentError('weights', 'must sum to 1', sum);
  return { values: v, weights: w };
}

/**
 * The mean Σ_j t_j σ_j = (1/d) tr Σ: the natural scale of κ and λ. @example
 * populationMean(population([1, 3])) // 2
 */
export function populationMean(pop: Population): number {
  let m = 0;
  for (let j = 0; j < pop.values.length; j++) m += pop.weights[j] * pop.values[j];
  return m;
}

/**
 * Merges equal nodes (relative tolerance `tol`) and drops zero-weight ones, sorted ascending:
 * the form the edge search wants (one pole per distinct eigenvalue).
 * @example compactPopulation(population([2, 1, 2])) // values [1, 2], weights [⅓, ⅔]
 */
export function compactPopulation(pop: Population, tol = 1e-12): Population {
  const order = Array.from(pop.values.keys()).sort((a, b) => pop.values[a] - pop.values[b]);
  const values: number[] = [];
  const weights: number[] = [];
  for (const j of order) {
    const v = pop.values[j];
    const w = pop.weights[j];
    if (w === 0) continue;
    const last = values.length - 1;
    if (last >= 0 && v - values[last] <= tol * Math.max(Math.abs(v), 1e-300)) weights[last] += w;
    else {
      values.push(v);
      weights.push(w);
    }
  }
  return { values: Float64Array.from(values), weights: Float64Array.from(weights) };
}
