import { add, type Complex, div, mul, scale, sub } from '../rmt/laws/complex.js';
import {
  fromJoukowski,
  joukowskiDerivative,
  type StieltjesSheets,
  toJoukowski,
} from './joukowski.js';

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
  let iterations = 0;
  let residual = Infinity;
  let converged = false;
  for (let j = 0; j <= steps; j++) {
    y = j === steps ? z.im : Math.max(z.im, height * 2 ** -j);
    const target = { re: z.re, im: y };
    const solved = newton(sheets, s, target, w);
    iterations += solved.iterations;
    w = solved.w;
    residual = solved.residual / halfWidth;
    converged = residual < 1e-10;
  }
  const value = scale(1 / s, sheets.at(w).m);
  return { w, value, converged, iterations, residual };
}

function newton(sheets: StieltjesSheets, s: number, z: Complex, start: Complex) {
  const support = sheets.support;
  const f = (w: Complex) => {
    const { m, dm } = sheets.at(w);
    const inv = div({ re: 1, im: 0 }, m);
    const value = sub(sub(fromJoukowski(w, support), scale(s - 1, inv)), z);
    const slope = add(joukowskiDerivative(w, support), scale(s - 1, mul(dm, mul(inv, inv))));
    return { value, slope };
  };
  let w = start;
  let current = f(w);
  let size = Math.hypot(current.value.re, current.value.im);
  let iterations = 0;
  const floor = TOLERANCE * (support[1] - support[0] + Math.hypot(z.re, z.im));
  while (iterations < NEWTON_STEPS && size > floor) {
    iterations++;
    let step = div(current.value, current.slope);
    let accepted = false;
    for (let half = 0; half < 30; half++) {
      const trial = sub(w, step);
      const next = f(trial);
      const nextSize = Math.hypot(next.value.re, next.value.im);
      if (Number.isFinite(nextSize) && nextSize < size) {
        w = trial;
        current = next;
        size = nextSize;
        accepted = true;
        break;
      }
      step = scale(0.5, step);
    }
    if (!accepted) break;
  }
  return { w, residual: size, iterations };
}
