import type { Complex } from '../rmt/laws/complex.js';
import { divide } from './glue.js';
import { type StieltjesSheets, toJoukowski } from './joukowski.js';

/** The root of one characteristic: where it starts (w on the sheets) and m at the target z. */
export interface CharacteristicRoot {
  /** Joukowski variable of the starting point z₀ (|w| > 1: second sheet). */
  w: Complex;
  /** m(t, z) = e^{−t} m₀(z₀) at the target. */
  value: Complex;
  converged: boolean;
  /** Newton iterations, all homotopy steps together. */
  iterations: number;
  /** |z₀ − (e^t − 1)/m₀(z₀) − z| at the end, relative to the half-width of the support. */
  residual: number;
}

const NEWTON_STEPS = 40;
const TOLERANCE = 1e-14;

/**
 * Solves the characteristic of ∂m/∂t = −m + (1/m)∂m/∂z (docs/theory.md §14.2) for the target z:
 * along dz/dt = −1/m the solution is m(t, z) = e^{−t}m₀(z₀) with z = z₀ − (e^t − 1)/m₀(z₀), so
 * z₀ is the root w of F(w) = z₀(w) − (s − 1)/m₀(w) − z, s = e^t = n/n_s. Damped Newton in w,
 * continued down the vertical path z_j = x + i·y_j from y₀ = `height` (where z₀ ≈ μ + (z − μ)/s on
 * the first sheet is a good start) to the target's Im z, halving y at each step. For s < 1 (free
 * compression) the characteristic stays on the first sheet; for s > 1 it crosses the cut.
 * @example characteristicRoot(lawSheets(wigner(2)), 4, { re: 0, im: 1e-12 }, 100).value.im
 * // 1/2: the semicircle of radius 4 has density 1/(2π) at 0
 */
export function characteristicRoot(
  sheets: StieltjesSheets,
  s: number,
  z: Complex,
  height: number,
  mean = (sheets.support[0] + sheets.support[1]) / 2,
): CharacteristicRoot {
  const support = sheets.support;
  const halfWidth = (support[1] - support[0]) / 2;
  const steps = Math.ceil(Math.log2(height / Math.max(z.im, 1e-15 * height, 1e-300)));
  let y = height;
  let w = toJoukowski({ re: mean + (z.re - mean) / s, im: y / s }, support);
  const f = characteristicMap(sheets, s);
  let iterations = 0;
  let residual = Infinity;
  let converged = false;
  for (let j = 0; j <= steps; j++) {
    y = j === steps ? z.im : Math.max(z.im, height * 2 ** -j);
    const solved = newton(f, support, z.re, y, w);
    iterations += solved.iterations;
    w = solved.w;
    residual = solved.residual / halfWidth;
    converged = residual < 1e-10;
  }
  const m = sheets.at(w).m;
  const value = { re: (1 / s) * m.re, im: (1 / s) * m.im };
  return { w, value, converged, iterations, residual };
}

/**
 * The root of the same characteristic equation as {@link characteristicRoot} by Newton at the
 * target z alone, from `start` (the root at a neighbouring target): no homotopy, so the caller
 * must check the branch (Im m > 0 on the real axis) and fall back to the full path.
 */
export function neighbourRoot(
  sheets: StieltjesSheets,
  s: number,
  z: Complex,
  start: Complex,
): CharacteristicRoot {
  const support = sheets.support;
  const solved = newton(characteristicMap(sheets, s), support, z.re, z.im, start);
  const residual = solved.residual / ((support[1] - support[0]) / 2);
  const m = sheets.at(solved.w).m;
  const value = { re: (1 / s) * m.re, im: (1 / s) * m.im };
  return {
    w: solved.w,
    value,
    converged: residual < 1e-10,
    iterations: solved.iterations,
    residual,
  };
}

/**
 * F(w) + z = z₀(w) − (s − 1)/m₀(w) and F′(w) as number pairs, written into out as
 * [Re, Im, Re F′, Im F′]: Newton calls this ~10⁵ times per decompression, so it allocates
 * nothing. The operations are those of the complex helpers and the Joukowski map in the same
 * order (the same rounding).
 */
function characteristicMap(sheets: StieltjesSheets, s: number) {
  const [a, b] = sheets.support;
  const c = (a + b) / 2;
  const h = (b - a) / 2;
  const sheet = new Float64Array(4);
  const evaluate =
    sheets.evaluate?.bind(sheets) ??
    ((wr: number, wi: number, out: Float64Array) => {
      const { m, dm } = sheets.at({ re: wr, im: wi });
      out[0] = m.re;
      out[1] = m.im;
      out[2] = dm.re;
      out[3] = dm.im;
    });
  const q = new Float64Array(2);
  const map = (wr: number, wi: number, out: Float64Array) => {
    evaluate(wr, wi, sheet);
    const [mr, mi, dmr, dmi] = sheet as unknown as [number, number, number, number];
    divide(1, 0, mr, mi, q);
    const invr = q[0]!;
    const invi = q[1]!;
    divide(1, 0, wr, wi, q);
    const sr = wr + q[0]!;
    const si = wi + q[1]!;
    out[0] = c + (h / 2) * sr - (s - 1) * invr;
    out[1] = (h / 2) * si - (s - 1) * invi;
    // dz₀/dw = h(1 − 1/w²)/2, d(1/m)/dw = −m′/m²
    divide(1, 0, wr * wr - wi * wi, wr * wi + wi * wr, q);
    const jr = (h / 2) * (1 - q[0]!);
    const ji = (h / 2) * (0 - q[1]!);
    const i2r = invr * invr - invi * invi;
    const i2i = invr * invi + invi * invr;
    out[2] = jr + (s - 1) * (dmr * i2r - dmi * i2i);
    out[3] = ji + (s - 1) * (dmr * i2i + dmi * i2r);
  };
  // Newton's buffers, reused along the whole path: F and F′ at w, at the trial point, the step.
  const scratch = {
    current: new Float64Array(4),
    next: new Float64Array(4),
    step: new Float64Array(2),
  };
  return { map, ...scratch };
}

type CharacteristicMap = ReturnType<typeof characteristicMap>;

function newton(
  characteristic: CharacteristicMap,
  support: readonly [number, number],
  zr: number,
  zi: number,
  start: Complex,
) {
  const { map: f, current, next, step } = characteristic;
  let wr = start.re;
  let wi = start.im;
  f(wr, wi, current);
  current[0] = current[0]! - zr;
  current[1] = current[1]! - zi;
  let size = Math.hypot(current[0]!, current[1]!);
  let iterations = 0;
  const floor = TOLERANCE * (support[1] - support[0] + Math.hypot(zr, zi));
  while (iterations < NEWTON_STEPS && size > floor) {
    iterations++;
    divide(current[0]!, current[1]!, current[2]!, current[3]!, step);
    let accepted = false;
    for (let half = 0; half < 30; half++) {
      const tr = wr - step[0]!;
      const ti = wi - step[1]!;
      f(tr, ti, next);
      next[0] = next[0]! - zr;
      next[1] = next[1]! - zi;
      const nextSize = Math.hypot(next[0]!, next[1]!);
      if (Number.isFinite(nextSize) && nextSize < size) {
        wr = tr;
        wi = ti;
        current.set(next);
        size = nextSize;
        accepted = true;
        break;
      }
      step[0] = 0.5 * step[0]!;
      step[1] = 0.5 * step[1]!;
    }
    if (!accepted) break;
  }
  return { w: { re: wr, im: wi }, residual: size, iterations };
}
