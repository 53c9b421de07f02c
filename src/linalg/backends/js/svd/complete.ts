/**
 * Completion of an orthonormal set (used by the SVD for zero singular values): fills the rows of
 * `u` (k rows of length m) flagged in `missing` with unit vectors orthogonal to every other row,
 * by classical Gram–Schmidt applied twice to coordinate vectors (twice is enough for orthogonality
 * to working precision, Giraud et al. 2005).
 *
 * A coordinate vector whose residual keeps at least half of its norm is accepted at once; since
 * the residual norms of e_0…e_{m−1} add up to m − (rows present), one exists unless the present
 * rows nearly span the coordinate axes, in which case the largest residual seen is used.
 * @example completeOrthonormal(u, m, k, [false, true]) // row 1 becomes orthogonal to row 0
 */
export function completeOrthonormal(
  u: Float64Array,
  m: number,
  k: number,
  missing: readonly boolean[],
): void {
  const present: number[] = [];
  for (let j = 0; j < k; j++) if (!missing[j]) present.push(j);
  const w = new Float64Array(m);
  const best = new Float64Array(m);
  let start = 0;
  for (let j = 0; j < k; j++) {
    if (!missing[j]) continue;
    let bestNorm = -1;
    for (let tries = 0; tries < m; tries++) {
      const axis = (start + tries) % m;
      w.fill(0);
      w[axis] = 1;
      const norm = project(w, u, m, present);
      if (norm > bestNorm) {
        bestNorm = norm;
        best.set(w);
      }
      if (norm >= Math.SQRT1_2) {
        start = axis + 1;
        break;
      }
    }
    const row = j * m;
    for (let i = 0; i < m; i++) u[row + i] = best[i]! / bestNorm;
    present.push(j);
  }
}

/** Removes from w its components along the listed rows of u (twice); returns the remaining norm. */
function project(w: Float64Array, u: Float64Array, m: number, rows: readonly number[]): number {
  for (let pass = 0; pass < 2; pass++) {
    for (const r of rows) {
      const o = r * m;
      let dot = 0;
      for (let i = 0; i < m; i++) dot += u[o + i]! * w[i]!;
      for (let i = 0; i < m; i++) w[i] = w[i]! - dot * u[o + i]!;
    }
  }
  let ss = 0;
  for (let i = 0; i < m; i++) ss += w[i]! * w[i]!;
  return Math.sqrt(ss);
}
