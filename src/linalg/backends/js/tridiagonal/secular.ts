import { ConvergenceError } from '../../../../errors.js';

const EPS = 2 ** -53;
/** Iterations per root; the rational model converges in ~3–6, bisection steps are the fallback. */
const MAX_ITER = 120;
/** d_j − d_origin, reused across calls (one root at a time; avoids k allocations per merge). */
let shiftedPoles = new Float64Array(64);

/**
 * Root i of the secular equation of a rank-one update, f(λ) = 1/ρ + Σ_j z_j²/(d_j − λ) = 0, with
 * poles d₀ < d₁ < … < d_{k−1}, ρ > 0 and all z_j ≠ 0 (LAPACK dlaed4's problem). Root i lies in
 * (d_i, d_{i+1}), the last one in (d_{k−1}, d_{k−1} + ρ‖z‖²].
 *
 * The root is represented as λ = d_o + τ with d_o the pole it is closer to, so that every
 * difference δ_j = d_j − λ = (d_j − d_o) − τ is obtained to high relative accuracy: these are
 * written to `delta[j·stride + col]` and are what makes the Gu–Eisenstat eigenvectors orthogonal.
 * Each step fits ψ = Σ_{j≤i} and φ = Σ_{j>i} with one pole each (value and slope, the "middle
 * way" of Li 1993) and solves the resulting quadratic; steps leaving the bracket become bisection.
 * @throws {ConvergenceError} ('eigh') if the iteration cap is reached.
 * @example const lambda = secularRoot(d, z, rho, i, delta, k, i)
 */
export function secularRoot(
  d: Float64Array,
  z: Float64Array,
  rho: number,
  i: number,
  delta: Float64Array,
  stride: number,
  col: number,
): number {
  const k = d.length;
  if (k === 1) {
    const t = rho * z[0]! * z[0]!;
    delta[col] = -t;
    return d[0]! + t;
  }
  const last = i === k - 1;
  const left = last ? k - 2 : i; // the pole modelling ψ
  const right = left + 1; // the pole modelling φ
  let origin: number;
  let lo: number;
  let hi: number;
  if (last) {
    let zz = 0;
    for (let j = 0; j < k; j++) zz += z[j]! * z[j]!;
    origin = k - 1;
    lo = 0;
    hi = rho * zz;
  } else {
    const gap = d[i + 1]! - d[i]!;
    // f at the midpoint tells which half holds the root (f increases from −∞ to +∞).
    const mid = gap / 2;
    let f = 1 / rho;
    for (let j = 0; j < k; j++) f += (z[j]! * z[j]!) / (d[j]! - d[i]! - mid);
    if (f >= 0) {
      origin = i;
      lo = 0;
      hi = mid;
    } else {
      origin = i + 1;
      lo = -mid;
      hi = 0;
    }
  }
  const dOrigin = d[origin]!;
  if (shiftedPoles.length < k)
    shiftedPoles = new Float64Array(Math.max(k, 2 * shiftedPoles.length));
  const shifted = shiftedPoles;
  for (let j = 0; j < k; j++) shifted[j] = d[j]! - dOrigin;
  let tau = (lo + hi) / 2;
  for (let iter = 0; iter < MAX_ITER; iter++) {
    let psi = 0,
      dpsi = 0,
      phi = 0,
      dphi = 0;
    for (let j = 0; j <= left; j++) {
      const t = z[j]! / (shifted[j]! - tau);
      psi += z[j]! * t;
      dpsi += t * t;
    }
    for (let j = right; j < k; j++) {
      const t = z[j]! / (shifted[j]! - tau);
      phi += z[j]! * t;
      dphi += t * t;
    }
    const f = 1 / rho + psi + phi;
    // dlaed4's error bound on the computed f: rounding in each term, in 1/ρ and in τ itself.
    const bound =
      EPS * (8 * (Math.abs(psi) + Math.abs(phi)) + 2 / rho + 3 * Math.abs(tau) * (dpsi + dphi));
    if (Math.abs(f) <= bound) break;
    if (f < 0) lo = tau;
    else hi = tau;
    const mid = 0.5 * (lo + hi);
    // No double strictly between the bracket ends: τ is as accurate as it can be.
    if (mid <= lo || mid >= hi) break;
    if (iter === MAX_ITER - 1)
      throw new ConvergenceError(
        'eigh',
        `secular equation root ${i} of ${k} did not converge in ${MAX_ITER} iterations`,
      );
    const eta = modelStep(
      shifted[left]! - tau,
      shifted[right]! - tau,
      f,
      dpsi,
      dphi,
      lo - tau,
      hi - tau,
    );
    const next = eta === undefined ? mid : tau + eta;
    // A step that rounds onto a bracket end would make no progress: bisect instead.
    tau = next > lo && next < hi ? next : mid;
  }
  for (let j = 0; j < k; j++) delta[j * stride + col] = shifted[j]! - tau;
  return dOrigin + tau;
}

/**
 * The step η solving c + b₁/(Δ₁ − η) + b₂/(Δ₂ − η) = 0, the two-pole model whose value and slope
 * match f at η = 0 (b₁ = ψ′Δ₁², b₂ = φ′Δ₂², c = f − b₁/Δ₁ − b₂/Δ₂); undefined unless a root lies
 * strictly inside (lo, hi).
 */
function modelStep(
  d1: number,
  d2: number,
  f: number,
  dpsi: number,
  dphi: number,
  lo: number,
  hi: number,
): number | undefined {
  const b1 = dpsi * d1 * d1;
  const b2 = dphi * d2 * d2;
  const c = f - dpsi * d1 - dphi * d2;
  // c(Δ₁ − η)(Δ₂ − η) + b₁(Δ₂ − η) + b₂(Δ₁ − η) = 0  ⇔  cη² − Aη + B = 0 with B = f·Δ₁Δ₂.
  const a = c * (d1 + d2) + b1 + b2;
  const b = f * d1 * d2;
  let r1: number;
  let r2: number;
  if (c === 0) {
    r1 = b / a;
    r2 = r1;
  } else {
    const disc = a * a - 4 * c * b;
    if (!(disc >= 0)) return undefined;
    const q = 0.5 * (a + (a >= 0 ? Math.sqrt(disc) : -Math.sqrt(disc)));
    // Roots b/q and q/c, computed without cancellation.
    r1 = q === 0 ? 0 : b / q;
    r2 = q / c;
  }
  const in1 = r1 > lo && r1 < hi;
  const in2 = r2 > lo && r2 < hi;
  if (in1 && in2) return Math.abs(r1) <= Math.abs(r2) ? r1 : r2;
  if (in1) return r1;
  if (in2) return r2;
  return undefined;
}
