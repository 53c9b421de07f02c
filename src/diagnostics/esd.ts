import { gramEigvalsh, gramEigvalshAsync } from '../linalg/api.js';
import type { Matrix } from '../linalg/matrix.js';

/**
 * The empirical spectral density of a weight matrix: eigenvalues of WᵀW with W oriented N×M, N ≥ M.
 */
export interface Esd {
  /** The larger dimension. */
  N: number;
  /** The smaller dimension = number of eigenvalues. */
  M: number;
  /**
   * λ_i = s_i², the squared singular values of W (no 1/N normalisation, as WeightWatcher since
   * 0.6.5), ascending.
   */
  evals: Float64Array;
}

/**
 * The eigenvalues λ = s² of a weight matrix W, from the M×M Gram matrix of W oriented N×M with
 * N ≥ M (WᵀW or WWᵀ, whichever is smaller; gramEigvalsh: BLAS dsyrk + LAPACK dsyevd, or from M =
 * 2048 the two-stage reduction, in one job on the native backend).
 * Computed zeros may come out as −1e-16·λmax: they are clamped to 0. The Gram route resolves
 * eigenvalues down to ~ε·λmax (singular values to √ε·s_max), which is what the metrics use
 * (see matrix_rank in norms.ts).
 * @example weightEsd(Matrix.fromRows([[3, 0], [0, 4], [0, 0]])).evals // [9, 16]
 */
export function weightEsd(w: Matrix): Esd {
  const { outer, N, M } = orient(w);
  return finish(gramEigvalsh(w, { outer }), N, M);
}

/**
 * Asynchronous {@link weightEsd}: the Gram product and eigensolver run off the main thread.
 * @example (await weightEsdAsync(W)).evals
 */
export async function weightEsdAsync(w: Matrix): Promise<Esd> {
  const { outer, N, M } = orient(w);
  return finish(await gramEigvalshAsync(w, { outer }), N, M);
}

/** N ≥ M, and whether the Gram matrix is WWᵀ (a wide W) rather than WᵀW. */
function orient(w: Matrix): { outer: boolean; N: number; M: number } {
  return w.rows >= w.cols
    ? { outer: false, N: w.rows, M: w.cols }
    : { outer: true, N: w.cols, M: w.rows };
}

function finish(values: Float64Array, N: number, M: number): Esd {
  const evals = Float64Array.from(values, (v) => Math.max(0, v)).sort();
  return { N, M, evals };
}
