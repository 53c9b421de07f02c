import type { Complex } from './complex.js';
import { followRoot, newton, type RootEquation } from './free-solve.js';
import { edgePoint } from './law.js';

const GRID = 64;

/**
 * The physical boundary values w(x + i0), x real, of F(w; z) = 0 for an equation whose root with
 * Im w > 0 is unique for every z in the closed upper half-plane off the edges (the subordination
 * equation of a free convolution with a semicircle, the inverse of a ⊞-infinitely divisible
 * Cauchy transform: docs/theory.md §8), so that a converged Newton iterate with Im w > 0 is that
 * root whatever its start (Im w > 1e-10·|w| is required: a real root carries a rounding-level
 * imaginary part, while the physical one typically has Im w ≳ 1e-8·|w| even an ulp from an edge).
 * Caching: the first query inside a component (lo, hi) of `intervals` computes the roots at the 63
 * interior points x = c − r cos(πj/64) once, each warm-started from its neighbour (the first, and
 * any whose Newton iteration fails or lands on Im w ≤ 1e-10·|w|, by {@link followRoot}'s descent);
 * every later query there runs Newton from the nearest grid root (about 5 steps instead of about 50
 * descent levels) and falls back to the descent on the same failure (so a query never costs more
 * than one descent plus 60 Newton steps). Points outside the intervals always take the descent (the
 * root there is real and not unique). The result is the same root as followRoot's to the Newton
 * tolerance (1e-15 relative).
 * @example realAxisRoots(equation, far, scale, [[-2, 2]])(0.5) // the same value as followRoot(equation, { re: 0.5, im: 0 }, far, scale)
 */
export function realAxisRoots(
  equation: RootEquation,
  far: (z: Complex) => Complex,
  scale: number,
  intervals: ReadonlyArray<readonly [number, number]>,
): (x: number) => Complex {
  const tables: Array<Float64Array | undefined> = intervals.map(() => undefined);
  const descend = (x: number): Complex => followRoot(equation, { re: x, im: 0 }, far, scale);
  const upper = (start: Complex, x: number): Complex | undefined => {
    const { w, converged } = newton(equation, start, { re: x, im: 0 });
    return converged && w.im > 1e-10 * Math.hypot(w.re, w.im) ? w : undefined;
  };
  const table = (i: number): Float64Array => {
    const cached = tables[i];
    if (cached) return cached;
    const [lo, hi] = intervals[i]!;
    const out = new Float64Array(2 * (GRID + 1));
    let previous: Complex | undefined;
    for (let j = 1; j < GRID; j++) {
      const x = edgePoint(lo, hi, (Math.PI * j) / GRID);
      const w = (previous && upper(previous, x)) ?? descend(x);
      out[2 * j] = w.re;
      out[2 * j + 1] = w.im;
      previous = w;
    }
    tables[i] = out;
    return out;
  };
  return (x) => {
    const i = intervals.findIndex(([lo, hi]) => x > lo && x < hi);
    if (i < 0) return descend(x);
    const [lo, hi] = intervals[i]!;
    const t = table(i);
    const theta = Math.acos(Math.min(1, Math.max(-1, ((lo + hi) / 2 - x) / ((hi - lo) / 2))));
    const j = Math.min(GRID - 1, Math.max(1, Math.round((theta * GRID) / Math.PI)));
    return upper({ re: t[2 * j]!, im: t[2 * j + 1]! }, x) ?? descend(x);
  };
}
