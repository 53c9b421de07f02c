import type { ChebyshevPanel } from './chebyshev.js';
import { type Complex, csqrt, div } from './complex.js';

/**
 * ∫_a^b p(x)/(x − z) dx for the panel's Chebyshev interpolant p, accurate for every z off
 * [a, b], however close (docs/theory.md §8: the HTMP transform near the axis).
 * Far from the panel, the Clenshaw–Curtis sum Σ_j w_j p(x_j)/(x_j − z) is used. Its error for
 * 1/(x − z) falls like ρ^(−2n), where ρ is the Bernstein ellipse through z.
 * Near the panel (ρ < 3) the pole is subtracted instead:
 *   ∫ p/(x − z) = Σ_j w_j (p(x_j) − p(z))/(x_j − z) + p(z)·log((b − z)/(a − z)).
 * The first sum is exact, because (p(x) − p(z))/(x − z) is a polynomial of degree n − 1. The
 * logarithm carries the jump: Im m → π·p(x) as z → x + i0.
 * p(z) itself comes from the barycentric formula for Lobatto points, which also holds for
 * complex z.
 * @example panelStieltjes(chebyshevPanel(() => 1, 0, 1, 16), { re: 0.5, im: 1e-9 }).im // ≈ π
 */
export function panelStieltjes(panel: ChebyshevPanel, z: Complex): Complex {
  const { a, b, nodes, values, weights } = panel;
  const half = (b - a) / 2;
  const s = { re: (z.re - (a + b) / 2) / half, im: z.im / half };
  if (ellipseParameter(s) >= 3) return weightedSum(nodes, weights, values, z, { re: 0, im: 0 });
  const pz = barycentric(nodes, values, z);
  const sum = weightedSum(nodes, weights, values, z, pz);
  const upper = { re: b - z.re, im: -z.im };
  const lower = { re: a - z.re, im: -z.im };
  const log = {
    re: Math.log(Math.hypot(upper.re, upper.im) / Math.hypot(lower.re, lower.im)),
    im: Math.atan2(upper.im, upper.re) - Math.atan2(lower.im, lower.re),
  };
  return {
    re: sum.re + pz.re * log.re - pz.im * log.im,
    im: sum.im + pz.re * log.im + pz.im * log.re,
  };
}

/** ρ = |s + √(s² − 1)| ≥ 1, the Bernstein ellipse of [−1, 1] through s. */
function ellipseParameter(s: Complex): number {
  const root = csqrt({ re: s.re * s.re - s.im * s.im - 1, im: 2 * s.re * s.im });
  return Math.max(
    Math.hypot(s.re + root.re, s.im + root.im),
    Math.hypot(s.re - root.re, s.im - root.im),
  );
}

/** Σ_j w_j (f_j − c)/(x_j − z). */
function weightedSum(
  nodes: Float64Array,
  weights: Float64Array,
  values: Float64Array,
  z: Complex,
  c: Complex,
): Complex {
  let re = 0;
  let im = 0;
  for (let j = 0; j < nodes.length; j++) {
    const term = div(
      { re: weights[j]! * (values[j]! - c.re), im: -weights[j]! * c.im },
      { re: nodes[j]! - z.re, im: -z.im },
    );
    re += term.re;
    im += term.im;
  }
  return { re, im };
}

/**
 * The interpolant through Chebyshev–Lobatto points x_j = cos(πj/n) (mapped) at complex z:
 * p(z) = Σ λ_j f_j/(z − x_j) / Σ λ_j/(z − x_j), λ_j = (−1)^j, halved at both ends.
 */
function barycentric(nodes: Float64Array, values: Float64Array, z: Complex): Complex {
  const n = nodes.length - 1;
  let numRe = 0;
  let numIm = 0;
  let denRe = 0;
  let denIm = 0;
  for (let j = 0; j <= n; j++) {
    const dx = z.re - nodes[j]!;
    if (dx === 0 && z.im === 0) return { re: values[j]!, im: 0 };
    const lambda = (j % 2 === 0 ? 1 : -1) * (j === 0 || j === n ? 0.5 : 1);
    const q = div({ re: lambda, im: 0 }, { re: dx, im: z.im });
    numRe += q.re * values[j]!;
    numIm += q.im * values[j]!;
    denRe += q.re;
    denIm += q.im;
  }
  return div({ re: numRe, im: numIm }, { re: denRe, im: denIm });
}
