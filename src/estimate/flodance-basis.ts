import { logGamma } from '../rmt/laws/special.js';

/**
 * The FLODANCE basis in x = k, the order of a leading sub-matrix (docs/theory.md §13.8):
 * φ₀ = ln Γ(x + 1) = ln x!, φ₁ = x, φ₂ = 1, φ₃ = ln x, and the Laurent terms φ_{3+i} = x^{−i},
 * i = 1…q. The names are those reported in a fit's `basis`.
 */
export function basisNames(laurentTerms: number): string[] {
  const names = ['ln x!', 'x', '1', 'ln x'];
  for (let i = 1; i <= laurentTerms; i++) names.push(`x^-${i}`);
  return names;
}

/** The basis functions at x > 0 written into `out` (length 4 + q). */
export function basisAt(x: number, laurentTerms: number, out: Float64Array): Float64Array {
  out[0] = logGamma(x + 1);
  out[1] = x;
  out[2] = 1;
  out[3] = Math.log(x);
  let power = 1;
  for (let i = 1; i <= laurentTerms; i++) {
    power /= x;
    out[3 + i] = power;
  }
  return out;
}

/**
 * Second derivatives of the basis functions at x: (ln x!)'' = ψ'(x + 1), x'' = 1'' = 0,
 * (ln x)'' = −1/x², (x^{−i})'' = i(i + 1)x^{−i−2}.
 */
export function penaltyBasisAt(x: number, laurentTerms: number, out: Float64Array): Float64Array {
  out[0] = trigamma(x + 1);
  out[1] = 0;
  out[2] = 0;
  out[3] = -1 / (x * x);
  let power = 1 / (x * x);
  for (let i = 1; i <= laurentTerms; i++) {
    power /= x;
    out[3 + i] = i * (i + 1) * power;
  }
  return out;
}

/** The fitted curve y(x) = Σ_j c_j φ_j(x). */
export function evaluateBasis(coefficients: Float64Array, x: number): number {
  const q = coefficients.length - 4;
  const phi = basisAt(x, q, new Float64Array(coefficients.length));
  let y = 0;
  for (let j = 0; j < phi.length; j++) y += coefficients[j]! * phi[j]!;
  return y;
}

/**
 * The trigamma function ψ'(x) for x > 0: the recurrence ψ'(x) = ψ'(x + 1) + 1/x² up to x ≥ 10,
 * then the asymptotic series 1/x + 1/(2x²) + Σ B_{2k}/x^{2k+1} (Abramowitz and Stegun 6.4.12).
 */
export function trigamma(x: number): number {
  let acc = 0;
  let t = x;
  while (t < 10) {
    acc += 1 / (t * t);
    t += 1;
  }
  const u = 1 / (t * t);
  return acc + 1 / t + u / 2 + (u / t) * (1 / 6 - u * (1 / 30 - u * (1 / 42 - u / 30)));
}
