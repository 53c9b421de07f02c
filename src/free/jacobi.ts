import { logGamma } from '../rmt/laws/special.js';

/**
 * The Jacobi polynomials P₀ … P_K with parameters (α, β) at u ∈ [−1, 1] by the three-term
 * recurrence (Szegő 1939, (4.5.1)), written into `out` (length K + 1). α = β = ½ gives
 * (multiples of) the Chebyshev polynomials of the second kind, α = β = −½ those of the first
 * kind: the two bases of docs/theory.md §14.1.
 * @example jacobiValues(0.5, 0, 0, new Float64Array(3)) // Legendre: 1, 0.5, −0.125
 */
export function jacobiValues(
  u: number,
  alpha: number,
  beta: number,
  out: Float64Array,
): Float64Array {
  const degree = out.length - 1;
  out[0] = 1;
  if (degree === 0) return out;
  out[1] = ((alpha + beta + 2) * u + (alpha - beta)) / 2;
  for (let k = 2; k <= degree; k++) {
    const s = 2 * k + alpha + beta;
    const a1 = 2 * k * (k + alpha + beta) * (s - 2);
    const a2 = (s - 1) * (alpha * alpha - beta * beta);
    const a3 = (s - 2) * (s - 1) * s;
    const a4 = 2 * (k + alpha - 1) * (k + beta - 1) * s;
    out[k] = ((a2 + a3 * u) * out[k - 1]! - a4 * out[k - 2]!) / a1;
  }
  return out;
}

/**
 * h_k = ∫₋₁¹ (1 − u)^α (1 + u)^β P_k(u)² du for k = 0 … K (α, β > −1).
 * @example jacobiNorms(0, 0, 2) // Legendre: 2, 2/3, 2/5
 */
export function jacobiNorms(alpha: number, beta: number, degree: number): Float64Array {
  const out = new Float64Array(degree + 1);
  const ab = alpha + beta;
  for (let k = 0; k <= degree; k++) {
    const log =
      k === 0
        ? (ab + 1) * Math.LN2 + logGamma(alpha + 1) + logGamma(beta + 1) - logGamma(ab + 2)
        : (ab + 1) * Math.LN2 -
          Math.log(2 * k + ab + 1) +
          logGamma(k + alpha + 1) +
          logGamma(k + beta + 1) -
          logGamma(k + ab + 1) -
          logGamma(k + 1);
    out[k] = Math.exp(log);
  }
  return out;
}

/**
 * U₀(u) … U_J(u), the Chebyshev polynomials of the second kind, into `out`: the basis in which
 * the Stieltjes transform of a density on [−1, 1] is a power series in the Joukowski variable
 * (docs/theory.md §14.1).
 * @example chebyshevU(0.5, new Float64Array(3)) // 1, 1, 0
 */
export function chebyshevU(u: number, out: Float64Array): Float64Array {
  out[0] = 1;
  if (out.length > 1) out[1] = 2 * u;
  for (let k = 2; k < out.length; k++) out[k] = 2 * u * out[k - 1]! - out[k - 2]!;
  return out;
}
