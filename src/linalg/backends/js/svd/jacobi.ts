import { ConvergenceError } from '../../../../errors.js';
import { GRAM_MIN, pairProducts } from './gram.js';

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
 * an array and refreshed inside each rotation pass; for wide problems the dot products of a sweep
 * come from one matrix product (gram.ts) until their columns are rotated.
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
  const touched = new Uint8Array(n);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    const gram = n >= GRAM_MIN ? pairProducts(g, m, n) : undefined;
    touched.fill(0);
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        // Columns untouched so far in this sweep still have the dot product computed at its start.
        const known =
          gram !== undefined && touched[p] === 0 && touched[q] === 0 ? gram[p * n + q]! : undefined;
        if (rotatePair(g, m, n, v, p, q, tol, norms, known)) {
          rotated = true;
          touched[p] = touched[q] = 1;
        }
      }
    }
    if (!rotated) return;
  }
  throw new ConvergenceError('svd', `one-sided Jacobi still rotating after ${MAX_SWEEPS} sweeps`);
}

/** Orthogonalises columns p and q (rows of g); returns whether a rotation was needed. */
function rotatePair(
  g: Float64Array,
  m: number,
  n: number,
  v: Float64Array,
  p: number,
  q: number,
  tol: number,
  norms: Float64Array,
  known: number | undefined,
): boolean {
  const alpha = norms[p]!;
  const beta = norms[q]!;
  if (alpha <= NEGLIGIBLE_SQUARED_NORM || beta <= NEGLIGIBLE_SQUARED_NORM) return false;
  const gp = p * m;
  const gq = q * m;
  const gamma = known ?? dot(g, gp, gq, m);
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

/**
 * g_p·g_q with four partial sums (one running sum would wait on the adder's latency every step).
 */
function dot(g: Float64Array, gp: number, gq: number, m: number): number {
  let g0 = 0,
    g1 = 0,
    g2 = 0,
    g3 = 0;
  let i = 0;
  for (; i + 3 < m; i += 4) {
    g0 += g[gp + i]! * g[gq + i]!;
    g1 += g[gp + i + 1]! * g[gq + i + 1]!;
    g2 += g[gp + i + 2]! * g[gq + i + 2]!;
    g3 += g[gp + i + 3]! * g[gq + i + 3]!;
  }
  for (; i < m; i++) g0 += g[gp + i]! * g[gq + i]!;
  return g0 + g1 + (g2 + g3);
}
