import { InvalidArgumentError } from '../errors.js';
import { matmul } from '../linalg/api.js';
import { assertFinite, type Matrix } from '../linalg/matrix.js';

/** How Â was obtained: ridge (λ > 0), or one of the two ridgeless limits (docs/theory.md §1). */
export type SsrRegime = 'ridge' | 'ridgeless-invertible' | 'ridgeless-projector';

/** A fitted masked-SSR model (docs/theory.md §1). Plain data plus two pure functions. */
export interface SsrFit {
  /** Â (d×d): column k predicts coordinate k from the others; diag(Â) = 0. */
  A: Matrix;
  /**
   * diag(Q), Q = (Σ̂ + λI)⁻¹; for λ = 0 with Σ̂ invertible diag(Σ̂⁻¹); for λ = 0 with Σ̂ singular
   * diag(I − P) = lim λ·diag(Q), P the projector on the row space of X.
   */
  diagQ: Float64Array;
  lambda: number;
  regime: SsrRegime;
  /** Whether the columns were centred; predictions then add `mean` back. */
  centred: boolean;
  /** Column means used for centring (zeros when not centred). */
  mean: Float64Array;
  n: number;
  d: number;
  /** L_tr = (1/(n d)) ‖X_c − X_c Â‖²_F on the (centred) training data. */
  trainError: number;
  /** Predictions x̂ = μ + Âᵀ(x − μ) for each row of `x` (m×d): coordinate k from the others. */
  predict(x: Matrix): Matrix;
  /** Test error (1/(m d)) ‖(X − μ)(I − Â)‖²_F on held-out rows. */
  testError(x: Matrix): number;
}

/**
 * Wraps Â and its statistics into an {@link SsrFit} with `predict` and `testError`.
 * @throws {InvalidArgumentError} from predict/testError naming 'x' for a wrong width or non-finite
 * entries.
 * @example makeFit({ A, diagQ, lambda: 0.1, regime: 'ridge', centred: true, mean, n, d, trainError })
 */
export function makeFit(fields: Omit<SsrFit, 'predict' | 'testError'>): SsrFit {
  const { A, mean, d } = fields;
  const check = (x: Matrix) => {
    if (x.cols !== d)
      throw new InvalidArgumentError('x', `must have ${d} columns like the training data`, x.cols);
    assertFinite('x', x);
  };
  const centre = (x: Matrix) => {
    const out = x.clone();
    for (let i = 0; i < x.rows; i++) for (let k = 0; k < d; k++) out.data[i * d + k] -= mean[k];
    return out;
  };
  return {
    ...fields,
    predict(x) {
      check(x);
      const out = matmul(centre(x), A);
      for (let i = 0; i < x.rows; i++) for (let k = 0; k < d; k++) out.data[i * d + k] += mean[k];
      return out;
    },
    testError(x) {
      check(x);
      if (x.rows === 0) throw new InvalidArgumentError('x', 'must have at least one row');
      const xc = centre(x);
      const fitted = matmul(xc, A);
      let sum = 0;
      for (let t = 0; t < xc.data.length; t++) sum += (xc.data[t] - fitted.data[t]) ** 2;
      return sum / (x.rows * d);
    },
  };
}

/**
 * Â = I − M diag(M)⁻¹ column by column (column k: e_k − M e_k / M_kk), with diag(Â) = 0 exactly.
 * @example ssrMatrix(Q) // the SSR matrix of Q = (Σ̂ + λI)⁻¹
 */
export function ssrMatrix(m: Matrix): Matrix {
  return ssrMatrixInPlace(m.clone());
}

/**
 * {@link ssrMatrix} written over `m` itself, for callers that own `m` and need it no more: one
 * d×d matrix instead of two at the fit's peak memory (docs/ssr.md, "Memory"). With
 * `columnNorms` (length d, zeros) it also accumulates the squared norms of m's columns, row by
 * row in memory order, in the same pass: the fit's training error needs them, and a separate
 * pass would read m once more.
 * @example ssrMatrixInPlace(q) // q now holds Â
 */
export function ssrMatrixInPlace(m: Matrix, columnNorms?: Float64Array): Matrix {
  const d = m.rows;
  const a = m.data;
  const inv = new Float64Array(d);
  for (let k = 0; k < d; k++) inv[k] = 1 / a[k * d + k];
  for (let i = 0; i < d; i++) {
    const row = i * d;
    if (columnNorms)
      for (let k = 0; k < d; k++) {
        const v = a[row + k];
        columnNorms[k] += v * v;
        a[row + k] = -v * inv[k];
      }
    else for (let k = 0; k < d; k++) a[row + k] = -a[row + k] * inv[k];
    a[row + i] = 0;
  }
  return m;
}
