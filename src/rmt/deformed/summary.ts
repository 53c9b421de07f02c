import type { PencilPoint } from './root.js';

/**
 * Given the physical root s at x: the normalised Stieltjes transform m = Σ_j w_j q_j/(s + ε_j)
 * of N at x + i0 (density Im m/π) and the distribution function
 * F(x) = −(1/π)[Σ_j w_j arg(s + ε_j) − (1/c) arg s + (1/c) Im s], the imaginary part of the
 * deterministic equivalent of (1/d) log det(N − x − i0), which is stationary in s. Off the bulk
 * s is real and F counts: arg is −π for negative terms.
 * @example rootSummary(point, 0.5, root).cdf
 */
export function rootSummary(
  p: PencilPoint,
  c: number,
  root: { sRe: number; sIm: number },
): { mRe: number; mIm: number; cdf: number } {
  const { eps, q, w } = p;
  const sr = root.sRe;
  const si = root.sIm;
  let mr = 0,
    mi = 0,
    args = 0;
  for (let j = 0; j < eps.length; j++) {
    const xr = sr + eps[j];
    const den = xr * xr + si * si;
    mr += (w[j] * q[j] * xr) / den;
    mi -= (w[j] * q[j] * si) / den;
    args += w[j] * (si === 0 ? (xr < 0 ? -Math.PI : 0) : Math.atan2(si, xr));
  }
  const argS = si === 0 ? (sr < 0 ? -Math.PI : 0) : Math.atan2(si, sr);
  const cdf = -(args - argS / c + si / c) / Math.PI;
  return { mRe: mr, mIm: mi, cdf: Math.min(1, Math.max(0, cdf)) };
}
