/**
 * Householder panel factorisation and the triangular factor of its block reflector
 * (LAPACK dgeqr2 + dlarft, forward, columnwise), on a panel stored transposed: row c of `vt`
 * (length mp) is column c of the panel, so every reflector touches contiguous memory.
 */

/**
 * Factors the mp×jb panel held transposed in `vt` (jb rows of length mp). Afterwards vt[c][r],
 * r ≤ c, holds R's entries of column c, and the Householder vectors v_c (unit first entry
 * implied, stored from r = c + 1) with scalars tau[c] give H_c = I − tau_c v_c v_cᵀ,
 * H_0 H_1 ⋯ H_{jb−1} · R = panel. Signs follow LAPACK dlarfg: beta = −sign(alpha)·‖x‖.
 * @example factorPanel(vt, jb, mp, tau)
 */
export function factorPanel(vt: Float64Array, jb: number, mp: number, tau: Float64Array): void {
  for (let c = 0; c < jb; c++) {
    const row = c * mp;
    const alpha = vt[row + c]!;
    const xnorm = norm(vt, row + c + 1, row + mp);
    if (xnorm === 0) {
      // x is already a multiple of e_1: H = I.
      tau[c] = 0;
      continue;
    }
    const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
    const t = (beta - alpha) / beta;
    tau[c] = t;
    const s = 1 / (alpha - beta);
    for (let r = row + c + 1; r < row + mp; r++) vt[r] *= s;
    vt[row + c] = beta;
    // Apply H_c to the remaining columns of the panel: y −= tau (vᵀy) v.
    for (let cc = c + 1; cc < jb; cc++) {
      const other = cc * mp;
      let w = vt[other + c]!;
      for (let r = c + 1; r < mp; r++) w += vt[row + r]! * vt[other + r]!;
      w *= t;
      vt[other + c] -= w;
      for (let r = c + 1; r < mp; r++) vt[other + r] -= w * vt[row + r]!;
    }
  }
}

/**
 * The upper triangular T (jb×jb, row-major) with H_0 ⋯ H_{jb−1} = I − V T Vᵀ, where row c of `vt`
 * is v_c written out in full (zeros before c, 1 at c).
 * @example const t = reflectorFactor(vt, jb, mp, tau)
 */
export function reflectorFactor(
  vt: Float64Array,
  jb: number,
  mp: number,
  tau: Float64Array,
): Float64Array {
  const t = new Float64Array(jb * jb);
  const z = new Float64Array(jb);
  for (let i = 0; i < jb; i++) {
    const ti = tau[i]!;
    t[i * jb + i] = ti;
    if (ti === 0) continue;
    // z = −tau_i · V[:, 0:i]ᵀ v_i (v_i vanishes before row i), then T[0:i, i] = T[0:i, 0:i] z.
    for (let p = 0; p < i; p++) {
      let s = 0;
      for (let r = i; r < mp; r++) s += vt[p * mp + r]! * vt[i * mp + r]!;
      z[p] = -ti * s;
    }
    for (let p = 0; p < i; p++) {
      let s = 0;
      for (let q = p; q < i; q++) s += t[p * jb + q]! * z[q]!;
      t[p * jb + i] = s;
    }
  }
  return t;
}

/** Euclidean norm of x[from..to], scaled by the largest entry so that squares cannot overflow. */
function norm(x: Float64Array, from: number, to: number): number {
  let big = 0;
  for (let r = from; r < to; r++) big = Math.max(big, Math.abs(x[r]!));
  if (big === 0 || !Number.isFinite(big)) return big;
  const inv = 1 / big;
  let s = 0;
  for (let r = from; r < to; r++) {
    const y = x[r]! * inv;
    s += y * y;
  }
  return big * Math.sqrt(s);
}
