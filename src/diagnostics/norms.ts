/** WeightWatcher's scale metrics of one layer (its README, "Scale Metrics"), from λ = s². */
export interface NormMetrics {
  /** ‖W‖²_F = Σλ. */
  norm: number;
  log_norm: number;
  /** ‖W‖²₂ = λ_max. */
  spectral_norm: number;
  log_spectral_norm: number;
  /** Σλ / λ_max. */
  stable_rank: number;
  /** #{λ > λ_max·max(N, M)·ε}. */
  matrix_rank: number;
  /** −Σ p ln p / ln(matrix_rank), p = λ/Σλ; 0 when the rank is ≤ 1. */
  entropy: number;
}

/**
 * The scale metrics of one layer from its eigenvalues λ = s² (any order), logs in base 10:
 * norm = Σλ, log_norm, spectral_norm = λmax, log_spectral_norm, stable_rank = Σλ/λmax,
 * matrix_rank and the normalised matrix entropy. matrix_rank counts eigenvalues above
 * λmax·max(N, M)·ε, the resolution of Gram eigenvalues (numpy's matrix_rank thresholds singular
 * values at s_max·max(N, M)·ε instead; the two differ only for singular values between
 * ~1e-15·s_max and ~1e-7·s_max). entropy follows WeightWatcher's matrix_entropy without its ε
 * offsets: exactly 1 for equal eigenvalues, 0 for rank one.
 * @example normMetrics([1, 4], 3, 2).stable_rank // 1.25
 */
export function normMetrics(evals: ArrayLike<number>, N: number, M: number): NormMetrics {
  let norm = 0;
  let max = 0;
  for (let i = 0; i < evals.length; i++) {
    norm += evals[i]!;
    max = Math.max(max, evals[i]!);
  }
  const tol = max * Math.max(N, M) * Number.EPSILON;
  let rank = 0;
  let plogp = 0;
  for (let i = 0; i < evals.length; i++) {
    const v = evals[i]!;
    if (v > tol) rank++;
    const p = v / norm;
    if (p > 0) plogp -= p * Math.log(p);
  }
  return {
    norm,
    log_norm: Math.log10(norm),
    spectral_norm: max,
    log_spectral_norm: Math.log10(max),
    stable_rank: norm / max,
    matrix_rank: rank,
    entropy: rank > 1 ? plogp / Math.log(rank) : 0,
  };
}
