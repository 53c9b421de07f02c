/**
 * Forms Q = H₀ H₁ … H_{n−2} from the reflectors left by {@link tridiagonalize} (LAPACK dorgtr,
 * lower), as a row-major n×n matrix: Q's columns are the basis in which A is tridiagonal, so the
 * eigenvector rotations can then be applied to it row by row.
 *
 * Q is built backwards, Q ← H_j·Q for j = n−2 … 0, so each reflector only touches the trailing
 * (n−j−1)² block that is already non-trivial (dorg2l's order). Reflector j: v = (1, a[j+2 … n−1 + j·n])
 * acting on rows/columns j+1 … n−1.
 * @example const q = formQ(a, n, tau) // A = Q T Qᵀ
 */
export function formQ(a: Float64Array, n: number, tau: Float64Array): Float64Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const w = new Float64Array(n);
  for (let j = n - 2; j >= 0; j--) {
    const t = tau[j]!;
    if (t === 0) continue;
    const s = j + 1;
    const col = j * n;
    // w = vᵀ Q(s:, s:), accumulated row by row so every access is unit-stride.
    for (let c = s; c < n; c++) w[c] = q[s * n + c]!;
    for (let r = s + 1; r < n; r++) {
      const vr = a[r + col]!;
      if (vr === 0) continue;
      const row = r * n;
      for (let c = s; c < n; c++) w[c] = w[c]! + vr * q[row + c]!;
    }
    for (let r = s; r < n; r++) {
      const f = t * (r === s ? 1 : a[r + col]!);
      if (f === 0) continue;
      const row = r * n;
      for (let c = s; c < n; c++) q[row + c] = q[row + c]! - f * w[c]!;
    }
  }
  return q;
}
