const EPS = 2 ** -52;
const SQRT_EPS = Math.sqrt(EPS);

/**
 * Simon's ω-recurrence for partial reorthogonalisation (Simon 1984; docs/theory.md §13): an
 * estimate ω_{j,k} ≈ q_jᵀq_k of the loss of orthogonality among the Lanczos vectors of one run,
 * updated at O(j) cost per step from the tridiagonal alone:
 *
 *   β_j ω_{j+1,k} = β_k ω_{j,k+1} + (α_k − α_j) ω_{j,k} + β_{k−1} ω_{j,k−1} − β_{j−1} ω_{j−1,k}
 *
 * plus a rounding term ε‖T‖/β_j. When max_k |ω_{j+1,k}| exceeds √ε the new vector is
 * reorthogonalised against all earlier ones (and so is the next one, as the recurrence requires),
 * and the estimates are reset to ε.
 */
export class OrthogonalityMonitor {
  private previous: Float64Array;
  private current: Float64Array;
  private next: Float64Array;
  private pending = false;

  constructor(steps: number) {
    this.previous = new Float64Array(steps + 1);
    this.current = new Float64Array(steps + 1);
    this.next = new Float64Array(steps + 1);
    this.current[0] = 1;
  }

  /**
   * Advances from step j to j + 1 given α₀…α_j, β₀…β_j (β_j the norm of the new residual, before
   * any reorthogonalisation) and a norm estimate of T; returns whether q_{j+1} must be
   * reorthogonalised.
   */
  step(j: number, alpha: Float64Array, beta: Float64Array, norm: number): boolean {
    const { previous: wPrev, current: w, next } = this;
    const bj = beta[j]!;
    const noise = (EPS * norm) / bj;
    let worst = 0;
    for (let k = 0; k < j; k++) {
      let t = beta[k]! * w[k + 1]! + (alpha[k]! - alpha[j]!) * w[k]!;
      if (k > 0) t += beta[k - 1]! * w[k - 1]!;
      if (j > 0) t -= beta[j - 1]! * wPrev[k]!;
      t /= bj;
      t += t >= 0 ? noise : -noise;
      next[k] = t;
      worst = Math.max(worst, Math.abs(t));
    }
    next[j] = noise;
    next[j + 1] = 1;
    const reorthogonalize = this.pending || worst > SQRT_EPS;
    this.pending = !this.pending && worst > SQRT_EPS;
    if (reorthogonalize) for (let k = 0; k <= j; k++) next[k] = EPS;
    this.previous = w;
    this.current = next;
    this.next = wPrev;
    return reorthogonalize;
  }
}
