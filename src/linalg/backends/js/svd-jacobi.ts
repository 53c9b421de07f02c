import { ConvergenceError } from '../../../errors.js';

/** Sweeps allowed before giving up; one-sided Jacobi converges quadratically, typically in 6–12. */
const MAX_SWEEPS = 40;
/**
 * Columns with a norm ≤ 2⁻³⁰⁰ (inputs are scaled to max|a| ≈ 1) are left alone: their products
 * with other columns lose digits to underflow, so the orthogonality test becomes unreliable, and a
 * null column lying exactly in the span of others only shrinks by ε per sweep. The SVD driver
 * treats such columns as zero (same threshold); they change A by at most 2⁻³⁰⁰·max|a|.
 */
export const NEGLIGIBLE_SQUARED_NORM = 2 ** -600;

/**
 * One-sided (Hestenes) Jacobi orthogonalisation of the columns of an m×n matrix (m ≥ n), the core
 * of the JS SVD: plane rotations applied from the right make all columns mutually orthogonal,
 * G·J = U·Σ, and the same rotations accumulated in V give A = U Σ Vᵀ (Demmel–Veselić 1992).
 * A pair is rotated while |g_pᵀg_q| > tol·‖g_p‖·‖g_q‖, a scale-free test, so even tiny columns
 * end up orthogonal to working precision.
 *
 * `g` holds the columns as rows (n rows of length m: unit-stride pair operations) and `v` the
 * rows of Vᵀ (n rows of length n); both are updated in place. Squared column norms are kept in
 * an array and refreshed inside each rotation pass, so a pair that needs no rotation costs one
 * dot product.
 * @throws {ConvergenceError} ('svd') if some pair is still not orthogonal after 40 sweeps.
 * @example orthogonalizeColumns(aTransposed, m, n, identity) // rows of g become σ_j u_jᵀ
 */
export function orthogonalizeColumns(g: Float64Array, m: number, n: number, v: Float64Array): void {
  const tol = Math.sqrt(m) * 2 ** -53;
  const norms = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let ss = 0;
    for (let i = p * m; i < (p + 1) * m; i++) ss += g[i]! * g[i]!;
    norms[p] = ss;
  }
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        if (rotatePair(g, m, n, v, p, q, tol, norms)) rotated = true;
      }
    }
    if (!rotated) return;
  }
  throw new ConvergenceError('svd', `one-sided Jacobi still rotating after ${MAX_SWEEPS} sweeps`);
}

/** Orthogonalises columns p and q (rows of g); returns whether a rotation was needed. */
function rotatePair(g: Float64Array, m: number, n: number, v: Float64Array, p: number, q: number, tol: number, norms: Float64Array): boolean {
  const alpha = norms[p]!;
  const beta = norms[q]!;
  if (alpha <= NEGLIGIBLE_SQUARED_NORM || beta <= NEGLIGIBLE_SQUARED_NORM) return false;
  const gp = p * m;
  const gq = q * m;
  let gamma = 0;
  for (let i = 0; i < m; i++) gamma += g[gp + i]! * g[gq + i]!;
  if (!(Math.abs(gamma) > tol * Math.sqrt(alpha) * Math.sqrt(beta))) return false;
  // The rotation that diagonalises [[α, γ], [γ, β]]; the smaller root t keeps |angle| ≤ π/4.
  const zeta = (beta - alpha) / (2 * gamma);
  const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
  const c = 1 / Math.sqrt(1 + t * t);
  const s = c * t;
  let np = 0;
  let nq = 0;
  for (let i = 0; i < m; i++) {
    const x = g[gp + i]!;
    const y = g[gq + i]!;
    const xr = c * x - s * y;
    const yr = s * x + c * y;
    g[gp + i] = xr;
    g[gq + i] = yr;
    np += xr * xr;
    nq += yr * yr;
  }
  norms[p] = np;
  norms[q] = nq;
  const vp = p * n;
  const vq = q * n;
  for (let i = 0; i < n; i++) {
    const x = v[vp + i]!;
    const y = v[vq + i]!;
    v[vp + i] = c * x - s * y;
    v[vq + i] = s * x + c * y;
  }
  return true;
}
