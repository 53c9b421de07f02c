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
    const t = householder(vt, row + c, row + mp);
    tau[c] = t;
    // Apply H_c to the remaining columns of the panel.
    for (let cc = c + 1; cc < jb; cc++) reflect(vt, row + c, row + mp, t, cc * mp + c);
  }
}

/**
 * Generates the reflector H = I − τ v vᵀ with H·x = β e_1 for x = w[from..to) (LAPACK dlarfg,
 * β = −sign(x_0)·‖x‖): stores β at w[from] and v's tail after it (v_0 = 1 implied); returns τ,
 * which is 0 (H = I, x untouched) when x is already a multiple of e_1.
 * @example const tau = householder(w, j * m + j, (j + 1) * m) // column j of a column-major m×n
 */
export function householder(w: Float64Array, from: number, to: number): number {
  const alpha = w[from]!;
  const xnorm = norm(w, from + 1, to);
  if (xnorm === 0) return 0;
  const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
  const s = 1 / (alpha - beta);
  for (let r = from + 1; r < to; r++) w[r] *= s;
  w[from] = beta;
  return (beta - alpha) / beta;
}

/**
 * y ← H·y = y − τ (vᵀy) v for y = target[at .. at + to − from), where v = (1, w[from + 1..to)) is
 * a reflector left by {@link householder}.
 * @example reflect(w, i * m + i, (i + 1) * m, tau, j * m + i) // column j of the same matrix
 */
export function reflect(
  w: Float64Array,
  from: number,
  to: number,
  tau: number,
  at: number,
  target: Float64Array = w,
): void {
  if (tau === 0) return;
  const len = to - from;
  let s = target[at]!;
  for (let r = 1; r < len; r++) s += w[from + r]! * target[at + r]!;
  s *= tau;
  target[at] -= s;
  for (let r = 1; r < len; r++) target[at + r] -= s * w[from + r]!;
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

/**
 * Euclidean norm of x[from..to), scaled by the largest entry so that squares cannot overflow.
 * @example norm(w, j * m, (j + 1) * m) // column j of a column-major m×n
 */
export function norm(x: Float64Array, from: number, to: number): number {
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
