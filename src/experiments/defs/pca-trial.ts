import { eigh, gram, matmul } from '../../linalg/api.js';
import type { Matrix } from '../../linalg/matrix.js';

/**
 * Population errors of PCA with p = 1…d components fitted on data X (uncentred Σ̂ = XᵀX/n, as
 * `fitPca`) under covariance Σ, from one eigendecomposition: E(p) = (1/d)(tr Σ − Σ_{i≤p} v_iᵀΣv_i)
 * for the eigenvectors v_i of the p largest sample eigenvalues. Returns E at the requested p.
 * @example pcaErrors(x, sigma, [10, 20, 40])
 */
export function pcaErrors(x: Matrix, sigma: Matrix, components: readonly number[]): number[] {
  const d = x.cols;
  const { vectors } = eigh(gram(x));
  // Columns of V are ascending; Σ-energy of each eigenvector from one product ΣV.
  const sv = matmul(sigma, vectors);
  const energy = new Float64Array(d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) energy[j] += vectors.data[i * d + j] * sv.data[i * d + j];
  let trace = 0;
  for (let k = 0; k < d; k++) trace += sigma.data[k * d + k];
  const captured = new Float64Array(d + 1);
  for (let p = 1; p <= d; p++) captured[p] = captured[p - 1] + energy[d - p];
  return components.map((p) => (trace - captured[p]) / d);
}
