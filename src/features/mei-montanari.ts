import { InvalidArgumentError } from '../errors.js';
import { FEATURE_PARAMS } from './params.js';

/** Inputs of the Mei–Montanari asymptotic risk (data uniform on the sphere of radius √d). */
export interface MeiMontanariSetting {
  /** ψ₁ = N/d (features per dimension). */
  psi1: number;
  /** ψ₂ = n/d (samples per dimension). */
  psi2: number;
  /** Ridge λ > 0 of (1/n)Σ(y_i − aᵀσ_i)² + (Nλ/d)‖a‖². */
  lambda: number;
  /** μ₁ = E[ξσ(ξ)] and μ⋆² = E σ(ξ)² − μ₀² − μ₁² of the activation (a₁ and ν − a₀² − a₁²). */
  mu1: number;
  muStar2: number;
  /** ‖β₁‖² of the linear part of the target, the nonlinear part's F⋆² and the noise τ². */
  signal?: number;
  nonlinear?: number;
  noise?: number;
}

/**
 * The asymptotic test risk R = F₁²·B + (τ² + F⋆²)·V of random-feature ridge regression for
 * N, n, d → ∞ with N/d = ψ₁, n/d = ψ₂ (Mei–Montanari 2019, Theorem 1 and Definition 1;
 * docs/theory.md §15). With ζ = μ₁/μ⋆ and λ̄ = λ/μ⋆², (ν₁, ν₂) solve at ξ = i√(ψ₁ψ₂λ̄)
 * ν₁ = ψ₁(−ξ − ν₂ − ζ²ν₂/(1 − ζ²ν₁ν₂))⁻¹, ν₂ = ψ₂(−ξ − ν₁ − ζ²ν₁/(1 − ζ²ν₁ν₂))⁻¹; on the
 * imaginary axis ν_k = i·v_k with v_k > 0 solving a real fixed point, χ = ν₁ν₂ = −v₁v₂, and
 * B = E₁/E₀, V = E₂/E₀ are the paper's polynomials in (χ, ζ, ψ₁, ψ₂). An independent check of
 * the LLC18 equivalent (which maps to it with γ = λψ₁ and x on the unit sphere, w ~ N(0, I)).
 * @throws {InvalidArgumentError} naming 'psi1', 'psi2', 'lambda' (> 0) or 'muStar2' (> 0).
 * @example meiMontanariRisk({ psi1: 2, psi2: 1.5, lambda: 1e-3, mu1: 0.5, muStar2: 0.09 })
 */
export function meiMontanariRisk(setting: MeiMontanariSetting): {
  risk: number;
  bias: number;
  variance: number;
  converged: boolean;
} {
  const { psi1, psi2, lambda, mu1, muStar2, signal = 1, nonlinear = 0, noise = 0 } = setting;
  FEATURE_PARAMS.ratio.check('psi1', psi1);
  FEATURE_PARAMS.ratio.check('psi2', psi2);
  FEATURE_PARAMS.ratio.check('lambda', lambda);
  FEATURE_PARAMS.ratio.check('muStar2', muStar2);
  if (!Number.isFinite(mu1)) throw new InvalidArgumentError('mu1', 'must be finite', mu1);
  const z2 = (mu1 * mu1) / muStar2;
  const y = Math.sqrt((psi1 * psi2 * lambda) / muStar2);
  let v1 = Math.sqrt(psi1);
  let v2 = Math.sqrt(psi2);
  let converged = false;
  for (let k = 0; k < 100000; k++) {
    const q = 1 + z2 * v1 * v2;
    const n1 = psi1 / (y + v2 + (z2 * v2) / q);
    const n2 = psi2 / (y + n1 + (z2 * n1) / (1 + z2 * n1 * v2));
    const change = Math.abs(n1 - v1) + Math.abs(n2 - v2);
    v1 = n1;
    v2 = n2;
    if (change <= 1e-15 * (v1 + v2)) {
      converged = true;
      break;
    }
  }
  const x = -v1 * v2; // χ
  const p = psi1 * psi2;
  const e0 =
    -(x ** 5) * z2 ** 3 +
    3 * x ** 4 * z2 ** 2 +
    (p - psi2 - psi1 + 1) * x ** 3 * z2 ** 3 -
    2 * x ** 3 * z2 ** 2 -
    3 * x ** 3 * z2 +
    (psi1 + psi2 - 3 * p + 1) * x ** 2 * z2 ** 2 +
    2 * x ** 2 * z2 +
    x ** 2 +
    3 * p * x * z2 -
    p;
  const e1 = psi2 * x ** 3 * z2 ** 2 - psi2 * x ** 2 * z2 + p * x * z2 - p;
  const e2 =
    x ** 5 * z2 ** 3 -
    3 * x ** 4 * z2 ** 2 +
    (psi1 - 1) * x ** 3 * z2 ** 3 +
    2 * x ** 3 * z2 ** 2 +
    3 * x ** 3 * z2 -
    (psi1 + 1) * x ** 2 * z2 ** 2 -
    2 * x ** 2 * z2 -
    x ** 2;
  const bias = e1 / e0;
  const variance = e2 / e0;
  return { risk: signal * bias + (noise + nonlinear) * variance, bias, variance, converged };
}
