import { FEATURE_PARAMS } from './params.js';

/** Result of the δ solve: the caller decides whether to throw when not converged. */
export interface DeltaSolution {
  /** δ of Q̄ = (c·K/(1+δ) + γI)⁻¹, δ = (1/n) tr K Q̄; Infinity at the ridgeless threshold. */
  delta: number;
  /** The effective ridge s = γ(1+δ) (0 in the ridgeless over-parameterised regime). */
  value: number;
  converged: boolean;
  iterations: number;
  residual: number;
}

/**
 * Solves the LLC18 fixed point δ = (1/n) tr K (c·K/(1+δ) + γI)⁻¹, c = N/n, on the eigenvalues λ
 * of K (docs/theory.md §15). With s = γ(1+δ) it reads γ = s(1 − τ₁(s)/c), τ₁(s) = (1/n)
 * Σ cλ_i/(cλ_i + s): the κ equation of the linear theory (§2) with spectrum cλ and α = c, solved
 * the same way — Newton from the right end of the bracket [γ, γ + mean λ] (F is convex,
 * F′ = 1 − τ₂/c), bisection as the safeguard. Then δ = s/γ − 1 (γ > 0). Ridgeless γ = 0: s = 0
 * and δ = r/(c − r) when c exceeds the rank fraction r of K (N > rank, interpolation); the
 * positive root s₀ of τ₁(s₀) = c when c < r (δ = ∞, θ = γδ → s₀); at c = r both diverge.
 * @throws {InvalidArgumentError} naming 'ratio' (> 0) or 'gamma' (≥ 0, finite).
 * @example solveDelta(Float64Array.of(1, 1), 0.5, 0).value // 0.5: τ₁(s) = 0.5/(0.5 + s) = 0.5
 */
export function solveDelta(
  eigenvalues: Float64Array,
  ratio: number,
  gamma: number,
  options: { tol?: number; maxIterations?: number } = {},
): DeltaSolution {
  FEATURE_PARAMS.ratio.check('ratio', ratio);
  FEATURE_PARAMS.gamma.check('gamma', gamma);
  const { tol = 4 * Number.EPSILON, maxIterations = 300 } = options;
  const c = ratio;
  const n = eigenvalues.length;
  let max = 0;
  let mean = 0;
  for (const v of eigenvalues) {
    max = Math.max(max, v);
    mean += Math.max(v, 0) / n;
  }
  const zero = 1e-12 * max;
  let rank = 0;
  for (const v of eigenvalues) if (v > zero) rank += 1 / n;
  const taus = (s: number) => {
    let t1 = 0;
    let t2 = 0;
    for (const v of eigenvalues) {
      if (v <= zero) continue;
      const f = (c * v) / (c * v + s);
      t1 += f;
      t2 += f * f;
    }
    return { t1: t1 / n, t2: t2 / n };
  };
  const F = (s: number) => {
    const { t1, t2 } = taus(s);
    return { value: s * (1 - t1 / c) - gamma, slope: 1 - t2 / c };
  };
  const finish = (s: number, iterations: number, residual: number, converged = true) => {
    const delta =
      gamma > 0 ? s / gamma - 1 : s > 0 ? Infinity : rank === c ? Infinity : rank / (c - rank);
    return { delta, value: s, converged, iterations, residual };
  };
  if (gamma === 0 && rank <= c) return finish(0, 0, 0);
  let hi = gamma + mean;
  let lo = gamma;
  if (gamma === 0) {
    lo = hi;
    while (F(lo).value >= 0 && lo > Number.MIN_VALUE) lo /= 8;
  }
  let s = hi;
  let residual = Infinity;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { value, slope } = F(s);
    residual = Math.abs(value);
    if (value === 0) return finish(s, iteration, 0);
    if (value > 0) hi = s;
    else lo = s;
    let next = s - value / slope;
    if (!(slope > 0) || !(next > lo && next < hi))
      next = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (Math.abs(next - s) <= tol * next || hi - lo <= tol * hi)
      return finish(next, iteration, Math.abs(F(next).value));
    s = next;
  }
  return finish(s, maxIterations, residual, false);
}
