import { InvalidArgumentError } from '../errors.js';
import type { Population } from './population.js';

/** m(z) and the companion m̲(z) of a sample covariance spectrum at one complex z. */
export interface StieltjesValue {
  /** m(z) = ∫ dF(x)/(x − z) for the spectrum of Σ̂ = XᵀX/n (d×d). */
  re: number;
  im: number;
  /** The companion m̲(z) = −(1 − c)/z + c·m(z), Stieltjes transform of the n×n XXᵀ/n. */
  companionRe: number;
  companionIm: number;
  converged: boolean;
  iterations: number;
  /** |z + 1/m̲ − c Σ t_j σ_j/(1 + σ_j m̲)| relative to |z| + |1/m̲|. */
  residual: number;
}

// Scratch for one pass over the nodes (no allocation in the hot loop).
const acc = new Float64Array(6);

/**
 * One pass over the nodes at companion value v: S₀ = Σ t/(1+σv), S₁ = Σ tσ/(1+σv),
 * S₂ = Σ tσ²/(1+σv)², written into `acc` as [S₀re, S₀im, S₁re, S₁im, S₂re, S₂im].
 */
function pass(values: Float64Array, weights: Float64Array, vr: number, vi: number): void {
  let s0r = 0,
    s0i = 0,
    s1r = 0,
    s1i = 0,
    s2r = 0,
    s2i = 0;
  for (let j = 0; j < values.length; j++) {
    const s = values[j];
    const t = weights[j];
    const ar = 1 + s * vr;
    const ai = s * vi;
    const den = ar * ar + ai * ai;
    const ir = ar / den;
    const ii = -ai / den;
    s0r += t * ir;
    s0i += t * ii;
    const tr = t * s * ir;
    const ti = t * s * ii;
    s1r += tr;
    s1i += ti;
    s2r += s * (tr * ir - ti * ii);
    s2i += s * (tr * ii + ti * ir);
  }
  acc[0] = s0r;
  acc[1] = s0i;
  acc[2] = s1r;
  acc[3] = s1i;
  acc[4] = s2r;
  acc[5] = s2i;
}

/** Residual H(v) = z + 1/v − c S₁ after `pass`, its size relative to |z| + |1/v|, and H′(v). */
function residualAt(
  zr: number,
  zi: number,
  c: number,
  vr: number,
  vi: number,
  out: Float64Array,
): void {
  const vv = vr * vr + vi * vi;
  const invr = vr / vv;
  const invi = -vi / vv;
  const hr = zr + invr - c * acc[2];
  const hi = zi + invi - c * acc[3];
  // H′ = −1/v² + c S₂
  const inv2r = invr * invr - invi * invi;
  const inv2i = 2 * invr * invi;
  out[0] = hr;
  out[1] = hi;
  out[2] = -inv2r + c * acc[4];
  out[3] = -inv2i + c * acc[5];
  out[4] = Math.hypot(hr, hi) / (Math.hypot(zr, zi) + Math.sqrt(1 / vv));
}

const h = new Float64Array(5);

/**
 * Solves the generalised Marchenko–Pastur (Silverstein) equation for the limiting spectrum of
 * the sample covariance Σ̂ = XᵀX/n of n samples with population spectrum `pop` and ratio
 * c = d/n (docs/theory.md §9): in companion form z = −1/m̲ + c Σ_j t_j σ_j/(1 + σ_j m̲), then
 * m(z) = −(1/z) Σ_j t_j/(1 + σ_j m̲), which is the solution of
 * m(z) = Σ_j t_j/(σ_j(1 − c − c z m) − z). The branch is Im m̲·Im z > 0 (unique there).
 * Newton with backtracking on |H|; a step that fails falls back to the contraction
 * m̲ ← −1/(z − c Σ t σ/(1 + σ m̲)), damped by ½. Pass `start` (a nearby solution's companion) to
 * warm-start along a grid; when `maxIterations` (default 40) do not converge, η-continuation
 * from far above the axis takes over. Im z < 0 is answered by conjugation.
 * @throws {InvalidArgumentError} naming 'ratio' (must be > 0) or 'z' (Im z must be ≠ 0).
 * @example sampleStieltjes(population([1]), 0.5, 1, 1e-6).im / Math.PI // Marchenko–Pastur density at 1
 */
