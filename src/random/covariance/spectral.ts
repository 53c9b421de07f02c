import { InvalidArgumentError } from '../../errors.js';
import type { Matrix } from '../../linalg/matrix.js';

/**
 * How the diagonal entries of a spectral function g(Σ) depend on the coordinate.
 * - `identity`: Σ is diagonal; coordinate k owns node k, so diag(g(Σ))_k = g(σ_k).
 * - `mixing`: diag(g(Σ)) over coordinate class k is Σ_j W_kj g(σ_j), with W = V∘V (rows sum
 *   to 1) for an eigendecomposition Σ = V diag(σ) Vᵀ; `multiplicity[k]` is the fraction of the
 *   coordinates in class k (sums to 1). A translation-invariant (Toeplitz, d = ∞) model has one
 *   class whose row equals the trace weights.
 */
export type CoordinateWeights =
  | { readonly kind: 'identity' }
  | { readonly kind: 'mixing'; readonly weights: Matrix; readonly multiplicity: Float64Array };

/**
 * Everything the deterministic-equivalent theory needs from a covariance Σ (THEORY.md §2):
 * nodes σ_j ≥ 0 with trace weights t_j (Σ t_j = 1) such that (1/d) tr g(Σ) = Σ_j t_j g(σ_j), and
 * the coordinate weights that give diag(g(Σ)). For finite d the nodes are the eigenvalues with
 * t_j = 1/d; for d = ∞ they are quadrature nodes of a spectral symbol.
 */
export interface SpectralForm {
  /** Dimension; `Infinity` for the d → ∞ limit of a spectral symbol. */
  readonly d: number;
  /** Nodes σ_j (eigenvalues or quadrature nodes), all ≥ 0. */
  readonly values: Float64Array;
  /** Weights t_j ≥ 0 with Σ_j t_j = 1. */
  readonly traceWeights: Float64Array;
  /** How diag(g(Σ)) depends on the coordinate. */
  readonly coordinates: CoordinateWeights;
}

/**
 * Checks the invariants of a spectral form (non-negative nodes, weights summing to 1, matching
 * shapes) and returns it. Eigenvalues in [−tol·max σ, 0) are rounding noise of a PSD matrix and
 * are set to 0; anything more negative means Σ is not positive semidefinite.
 * @throws {InvalidArgumentError} naming `argument` (e.g. 'sigma') with the offending value.
 * @example spectralForm({ d: 2, values: Float64Array.of(1, 3), traceWeights: Float64Array.of(0.5, 0.5), coordinates: { kind: 'identity' } }, 'sigma')
 */
export function spectralForm(form: SpectralForm, argument: string, tol = 1e-10): SpectralForm {
  const { values, traceWeights, coordinates, d } = form;
  if (!(d >= 1)) throw new InvalidArgumentError('d', 'must be ≥ 1', d);
  if (values.length === 0 || values.length !== traceWeights.length) {
    throw new InvalidArgumentError(argument, `needs as many trace weights as nodes (${values.length} nodes, ${traceWeights.length} weights)`);
  }
  let max = 0;
  let min = Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new InvalidArgumentError(argument, 'must have finite eigenvalues', v);
    max = Math.max(max, Math.abs(v));
    min = Math.min(min, v);
  }
  if (min < -tol * max) throw new InvalidArgumentError(argument, 'must be positive semidefinite; its smallest eigenvalue is negative', min);
  const clean = values.map((v) => Math.max(v, 0));
  let sum = 0;
  for (const t of traceWeights) sum += t;
  if (Math.abs(sum - 1) > 1e-12 * traceWeights.length) throw new InvalidArgumentError(argument, 'needs trace weights summing to 1', sum);
  if (coordinates.kind === 'mixing') {
    const { weights, multiplicity } = coordinates;
    if (weights.cols !== values.length || weights.rows !== multiplicity.length) {
      throw new InvalidArgumentError(argument, `needs a ${multiplicity.length}×${values.length} coordinate-weight matrix; got ${weights.rows}×${weights.cols}`);
    }
  }
  return { d, values: clean, traceWeights, coordinates };
}

/**
 * The mean eigenvalue (1/d) tr Σ = Σ_j t_j σ_j: the natural scale of κ and λ.
 * @example meanEigenvalue(diagonalSpectrum(Float64Array.of(1, 3))) // 2
 */
export function meanEigenvalue(form: SpectralForm): number {
  let m = 0;
  for (let j = 0; j < form.values.length; j++) m += form.traceWeights[j] * form.values[j];
  return m;
}

/**
 * The spectral form of a diagonal Σ = diag(values): identity coordinates, weights 1/d.
 * @throws {InvalidArgumentError} naming 'sigma' for a negative or non-finite entry.
 * @example diagonalSpectrum(Float64Array.of(1, 2, 3)).d // 3
 */
export function diagonalSpectrum(values: Float64Array): SpectralForm {
  const d = values.length;
  return spectralForm({ d, values: values.slice(), traceWeights: new Float64Array(d).fill(1 / d), coordinates: { kind: 'identity' } }, 'sigma');
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
  return spectralForm(
    {
      d,
      values: values.slice(),
      traceWeights: new Float64Array(d).fill(1 / d),
      coordinates: { kind: 'mixing', weights: squared, multiplicity: new Float64Array(d).fill(1 / d) },
    },
    'sigma',
  );
}
