import { expSinh } from '../rmt/laws/quadrature.js';
import { type Activation, activation } from './activation.js';

/** Hermite coefficients of φ in the normalised Hermite basis of N(0, 1) (docs/theory.md §15). */
export interface HermiteCoefficients {
  /** a₀ = E[φ(ξ)]. */
  a0: number;
  /** a₁ = E[ξφ(ξ)]. */
  a1: number;
  /** a₂ = E[(ξ² − 1)φ(ξ)]/√2. */
  a2: number;
  /** ν = E[φ(ξ)²] = Σ_k a_k². */
  nu: number;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * E[f(ξ)], ξ ~ N(0, 1), as ∫₀^∞ (f(t) + f(−t)) e^{−t²/2}/√(2π) dt by the repo's exp–sinh rule
 * (refined until two levels agree to 1e-13, absolute below 1). Splitting at 0 makes the kinks of
 * ReLU, |t| and leaky ReLU endpoints, where the double-exponential rule keeps full accuracy; a
 * plain Gauss–Hermite rule converges only algebraically there.
 * @example gaussianExpectation((t) => t * t) // 1
 */
export function gaussianExpectation(f: (t: number) => number): number {
  const g = (t: number) => {
    const density = Math.exp(-0.5 * t * t);
    return density === 0 ? 0 : (f(t) + f(-t)) * density * INV_SQRT_2PI;
  };
  return expSinh(g, 0, { tol: 1e-13, maxLevel: 10, scale: 1 });
}

/**
 * a₀, a₁, a₂ and ν of an activation (LLC18 / Liao–Mahoney, the linearisation of K; docs/theory.md
 * §15), each a Gaussian expectation computed to about 1e-13 (see {@link gaussianExpectation}).
 * @throws {InvalidArgumentError} naming 'activation' for an unknown name or a function returning
 * non-finite values.
 * @example hermiteCoefficients('relu') // { a0: 1/√(2π), a1: 1/2, a2: 1/(2√π), nu: 1/2 }
 */
export function hermiteCoefficients(
  spec: string | ((t: number) => number) | Activation,
): HermiteCoefficients {
  const { fn } = activation(spec);
  const a0 = gaussianExpectation(fn);
  const a1 = gaussianExpectation((t) => t * fn(t));
  const a2 = gaussianExpectation((t) => (t * t - 1) * fn(t)) * Math.SQRT1_2;
  const nu = gaussianExpectation((t) => fn(t) ** 2);
  return { a0, a1, a2, nu };
}
