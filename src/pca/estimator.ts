import { InvalidArgumentError } from '../errors.js';
import { eigh, gram, matmul } from '../linalg/api.js';
import { assertFinite, Matrix } from '../linalg/matrix.js';

/** A fitted PCA reconstruction: the top p sample eigenvectors of Σ̂ = XᵀX/n. */
export interface PcaFit {
  /** d×p matrix whose columns are the top p eigenvectors (orthonormal), largest first. */
  components: Matrix;
  /** The top p eigenvalues of Σ̂, descending. */
  eigenvalues: Float64Array;
  p: number;
  d: number;
  n: number;
  /** Reconstructions x̂ = V Vᵀ x of the rows of x (m×d). */
  reconstruct(x: Matrix): Matrix;
  /** Reconstruction test error (1/(m d)) ‖X − X V Vᵀ‖²_F on held-out rows (docs/theory.md §5). */
  testError(x: Matrix): number;
  /** Expected test error under covariance Σ: (1/d)(tr Σ − tr VᵀΣV) (no test-sample noise). */
  populationError(sigma: Matrix): number;
}

/**
 * PCA with p components (docs/theory.md §5): the eigenvectors of the p largest eigenvalues of the
 * (uncentred) sample second-moment matrix Σ̂ = XᵀX/n, from one symmetric eigendecomposition.
 * The reconstruction of x is its projection V Vᵀ x; the test error is the mean squared residual
 * per coordinate, comparable with the SSR generalisation error.
 * @throws {InvalidArgumentError} naming 'p' (not an integer in [0, d]) or 'data' (empty,
 *   non-finite entries).
 * @example fitPca(X, 10).testError(Xtest)
 */
export function fitPca(data: Matrix, p: number): PcaFit {
  const { rows: n, cols: d } = data;
  if (n < 1 || d < 1)
    throw new InvalidArgumentError('data', `must not be empty; shape is ${n}×${d}`);
  if (!Number.isInteger(p) || p < 0 || p > d)
    throw new InvalidArgumentError('p', `must be an integer in [0, ${d}]`, p);
  assertFinite('data', data);
  const { values, vectors } = eigh(gram(data));
  const components = Matrix.zeros(d, p);
  const eigenvalues = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const col = d - 1 - j;
    eigenvalues[j] = values[col];
    for (let i = 0; i < d; i++) components.data[i * p + j] = vectors.data[i * d + col];
  }
  const check = (x: Matrix) => {
    if (x.cols !== d)
      throw new InvalidArgumentError('x', `must have ${d} columns like the training data`, x.cols);
    assertFinite('x', x);
  };
  const reconstruct = (x: Matrix): Matrix => {
    check(x);
    if (p === 0) return Matrix.zeros(x.rows, d);
    return matmul(matmul(x, components), components, { transB: true });
  };
  return {
    components,
    eigenvalues,
    p,
    d,
    n,
    reconstruct,
    testError(x) {
      const r = reconstruct(x);
      let sum = 0;
      for (let k = 0; k < x.data.length; k++) sum += (x.data[k] - r.data[k]) ** 2;
      return sum / (x.rows * d);
    },
    populationError(sigma) {
      if (sigma.rows !== d || sigma.cols !== d)
        throw new InvalidArgumentError('sigma', `must be ${d}×${d}`, `${sigma.rows}×${sigma.cols}`);
      let trace = 0;
      for (let k = 0; k < d; k++) trace += sigma.data[k * d + k];
      if (p === 0) return trace / d;
      const sv = matmul(sigma, components);
      let captured = 0;
      for (let k = 0; k < d * p; k++) captured += sv.data[k] * components.data[k];
      return (trace - captured) / d;
    },
  };
}
