import { add, type Complex, div, edgeRoot, mul, scale, sub } from '../rmt/laws/complex.js';

/**
 * A Stieltjes transform m(z) = ∫ dμ(x)/(x − z) on its two-sheeted Riemann surface over the
 * support [a, b], written in the Joukowski variable w of docs/theory.md §14.1:
 * z = c + h(w + 1/w)/2 with c, h the centre and half-width of [a, b]. The disk |w| < 1 is the
 * principal (first) sheet, |w| > 1 the second sheet reached by crossing the cut (a, b), and the
 * unit circle is the cut itself (w = e^{−iθ} ↔ x + i0 with x = c + h cos θ).
 */
export interface StieltjesSheets {
  /** The cut [a, b]: the support of the continuous part. */
  readonly support: readonly [number, number];
  /** m and dm/dw at w (both sheets). */
  at(w: Complex): { m: Complex; dm: Complex };
  /** Optional allocation-free form of {@link StieltjesSheets.at}, equal to it: m and dm/dw at
   * w = wr + i·wi into out as [Re m, Im m, Re dm, Im dm] (what the characteristics call). */
  evaluate?(wr: number, wi: number, out: Float64Array): void;
}

/**
 * The first-sheet Joukowski variable of z: w = u − √(u − 1)√(u + 1), u = (z − c)/h, so |w| ≤ 1,
 * w ≈ h/(2(z − c)) at infinity and w = e^{−iθ} at x + i0 on the cut (docs/theory.md §14.1).
 * @example toJoukowski({ re: 3, im: 0 }, [-1, 1]).re // 3 − √8
 */
export function toJoukowski(z: Complex, support: readonly [number, number]): Complex {
  const [a, b] = support;
  const c = (a + b) / 2;
  const h = (b - a) / 2;
  const u = { re: (z.re - c) / h, im: z.im / h };
  return sub(u, edgeRoot(u, -1, 1));
}

/**
 * z = c + h(w + 1/w)/2, the inverse of {@link toJoukowski} on either sheet.
 * @example fromJoukowski({ re: 1, im: 0 }, [-1, 1]) // { re: 1, im: 0 }, the right edge
 */
export function fromJoukowski(w: Complex, support: readonly [number, number]): Complex {
  const [a, b] = support;
  const c = (a + b) / 2;
  const h = (b - a) / 2;
  const s = add(w, div({ re: 1, im: 0 }, w));
  return { re: c + (h / 2) * s.re, im: (h / 2) * s.im };
}

/**
 * dz/dw = h(1 − 1/w²)/2 for the map of {@link fromJoukowski}.
 * @example joukowskiDerivative({ re: 1, im: 0 }, [-1, 1]) // 0: the edges are critical points
 */
export function joukowskiDerivative(w: Complex, support: readonly [number, number]): Complex {
  const h = (support[1] - support[0]) / 2;
  const inv2 = div({ re: 1, im: 0 }, mul(w, w));
  return scale(h / 2, sub({ re: 1, im: 0 }, inv2));
}