export function sampleStieltjes(
  pop: Population,
  ratio: number,
  zRe: number,
  zIm: number,
  options: { start?: readonly [number, number]; tol?: number; maxIterations?: number } = {},
): StieltjesValue {
  if (!(ratio > 0) || !Number.isFinite(ratio))
    throw new InvalidArgumentError('ratio', 'must be a finite number > 0', ratio);
  if (!(zIm !== 0) || !Number.isFinite(zIm) || !Number.isFinite(zRe))
    throw new InvalidArgumentError('z', 'must be finite with a non-zero imaginary part', [
      zRe,
      zIm,
    ]);
  const flip = zIm < 0;
  const zi = Math.abs(zIm);
  const { tol = 1e-13, maxIterations = 40 } = options;
  const start = options.start
    ? ([options.start[0], flip ? -options.start[1] : options.start[1]] as const)
    : undefined;
  let value = solve(pop, ratio, zRe, zi, start, tol, maxIterations);
  if (!value.converged) {
    // η-continuation: far above the axis (η ≈ the spectrum's scale) the map contracts fast; come
    // down by factors of 8, warm-starting each level, so Newton always starts near its root.
    let mean = 0;
    for (let j = 0; j < pop.values.length; j++) mean += pop.weights[j] * pop.values[j];
    let level = Math.max(zi, mean * (1 + Math.sqrt(ratio)) ** 2 + Math.abs(zRe));
    let iterations = value.iterations;
    value = solve(pop, ratio, zRe, level, undefined, tol, 500);
    while (level > zi) {
      level = Math.max(zi, level / 8);
      value = solve(pop, ratio, zRe, level, [value.companionRe, value.companionIm], tol, 500);
      iterations += value.iterations;
    }
    value.iterations = iterations;
  }
  if (flip) {
    value.im = -value.im;
    value.companionIm = -value.companionIm;
  }
  return value;
}

/** Newton with backtracking, then damped contraction steps, at z = zr + i·zi (zi > 0). */
function solve(
  pop: Population,
  c: number,
  zr: number,
  zi: number,
  start: readonly [number, number] | undefined,
  tol: number,
  maxIterations: number,
): StieltjesValue {
  const { values, weights } = pop;
  const zz = zr * zr + zi * zi;
  let vr = start ? start[0] : -zr / zz;
  let vi = start ? start[1] : zi / zz;
  if (!(vi > 0)) {
    vr = -zr / zz;
    vi = zi / zz;
  }
  pass(values, weights, vr, vi);
  residualAt(zr, zi, c, vr, vi, h);
  let res = h[4];
  let iterations = 0;
  while (res > tol && iterations < maxIterations) {
    iterations++;
    // Newton direction −H/H′.
    const dr0 = h[2] * h[2] + h[3] * h[3];
    const dr = -(h[0] * h[2] + h[1] * h[3]) / dr0;
    const di = -(h[1] * h[2] - h[0] * h[3]) / dr0;
    let accepted = false;
    let step = 1;
    for (let k = 0; k < 12 && Number.isFinite(dr) && Number.isFinite(di); k++, step *= 0.5) {
      const nr = vr + step * dr;
      const ni = vi + step * di;
      if (!(ni > 0)) continue;
      pass(values, weights, nr, ni);
      residualAt(zr, zi, c, nr, ni, h);
      if (h[4] < (1 - 1e-4 * step) * res) {
        vr = nr;
        vi = ni;
        res = h[4];
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      // Contraction step on ℂ⁺ (Silverstein's map), damped: always stays in the half-plane.
      pass(values, weights, vr, vi);
      const wr = zr - c * acc[2];
      const wi = zi - c * acc[3];
      const ww = wr * wr + wi * wi;
      vr = 0.5 * vr + 0.5 * (-wr / ww);
      vi = 0.5 * vi + 0.5 * (wi / ww);
      pass(values, weights, vr, vi);
      residualAt(zr, zi, c, vr, vi, h);
      res = h[4];
    }
  }
  pass(values, weights, vr, vi);
  // m = −S₀/z
  const mr = -(acc[0] * zr + acc[1] * zi) / zz;
  const mi = -(acc[1] * zr - acc[0] * zi) / zz;
  return {
    re: mr,
    im: mi,
    companionRe: vr,
    companionIm: vi,
    converged: res <= tol,
    iterations,
    residual: res,
  };
}
