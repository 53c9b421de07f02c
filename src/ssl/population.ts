import { svd } from '../linalg/api.js';
import type { SslModel } from './model.js';
import { SSL_PARAMS } from './params.js';

/** The population quantities of the ridge downstream task on ψ* (docs/theory.md §16.5). */
export interface PopulationRidge {
  lambda: number;
  /** error* = E‖η − β*ψ*‖²/p of the best linear predictor on ψ*. */
  errorStar: number;
  /** E‖(β_λ − β*)ψ*‖²/p: the population ridge bias. */
  bias: number;
  /** Eigenvalues of Σ_ψ = E[ψ*ψ*ᵀ] = ΓΓᵀ (descending, the nonzero ones and zeros up to d₁). */
  eigenvalues: Float64Array;
}

/**
 * The population ridge solution β_λ = argmin E‖Y − βψ*(X₁)‖² + λ‖β‖² of a linear-Gaussian model
 * and its error decomposition (docs/theory.md §16.5): with Γ = U·diag(γ_j)·Vᵀ, the predictor
 * Γᵀβ_λᵀ = V·diag(γ_j²/(γ_j² + λ))·Vᵀ·Wᵀ, so error* = ‖(I − VVᵀ)Wᵀ‖²/p and the bias is
 * Σ_j (λ/(γ_j² + λ))²·‖Wv_j‖²/p. Eigenvalues of Σ_ψ are γ_j².
 * @throws {InvalidArgumentError} naming 'lambda' when λ < 0.
 * @example populationRidge(model, 0.1).bias
 */
export function populationRidge(model: SslModel, lambda: number): PopulationRidge {
  SSL_PARAMS.lambda.check('lambda', lambda);
  const { p, d1 } = model.config;
  const { s, vt } = svd(model.gamma);
  const top = s.length > 0 ? s[0]! : 0;
  let captured = 0;
  let bias = 0;
  const eigenvalues = new Float64Array(s.length);
  for (let j = 0; j < s.length; j++) {
    eigenvalues[j] = s[j]! * s[j]!;
    if (s[j]! <= 1e-10 * top) continue;
    let weight = 0;
    for (let i = 0; i < p; i++) weight += vt.data[j * d1 + i]! ** 2;
    captured += weight;
    const shrink = lambda / (eigenvalues[j]! + lambda);
    bias += shrink * shrink * weight;
  }
  return { lambda, errorStar: Math.max(0, p - captured) / p, bias: bias / p, eigenvalues };
}
