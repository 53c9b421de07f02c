import { eigvalsh } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { assertLength, axpy, norm2, scaleInPlace } from '../linalg/vector.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import { onePassStep, startBidiagonalisation, twoProductStep } from './golub-kahan.js';
import { SKETCH_PARAMS } from './params.js';

/** Options of {@link lsqr}. */
export interface LsqrOptions {
  /** Stop when ‖Bᵀr‖/(‖B‖₂‖r‖) ≤ tolerance (or ‖r‖ ≤ tolerance·(‖B‖‖y‖ + ‖b‖)); default 1e-10. */
  tolerance?: number;
  /** Iteration cap; default 2·cols + 10 (never reached by a well-preconditioned problem). */
  maxIterations?: number;
  /**
   * The caller's own backward-error measure, used by the stopping test in place of
   * ‖Bᵀr‖/(‖B‖₂‖r‖): it receives the vector Bᵀr (from the recurrences, no extra product) and
   * ‖r‖. A preconditioned solve passes the measure of the original problem here.
   */
  backwardError?: (normalResidual: Float64Array, residualNorm: number) => number;
  /**
   * One pass over B per iteration through `op.normalProduct` (see {@link onePassStep}); only for
   * a well-conditioned B. Default false: one product with B and one with Bᵀ.
   */
  onePass?: boolean;
}

/** The result of {@link lsqr}: `converged` is false when the cap was hit first. */
export interface LsqrResult {
  /** The minimiser y of ‖B·y − b‖₂. */
  x: Float64Array;
  iterations: number;
  converged: boolean;
  /** ‖b − B·y‖₂ from the recurrence. */
  residualNorm: number;
  /** ‖Bᵀ(b − B·y)‖₂ from the recurrence. */
  normalResidualNorm: number;
  /** The largest and smallest Ritz singular values of B (from the bidiagonal), and their ratio. */
  largestSingularValue: number;
  smallestSingularValue: number;
  conditionEstimate: number;
}

/**
 * LSQR (Paige & Saunders 1982) for min ‖B·y − b‖₂: Golub–Kahan bidiagonalisation of B started at
 * b, with the bidiagonal least-squares problem solved by Givens rotations (docs/theory.md §12).
 * Each iteration costs one product with B and one with Bᵀ. In exact arithmetic it equals conjugate
 * gradients on BᵀB·y = Bᵀb, so it converges fast when B is well conditioned, which is what the
 * sketch-and-precondition driver arranges. The stopping test is the normwise backward-error
 * estimate ‖Bᵀr‖/(‖B‖₂‖r‖) with ‖B‖₂ estimated by the largest Ritz value so far (a lower bound,
 * so the test errs on the strict side). The extreme Ritz singular values of the bidiagonal give
 * the condition estimate.
 * @throws {InvalidArgumentError} naming 'b' for a wrong length, 'tolerance' or 'maxIterations'.
 * @example lsqr(denseOperator(A), b).x
 */
export function lsqr(op: LinearOperator, b: Float64Array, options: LsqrOptions = {}): LsqrResult {
  const { tolerance = 1e-10, maxIterations = 2 * op.cols + 10 } = options;
  assertLength('b', b, op.rows);
  SKETCH_PARAMS.tolerance.check('tolerance', tolerance);
  SKETCH_PARAMS.maxIterations.check('maxIterations', maxIterations);
  const y = new Float64Array(op.cols);
  const bnorm = norm2(b);
  const alphas: number[] = [];
  const betas: number[] = [];
  const state = startBidiagonalisation(op, b);
  const step = options.onePass ? onePassStep : twoProductStep;
  const w = state.v.slice();
  let phiBar = state.beta;
  let rhoBar = state.alpha;
  let normB = state.alpha;
  let residualNorm = state.beta;
  let normalResidualNorm = state.alpha * state.beta;
  let iterations = 0;
  let converged = state.alpha === 0 || state.beta === 0;
  while (!converged && iterations < maxIterations) {
    iterations++;
    alphas.push(state.alpha);
    step(op, state);
    const { alpha, beta, v } = state;
    betas.push(beta);
    normB = Math.max(normB, Math.hypot(alphas[alphas.length - 1]!, beta));
    // Givens rotation eliminating β from the lower bidiagonal.
    const rho = Math.hypot(rhoBar, beta);
    const c = rhoBar / rho;
    const s = beta / rho;
    const theta = s * alpha;
    rhoBar = -c * alpha;
    const phi = c * phiBar;
    phiBar *= s;
    axpy(phi / rho, w, y);
    for (let j = 0; j < w.length; j++) w[j] = v[j]! - (theta / rho) * w[j]!;
    residualNorm = Math.abs(phiBar);
    normalResidualNorm = Math.abs(phiBar * alpha * c);
    const compatible = residualNorm <= tolerance * (normB * norm2(y) + bnorm);
    // Bᵀr = (φ̄·α·c)·v for the current v (Paige & Saunders 1982, §5.1).
    const leastSquares = options.backwardError
      ? options.backwardError(scaleInPlace(phiBar * alpha * c, v.slice()), residualNorm) <=
        tolerance
      : normalResidualNorm <= tolerance * normB * residualNorm;
    converged = compatible || leastSquares || alpha === 0;
  }
  return { x: y, iterations, converged, residualNorm, normalResidualNorm, ...ritz(alphas, betas) };
}

/**
 * The extreme singular values of the (k+1)×k lower bidiagonal with diagonal α and subdiagonal β:
 * square roots of the eigenvalues of its k×k tridiagonal Gram matrix.
 */
function ritz(alphas: number[], betas: number[]) {
  const k = alphas.length;
  if (k === 0) return { largestSingularValue: 0, smallestSingularValue: 0, conditionEstimate: 1 };
  const t = Matrix.zeros(k, k);
  for (let i = 0; i < k; i++) {
    t.data[i * k + i] = alphas[i]! ** 2 + betas[i]! ** 2;
    if (i + 1 < k) {
      const off = alphas[i + 1]! * betas[i]!;
      t.data[i * k + i + 1] = off;
      t.data[(i + 1) * k + i] = off;
    }
  }
  const values = eigvalsh(t);
  const largest = Math.sqrt(Math.max(values[k - 1]!, 0));
  const smallest = Math.sqrt(Math.max(values[0]!, 0));
  return {
    largestSingularValue: largest,
    smallestSingularValue: smallest,
    conditionEstimate: smallest > 0 ? largest / smallest : Number.POSITIVE_INFINITY,
  };
}
