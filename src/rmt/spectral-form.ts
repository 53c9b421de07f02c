import { InvalidArgumentError } from '../errors.js';
import type { Matrix } from '../linalg/matrix.js';
import { type Population, population } from './population.js';

/**
 * How the diagonal entries of a spectral function g(Σ) depend on the coordinate.
 * - `identity`: Σ is diagonal; coordinate k owns node k, so diag(g(Σ))_k = g(σ_k).
 * - `mixing`: diag(g(Σ)) over coordinate class k is Σ_j W_kj g(σ_j), with W = V∘V (rows sum
 *   to 1) for an eigendecomposition Σ = V diag(σ) Vᵀ; `multiplicity[k]` is the fraction of the
 *   coordinates in class k (sums to 1). A translation-invariant (Toeplitz, d = ∞) model has one
 *   class whose row equals the weights.
 */
export type CoordinateWeights =
  | { readonly kind: 'identity' }
  | { readonly kind: 'mixing'; readonly weights: Matrix; readonly multiplicity: Float64Array };

/**
 * Everything the deterministic-equivalent theory needs from a covariance Σ (docs/theory.md §2):
 * its population spectrum (nodes σ_j ≥ 0 with weights t_j, Σ t_j = 1, such that
 * (1/d) tr g(Σ) = Σ_j t_j g(σ_j)) plus the dimension and the coordinate weights that give
 * diag(g(Σ)). For finite d the nodes are the eigenvalues with t_j = 1/d; for d = ∞ they are
 * quadrature nodes of a spectral symbol.
 */
export interface SpectralForm extends Population {
  /** Dimension; `Infinity` for the d → ∞ limit of a spectral symbol. */
  readonly d: number;
  /** How diag(g(Σ)) depends on the coordinate. */
  readonly coordinates: CoordinateWeights;
  /**
   * The spectral symbol f(ω) on [0, π] of a d = ∞ Toeplitz form, kept beside its quadrature
   * nodes for the quantities the nodes resolve only to O(1/nodes): those that cut the spectrum
   * at a quantile, such as the population PCA error (`pca/symbol-energy.ts`).
   */
  readonly symbol?: (omega: number) => number;
}

/**
 * Checks the invariants of a spectral form (those of a {@link population}, plus d ≥ 1 and a
 * coordinate-weight matrix that matches the nodes) and returns it with rounding-noise negative
 * nodes set to 0. Errors about the nodes name `argument` (e.g. 'sigma').
 * @throws {InvalidArgumentError} naming 'd', `argument` or 'weights' with the offending value.
 * @example spectralForm({ d: 2, values: Float64Array.of(1, 3), weights: Float64Array.of(0.5, 0.5), coordinates: { kind: 'identity' } }, 'sigma')
 */
export function spectralForm(form: SpectralForm, argument: string): SpectralForm {
  const { d, coordinates } = form;
  if (!(d >= 1)) throw new InvalidArgumentError('d', 'must be ≥ 1', d);
  const { values, weights } = population(form.values, form.weights, argument);
  if (coordinates.kind === 'mixing') {
    const { weights: w, multiplicity } = coordinates;
    if (w.cols !== values.length || w.rows !== multiplicity.length) {
      throw new InvalidArgumentError(
        argument,
        `needs a ${multiplicity.length}×${values.length} coordinate-weight matrix; got ${w.rows}×${w.cols}`,
      );
    }
  }
  return { d, values, weights, coordinates, ...(form.symbol ? { symbol: form.symbol } : {}) };
}

/**
 * The spectral form of a diagonal Σ = diag(values): identity coordinates, weights 1/d.
 * @throws {InvalidArgumentError} naming 'sigma' for a negative or non-finite entry.
 * @example diagonalSpectrum(Float64Array.of(1, 2, 3)).d // 3
 */
export function diagonalSpectrum(values: Float64Array): SpectralForm {
  const d = values.length;
  return spectralForm(
    { d, values, weights: new Float64Array(d).fill(1 / d), coordinates: { kind: 'identity' } },
    'sigma',
  );
}

/**
 * The spectral form of Σ = V diag(values) Vᵀ from its eigendecomposition: coordinate weights
 * W = V∘V (row k holds the squared k-th entries of the eigenvectors), multiplicity 1/d.
 * @throws {InvalidArgumentError} naming 'sigma' when an eigenvalue is negative beyond rounding.
 * @example eigenSpectrum(eigh(sigma).values, eigh(sigma).vectors)
 */
export function eigenSpectrum(values: Float64Array, vectors: Matrix): SpectralForm {
  const d = values.length;
  const squared = vectors.clone();
  const w = squared.data;
  for (let k = 0; k < w.length; k++) w[k] *= w[k];
  const multiplicity = new Float64Array(d).fill(1 / d);
  return spectralForm(
    {
      d,
      values,
      weights: new Float64Array(d).fill(1 / d),
      coordinates: { kind: 'mixing', weights: squared, multiplicity },
    },
    'sigma',
  );
}
