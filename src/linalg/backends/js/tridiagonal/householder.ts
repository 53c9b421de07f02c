/**
 * Generation of one elementary reflector (LAPACK dlarfg), shared by the tridiagonal reduction.
 * H = I − τ v vᵀ with v₀ = 1 maps (α, x) to (β, 0).
 */

/** dlarfg's SMLNUM = safmin/ε: below it β would carry fewer than 53 significant bits. */
const SMALL = 2 ** -969;
const SMALL_INV = 2 ** 969;

/**
 * Overwrites `x[off .. off+len)` with v₁…v_{len} (v₀ = 1 is implicit) and returns τ; β goes into
 * `out[0]`. The norm is accumulated unscaled (fast path) and recomputed with scaling only when the
 * sum of squares under- or overflowed. When β is tiny (near-subnormal data, whose few significant
 * bits would make H visibly non-orthogonal) α and x are first scaled up by 2⁹⁶⁹, exactly, as in
 * dlarfg.
 * @example
 * const x = new Float64Array([4]); const out = new Float64Array(1);
 * householder(3, x, 0, 1, out) // τ = 1.6, out[0] = −5, x[0] = 0.5
 */
export function householder(
  alpha: number,
  x: Float64Array,
  off: number,
  len: number,
  out: Float64Array,
): number {
  const end = off + len;
  let xnorm = norm(x, off, end);
  if (xnorm === 0) {
    out[0] = alpha;
    return 0;
  }
  let beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  let rescaled = 0;
  while (Math.abs(beta) < SMALL && rescaled < 20) {
    rescaled++;
    for (let i = off; i < end; i++) x[i] = x[i]! * SMALL_INV;
    alpha *= SMALL_INV;
    beta *= SMALL_INV;
  }
  if (rescaled > 0) {
    xnorm = norm(x, off, end);
    beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  }
  const tau = (beta - alpha) / beta;
  // α − β has the magnitude of |α| + |β| (opposite signs) and β is normal here: safe to invert.
  const scale = 1 / (alpha - beta);
  for (let i = off; i < end; i++) x[i] = x[i]! * scale;
  for (let k = 0; k < rescaled; k++) beta *= SMALL;
  out[0] = beta;
  return tau;
}

/** ‖x[off..end)‖, unscaled when the sum of squares is safely representable, scaled otherwise. */
function norm(x: Float64Array, off: number, end: number): number {
  let ss = 0;
  for (let i = off; i < end; i++) ss += x[i]! * x[i]!;
  if (ss > 1e-290 && ss < 1e290) return Math.sqrt(ss);
  let big = 0;
  for (let i = off; i < end; i++) big = Math.max(big, Math.abs(x[i]!));
  if (big === 0) return 0;
  ss = 0;
  for (let i = off; i < end; i++) {
    const t = x[i]! / big;
    ss += t * t;
  }
  return big * Math.sqrt(ss);
}
