/**
 * Generation of one elementary reflector (LAPACK dlarfg), shared by the tridiagonal reduction.
 * H = I − τ v vᵀ with v₀ = 1 maps (α, x) to (β, 0).
 */

/** Smallest normal double: below it, squaring loses all digits. */
const SAFE_MIN = 2.2250738585072014e-308;

/**
 * Overwrites `x[off .. off+len)` with v₁…v_{len} (v₀ = 1 is implicit) and returns τ; β goes into `out[0]`.
 * The norm is accumulated unscaled (fast path) and recomputed with scaling only when the sum of
 * squares under- or overflowed, so it stays correct for any finite input.
 * @example
 * const x = new Float64Array([4]); const out = new Float64Array(1);
 * householder(3, x, 0, 1, out) // τ = 1.6, out[0] = −5, x[0] = 0.5
 */
export function householder(alpha: number, x: Float64Array, off: number, len: number, out: Float64Array): number {
  const end = off + len;
  let ss = 0;
  for (let i = off; i < end; i++) ss += x[i]! * x[i]!;
  let xnorm = Math.sqrt(ss);
  // An underflowed (possibly zero) or overflowed sum is recomputed with scaling.
  if (!(ss > 1e-290 && ss < 1e290)) xnorm = scaledNorm(x, off, end);
  if (xnorm === 0) {
    out[0] = alpha;
    return 0;
  }
  const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  const tau = (beta - alpha) / beta;
  // alpha − beta has the magnitude of |alpha| + |beta| (opposite signs), so the division is safe
  // unless beta itself is subnormal, which scaling at the driver level rules out.
  const scale = 1 / (alpha - beta);
  if (Math.abs(alpha - beta) < SAFE_MIN) {
    for (let i = off; i < end; i++) x[i] = x[i]! / (alpha - beta);
  } else {
    for (let i = off; i < end; i++) x[i] = x[i]! * scale;
  }
  out[0] = beta;
  return tau;
}

function scaledNorm(x: Float64Array, off: number, end: number): number {
  let big = 0;
  for (let i = off; i < end; i++) big = Math.max(big, Math.abs(x[i]!));
  if (big === 0) return 0;
  let ss = 0;
  for (let i = off; i < end; i++) {
    const t = x[i]! / big;
    ss += t * t;
  }
  return big * Math.sqrt(ss);
}
