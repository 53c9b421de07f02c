import { InvalidArgumentError } from '../errors.js';
import { axpy, norm2, scaleInPlace } from '../linalg/vector.js';
import type { LinearOperator } from '../operators/linear-operator.js';

/**
 * The state of the Golub–Kahan bidiagonalisation of B started at b: β₁u₁ = b, α₁v₁ = Bᵀu₁, and
 * after step k, β_{k+1}u_{k+1} = B·v_k − α_k·u_k and α_{k+1}v_{k+1} = Bᵀu_{k+1} − β_{k+1}·v_k.
 * `previous` is v_{k−1} (zero at the start); u and v are unit vectors unless α or β is 0.
 */
export interface Bidiagonalisation {
  u: Float64Array;
  v: Float64Array;
  previous: Float64Array;
  alpha: number;
  beta: number;
}

/** Starts the bidiagonalisation at b (one product with Bᵀ). */
export function startBidiagonalisation(op: LinearOperator, b: Float64Array): Bidiagonalisation {
  const beta = norm2(b);
  const u = beta > 0 ? scaleInPlace(1 / beta, b.slice()) : b.slice();
  const v = beta > 0 ? op.rmatvec(u) : new Float64Array(op.cols);
  const alpha = norm2(v);
  if (alpha > 0) scaleInPlace(1 / alpha, v);
  return { u, v, previous: new Float64Array(op.cols), alpha, beta };
}

/** One step with a product by B and one by Bᵀ: two passes over a dense B (Paige & Saunders). */
export function twoProductStep(op: LinearOperator, s: Bidiagonalisation): void {
  s.u = axpy(-s.alpha, s.u, op.matvec(s.v));
  s.beta = norm2(s.u);
  if (s.beta > 0) scaleInPlace(1 / s.beta, s.u);
  s.previous = s.v;
  s.v = axpy(-s.beta, s.v, op.rmatvec(s.u));
  normaliseV(s);
}

/**
 * One step from the fused product (B·v, BᵀB·v), one pass over a dense B instead of two. u and β
 * come from B·v as in {@link twoProductStep}; Bᵀu_{k+1} follows from the identity
 * Bᵀu_k = α_k·v_k + β_k·v_{k−1}: Bᵀu_{k+1} = (BᵀB·v_k − α_k(α_k·v_k + β_k·v_{k−1}))/β_{k+1}. The v
 * recurrence is then Lanczos on BᵀB, whose rounding grows with κ(B)², not κ(B): meant for a
 * well-conditioned B such as the A·R⁻¹ of sketch-and-precondition (κ ≈ 2–6), where κ²·ε is still
 * ~1e-14 (docs/theory.md §12.3).
 * @throws {InvalidArgumentError} naming 'op' when it has no normalProduct.
 */
export function onePassStep(op: LinearOperator, s: Bidiagonalisation): void {
  if (!op.normalProduct)
    throw new InvalidArgumentError('op', 'must provide normalProduct for one-pass iterations');
  const { image, normal } = op.normalProduct(s.v);
  const alpha = s.alpha;
  const betaBefore = s.beta;
  s.u = axpy(-alpha, s.u, image);
  s.beta = norm2(s.u);
  if (s.beta > 0) scaleInPlace(1 / s.beta, s.u);
  const next = new Float64Array(s.v.length);
  const inverse = s.beta > 0 ? 1 / s.beta : 0;
  for (let j = 0; j < next.length; j++) {
    const transposedU = alpha * s.v[j]! + betaBefore * s.previous[j]!;
    next[j] = (normal[j]! - alpha * transposedU) * inverse - s.beta * s.v[j]!;
  }
  s.previous = s.v;
  s.v = next;
  normaliseV(s);
}

function normaliseV(s: Bidiagonalisation): void {
  s.alpha = norm2(s.v);
  if (s.alpha > 0) scaleInPlace(1 / s.alpha, s.v);
}
