import { NotPositiveDefiniteError } from '../errors.js';
import { matmul, spdInverse, svd } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { ssrMatrix, ssrMatrixInPlace } from './ssr-fit.js';

/** Â, diag of the matrix it came from, and the training error of a ridgeless fit. */
export interface RidgelessParts {
  A: Matrix;
  diagQ: Float64Array;
  trainError: number;
  regime: 'ridgeless-invertible' | 'ridgeless-projector';
}

/** diag(Σ̂⁻¹)·diag(Σ̂) above this means Σ̂ is numerically singular: use the projector limit. */
const CONDITION_LIMIT = 1e12;
/**
 * diag(I − P) at or below this: coordinate k lies in the row space; use the pseudo-inverse column.
 */
const NULL_LIMIT = 1e-10;

/**
 * The λ → 0⁺ limit of Â (docs/theory.md §1). When Σ̂ is invertible (n > d, full rank) Q → Σ̂⁻¹
 * (Cholesky inverse) and L_tr = (1/d) Σ_k 1/[Σ̂⁻¹]_kk. Otherwise λQ → I − P, P the projector on
 * the row space of X, found stably from the right singular vectors of X (rank: singular values
 * above max(n, d)·ε·s₁); then column k is e_k − (I−P)e_k / (I−P)_kk, whose training residual
 * X(I−P)e_k is exactly 0. A coordinate inside the row space ((I−P)_kk ≤ 1e-10) takes its limit
 * from the pseudo-inverse Σ̂⁺ instead.
 * @example ridgeless(xc, gram(xc)).regime // 'ridgeless-projector' when n ≤ d
 */
export function ridgeless(xc: Matrix, sigmaHat: Matrix): RidgelessParts {
  const { rows: n, cols: d } = xc;
  try {
    const q = spdInverse(sigmaHat);
    let worst = 0;
    for (let k = 0; k < d; k++)
      worst = Math.max(worst, q.data[k * d + k] * sigmaHat.data[k * d + k]);
    if (worst < CONDITION_LIMIT) {
      const diagQ = q.diag();
      let trainError = 0;
      for (let k = 0; k < d; k++) trainError += 1 / diagQ[k] / d;
      return { A: ssrMatrixInPlace(q), diagQ, trainError, regime: 'ridgeless-invertible' };
    }
  } catch (error) {
    if (!(error instanceof NotPositiveDefiniteError)) throw error;
  }
  const { s, vt } = svd(xc);
  const tol = Math.max(n, d) * Number.EPSILON * (s[0] ?? 0);
  let rank = 0;
  while (rank < s.length && s[rank] > tol) rank++;
  const basis = Matrix.fromRowMajor(rank, d, vt.data.subarray(0, rank * d));
  const projector = rank > 0 ? matmul(basis, basis, { transA: true }) : Matrix.zeros(d, d);
  const nullProjector = projector; // overwritten in place: I − P
  for (let t = 0; t < d * d; t++) nullProjector.data[t] = -projector.data[t];
  for (let k = 0; k < d; k++) nullProjector.data[k * d + k] += 1;
  const A = ssrMatrix(nullProjector);
  const diagQ = nullProjector.diag();
  let trainError = 0;
  const inside = [...diagQ.keys()].filter((k) => diagQ[k] <= NULL_LIMIT);
  if (inside.length > 0) {
    // Σ̂⁺ = V_r diag(n/s²) V_rᵀ for the few coordinates that lie in the row space.
    const scaled = basis.clone();
    for (let i = 0; i < rank; i++)
      for (let k = 0; k < d; k++) scaled.data[i * d + k] *= n / (s[i] * s[i]);
    const pinv = matmul(scaled, basis, { transA: true });
    for (const k of inside) {
      const p = pinv.data[k * d + k];
      for (let i = 0; i < d; i++) A.data[i * d + k] = i === k ? 0 : -pinv.data[i * d + k] / p;
      diagQ[k] = p;
      trainError += 1 / p / d;
    }
  }
  return { A, diagQ, trainError, regime: 'ridgeless-projector' };
}
