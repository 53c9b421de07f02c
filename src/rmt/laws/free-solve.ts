import { type Complex, div, sub } from './complex.js';

/** The value and derivative of an equation F(w; z) = 0 in the unknown w at fixed z. */
export type RootEquation = (w: Complex, z: Complex) => { f: Complex; df: Complex };

/**
 * The physical root w(z) of F(w; z) = 0 (docs/theory.md §8): Newton's method followed along the
 * vertical path from x + iη₀, η₀ = max(Im z, 8·scale), where `far(z)` is an accurate start, down to
 * z by halving η (each level warm-starts the next, so the iterate never jumps to another sheet).
 * On the real axis the path ends at η = 0: the boundary value from above, complex inside the
 * support and real outside it. Im z < 0 is answered by conjugation. Newton steps are halved while
 * they do not reduce |F| (at most 30 halvings).
 * @example followRoot((w, z) => ({ f: sub(mul(w, w), z), df: scale(2, w) }), { re: -1, im: 0 }, (z) => csqrt(z), 1) // i
 */
export function followRoot(
  equation: RootEquation,
  z: Complex,
  far: (z: Complex) => Complex,
  scale: number,
): Complex {
  if (z.im < 0) {
    const w = followRoot(equation, { re: z.re, im: -z.im }, far, scale);
    return { re: w.re, im: -w.im };
  }
  const target = z.im;
  let eta = Math.max(target, 8 * scale);
  let w = far({ re: z.re, im: eta });
  for (;;) {
    w = newton(equation, w, { re: z.re, im: eta });
    if (eta === target) return w;
    eta /= 2;
    if (eta < target || eta < 1e-14 * scale) eta = target;
  }
}

/** Newton's method with step halving at fixed z, to |step| ≤ 1e-15·(1 + |w|). */
function newton(equation: RootEquation, start: Complex, z: Complex): Complex {
  let w = start;
  let { f, df } = equation(w, z);
  for (let it = 0; it < 60; it++) {
    const size = Math.hypot(f.re, f.im);
    if (size === 0) return w;
    const step = div(f, df);
    let t = 1;
    let next = sub(w, step);
    let value = equation(next, z);
    for (let k = 0; k < 30 && !(Math.hypot(value.f.re, value.f.im) < size); k++) {
      t /= 2;
      next = { re: w.re - t * step.re, im: w.im - t * step.im };
      value = equation(next, z);
    }
    const moved = t * Math.hypot(step.re, step.im);
    if (!(Math.hypot(value.f.re, value.f.im) < size)) return w;
    w = next;
    f = value.f;
    df = value.df;
    if (moved <= 1e-15 * (1 + Math.hypot(w.re, w.im))) return w;
  }
  return w;
}

/**
 * The sub-intervals of (lo, hi) where a smooth function g is positive: g is sampled at `samples`
 * points clustered towards both ends (u ↦ lo + (hi − lo)(1 − cos πu)/2) and every sign change is
 * refined by bisection to the last bit. Ends of (lo, hi) where g is positive are returned as they
 * are. Used to find the real intervals on which an inverse Stieltjes map increases (the gaps of
 * the support) between its poles.
 * @example positiveRuns((x) => x * x - 1, -2, 2) // [[-2, -1], [1, 2]]
 */
export function positiveRuns(
  g: (x: number) => number,
  lo: number,
  hi: number,
  samples = 2000,
): Array<[number, number]> {
  const at = (k: number): number =>
    k === 0
      ? lo
      : k === samples
        ? hi
        : lo + ((hi - lo) * (1 - Math.cos((Math.PI * k) / samples))) / 2;
  const runs: Array<[number, number]> = [];
  let start: number | undefined;
  let prevX = at(0);
  let prevPositive = g(lo + 1e-14 * (hi - lo)) > 0;
  if (prevPositive) start = lo;
  for (let k = 1; k <= samples; k++) {
    const x = k === samples ? hi - 1e-14 * (hi - lo) : at(k);
    const positive = g(x) > 0;
    if (positive !== prevPositive) {
      let a = prevX;
      let b = x;
      for (let i = 0; i < 200 && b - a > 0; i++) {
        const mid = a + (b - a) / 2;
        if (mid === a || mid === b) break;
        if (g(mid) > 0 === prevPositive) a = mid;
        else b = mid;
      }
      const edge = prevPositive ? a : b;
      if (positive) start = edge;
      else if (start !== undefined) {
        runs.push([start, edge]);
        start = undefined;
      }
    }
    prevX = x;
    prevPositive = positive;
  }
  if (start !== undefined) runs.push([start, hi]);
  return runs;
}
