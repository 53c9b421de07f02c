import { type Complex, div, sub } from './complex.js';

/** The value and derivative of an equation F(w; z) = 0 in the unknown w at fixed z. */
export type RootEquation = (w: Complex, z: Complex) => { f: Complex; df: Complex };

/**
 * The physical root w(z) of F(w; z) = 0 (docs/theory.md §8): Newton's method followed along the
 * vertical path from x + iη₀, η₀ = max(Im z, 8·scale), where `far(z)` is an accurate start, down to
 * z by halving η (each level warm-starts the next, so the iterate never jumps to another sheet).
 * On the real axis the path ends at η = 0: the boundary value from above, complex inside the
 * support and real outside it. Im z < 0 is answered by conjugation. Newton steps are halved while
 * they do not reduce |F| (at most 30 halvings). About 50 levels: for many real points of one law
 * use {@link realAxisRoots} (root-table.ts), which warm-starts from a cached grid instead.
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
    w = newton(equation, w, { re: z.re, im: eta }).w;
    if (eta === target) return w;
    eta /= 2;
    if (eta < target || eta < 1e-14 * scale) eta = target;
  }
}

/**
 * Newton's method with step halving at fixed z, to |step| ≤ 1e-15·(1 + |w|), at most 60 steps.
 * `converged` is false when the cap is reached, or when |F| stops decreasing while the full Newton
 * step is still above 1e-12·(1 + |w|) (a stall away from a root).
 * @example newton((w, z) => ({ f: sub(mul(w, w), z), df: scale(2, w) }), { re: 0, im: 1 }, { re: -1, im: 0 }) // { w: i, converged: true }
 */
export function newton(
  equation: RootEquation,
  start: Complex,
  z: Complex,
): { w: Complex; converged: boolean } {
  let w = start;
  let { f, df } = equation(w, z);
  for (let it = 0; it < 60; it++) {
    const size = Math.hypot(f.re, f.im);
    if (size === 0) return { w, converged: true };
    const step = div(f, df);
    let t = 1;
    let next = sub(w, step);
    let value = equation(next, z);
    for (let k = 0; k < 30 && !(Math.hypot(value.f.re, value.f.im) < size); k++) {
      t /= 2;
      next = { re: w.re - t * step.re, im: w.im - t * step.im };
      value = equation(next, z);
    }
    const full = Math.hypot(step.re, step.im);
    if (!(Math.hypot(value.f.re, value.f.im) < size))
      return { w, converged: full <= 1e-12 * (1 + Math.hypot(w.re, w.im)) };
    w = next;
    f = value.f;
    df = value.df;
    if (t * full <= 1e-15 * (1 + Math.hypot(w.re, w.im))) return { w, converged: true };
  }
  return { w, converged: false };
}
