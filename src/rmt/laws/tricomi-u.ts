import { InvalidArgumentError } from '../../errors.js';
import type { Complex } from './complex.js';
import { logGamma } from './special.js';

/** log U = logAbs + i·arg, so that |U| may over- or underflow a double without harm. */
export interface LogComplex {
  logAbs: number;
  arg: number;
}

// Trapezoid rule in u = ln r with step 1/32, from u₀ = ln(1e-9/C) (the sum below is continued to
// −∞ in closed form, to second order in r) until the terms have decayed by e^-45. The ray turns at
// most 5π/8 away from the positive axis, which keeps it 3π/8 away from the branch point t = −1.
const STEP = 1 / 32;
const MAX_TURN = (5 * Math.PI) / 8;

/**
 * log of the Tricomi confluent hypergeometric function U(a, b; z) for real a > 0, real b and
 * complex z ≠ 0 (principal branch, cut along the negative real axis; on the cut, Im z = +0 gives
 * the upper side, as mpmath does). It evaluates
 *   U(a, b; z) = (1/Γ(a)) ∫₀^{∞·e^{iφ}} e^{−zt} t^{a−1} (1 + t)^{b−a−1} dt   (DLMF 13.4.4)
 * on the ray turned by φ = −arg z (clamped to |φ| ≤ 5π/8; rotating the contour continues the
 * formula off Re z > 0) with the trapezoid rule in ln t, summing relative to the largest term so
 * that very large or small values keep full precision. Against mpmath (test fixtures), |z| from
 * 1e-8 to 1e3, integer b included: ~1e-12 relative for a ≤ 5 and a − b ≤ 15, ≤ 1e-9 for a ≤ 10
 * and a − b ≤ 25. The error grows with a and a − b (cancellation on the negative axis): the HTMP
 * law keeps its parameters inside the checked range.
 * @throws {InvalidArgumentError} unless a > 0, b finite and z finite, non-zero.
 * @example Math.exp(tricomiULog(1, 1, { re: 1, im: 0 }).logAbs) // e·E₁(1) ≈ 0.596347
 */
export function tricomiULog(a: number, b: number, z: Complex): LogComplex {
  if (!(a > 0) || !Number.isFinite(a))
    throw new InvalidArgumentError('a', 'must be a finite number > 0', a);
  if (!Number.isFinite(b)) throw new InvalidArgumentError('b', 'must be finite', b);
  if (!(Number.isFinite(z.re) && Number.isFinite(z.im)) || (z.re === 0 && z.im === 0))
    throw new InvalidArgumentError('z', 'must be finite and non-zero', [z.re, z.im]);
  const phi = Math.max(-MAX_TURN, Math.min(MAX_TURN, -Math.atan2(z.im, z.re)));
  const cosPhi = Math.cos(phi);
  const sinPhi = Math.sin(phi);
  // ẑ = z·e^{iφ} has Re ẑ > 0, so e^{−ẑr} decays along the ray.
  const zr = z.re * cosPhi - z.im * sinPhi;
  const zi = z.re * sinPhi + z.im * cosPhi;
  const logs: number[] = [];
  const phases: number[] = [];
  // Below u₀ the integrand is e^{a(u + iφ)}(1 + c₁r + O(C²r²)), c₁ = −ẑ + (b−a−1)e^{iφ}: its
  // trapezoid sum over u₀ − h, u₀ − 2h, … is e^{a(u₀+iφ)}[q/(1 − q) + c₁r₀q′/(1 − q′)],
  // q = e^{−ah}, q′ = e^{−(a+1)h}; r₀ = 1e-9/C makes the neglected term ~1e-18.
  const c1 = { re: -zr + (b - a - 1) * cosPhi, im: -zi + (b - a - 1) * sinPhi };
  const lowest = Math.log(1e-9 / (1 + Math.hypot(c1.re, c1.im) + Math.abs(b - a - 1)));
  const r0 = Math.exp(lowest);
  const q = Math.exp(-a * STEP);
  const q1 = Math.exp(-(a + 1) * STEP);
  const g = q / (1 - q);
  const g1 = (r0 * q1) / (1 - q1);
  const w = { re: g + c1.re * g1, im: c1.im * g1 };
  logs.push(a * lowest + Math.log(Math.hypot(w.re, w.im)));
  phases.push(a * phi + Math.atan2(w.im, w.re));
  let top = logs[0]!;
  const decayStart = Math.log(1 / zr);
  const grow = Math.exp(STEP);
  let r = r0;
  for (let k = 0; ; k++, r *= grow) {
    const u = lowest + k * STEP;
    // log of e^{−ẑr}·(e^{iφ}r)^a·(1 + e^{iφ}r)^{b−a−1}   (t^{a−1} dt = t^a du)
    const x = 1 + r * cosPhi;
    const y = r * sinPhi;
    const re = -zr * r + a * u + 0.5 * (b - a - 1) * Math.log(x * x + y * y);
    logs.push(re);
    phases.push(-zi * r + a * phi + (b - a - 1) * Math.atan2(y, x));
    if (re > top) top = re;
    // (r ≤ e^700: beyond, ẑr has long exceeded any finite growth of the other factors.)
    if ((u > decayStart + 1 && re < top - 45) || u > 700) break;
  }
  let sumRe = 0;
  let sumIm = 0;
  for (let k = 0; k < logs.length; k++) {
    const m = Math.exp(logs[k]! - top);
    sumRe += m * Math.cos(phases[k]!);
    sumIm += m * Math.sin(phases[k]!);
  }
  return {
    logAbs: top + Math.log(Math.hypot(sumRe, sumIm) * STEP) - logGamma(a),
    arg: Math.atan2(sumIm, sumRe),
  };
}

/**
 * U(a, b; z) as a complex number (see {@link tricomiULog} for the method, branch and accuracy).
 * @example tricomiU(0.5, 0.3, { re: -2, im: 0 }) // ≈ 0.31229 − 0.91799i
 */
export function tricomiU(a: number, b: number, z: Complex): Complex {
  const { logAbs, arg } = tricomiULog(a, b, z);
  const m = Math.exp(logAbs);
  return { re: m * Math.cos(arg), im: m * Math.sin(arg) };
}
