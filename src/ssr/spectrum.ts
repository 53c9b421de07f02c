import { eigh, eigvalsh } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { fitSsr } from './estimator.js';

/** Eigenvalues of the fitted SSR matrix Â and, optionally, its right eigenvectors. */
export interface SsrEigen {
  /** Eigenvalues of Â, ascending (all real: Â is similar to a symmetric matrix). */
  values: Float64Array;
  /** Right eigenvectors of Â as unit columns (Â v = a v), when asked for. */
  vectors?: Matrix;
  /** diag(Q) of the fit (the similarity D = diag(Q)). */
  diagQ: Float64Array;
}

/**
 * The spectrum of the SSR matrix Â = I − Q D⁻¹ of data X at ridge λ (docs/theory.md §3), through
 * the similarity Â = D^{1/2} S D^{-1/2} with the symmetric S = D^{-1/2} Â D^{1/2} = I − D^{-1/2} Q
 * D^{-1/2} (a symmetric eigensolver, never a general one). S is formed from the fitted Â (one Gram,
 * one Cholesky inverse, ridgeless limits included) and symmetrised against rounding. With
 * `vectors`, eigh(S) gives w and Â's right eigenvectors v = D^{1/2} w (normalised).
 * Columns are not centred by default, matching the zero-mean theory.
 * @throws {InvalidArgumentError} from fitSsr (λ, data shape, non-finite entries).
 * @example ssrEigen(model.sample(2000, 1), 0.1).values
 */
export function ssrEigen(
  data: Matrix,
  lambda: number,
  options: { vectors?: boolean; centre?: boolean } = {},
): SsrEigen {
  const fit = fitSsr(data, { lambda, centre: options.centre ?? false });
  const d = fit.d;
  const root = Float64Array.from(fit.diagQ, Math.sqrt);
  const s = Matrix.zeros(d, d);
  const a = fit.A.data;
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const v = 0.5 * (a[i * d + j] * (root[j] / root[i]) + a[j * d + i] * (root[i] / root[j]));
      s.data[i * d + j] = v;
      s.data[j * d + i] = v;
    }
  }
  if (!options.vectors) return { values: eigvalsh(s), diagQ: fit.diagQ };
  const { values, vectors } = eigh(s);
  for (let j = 0; j < d; j++) {
    let norm = 0;
    for (let i = 0; i < d; i++) {
      const v = vectors.data[i * d + j] * root[i];
      vectors.data[i * d + j] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (let i = 0; i < d; i++) vectors.data[i * d + j] /= norm;
  }
  return { values, vectors, diagQ: fit.diagQ };
}
