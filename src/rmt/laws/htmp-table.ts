import { type ChebyshevPanel, chebyshevPanel } from './chebyshev.js';
import { type Complex, div } from './complex.js';
import { panelStieltjes } from './panel-stieltjes.js';
import { tanhSinh } from './quadrature.js';

/** Precomputed integrals of a density on (0, ∞) with an integrable singularity x^p at 0. */
export interface HtmpTable {
  /** Below this the CDF is integrated on demand (tanh–sinh); above it comes from the panels. */
  bottom: number;
  /** Where the tail beyond is below 1e-18 of the mass. */
  last: number;
  /** ∫₀^∞ ρ (≈ 1; the tests check it). */
  total: number;
  cdf(x: number): number;
  stieltjes(z: Complex): Complex;
}

const PANELS = 48;
const HALVINGS = 40;
const POINTS = 16;

/**
 * Chebyshev panels (17 Lobatto points each) covering [bottom, X]: 40 geometric panels
 * [x₁2^{−k−1}, x₁2^{−k}] towards the singularity at 0 (each is as wide as its distance to 0, so the
 * interpolants converge at the rate 5.8^{−16}), then x_k = X(k/K)², K = 48, with X the first of
 * 2·1.5^j where xρ(x) < 1e-18. The mass below bottom = x₁2^{−40} is one tanh–sinh integral.
 * Inside a panel the CDF is the integrated interpolant. The Stieltjes transform is the sum over
 * panels of ∫ p/(x − z) for each interpolant p ({@link panelStieltjes}: Clenshaw–Curtis far from
 * the panel, the pole subtracted near it), plus fixed tanh–sinh nodes below bottom. It is
 * accurate up to the axis: Im m → πρ(x) as z → x + i0. About 1700 density evaluations, once per
 * law.
 * @example htmpTable((x) => Math.exp(-x)).total // 1
 */
export function htmpTable(density: (x: number) => number): HtmpTable {
  let last = 2;
  while (last * density(last) > 1e-18 && last < 1e6) last *= 1.5;
  const first = last / (PANELS * PANELS);
  const bottom = first * 2 ** -HALVINGS;
  const edges = [bottom];
  for (let k = HALVINGS - 1; k >= 0; k--) edges.push(first * 2 ** -k);
  for (let k = 2; k <= PANELS; k++) edges.push(last * (k / PANELS) ** 2);
  const panels: ChebyshevPanel[] = [];
  const starts = new Float64Array(edges.length);
  starts[0] = tanhSinh(density, 0, bottom, { tol: 1e-10, range: 6.1 });
  for (let k = 0; k + 1 < edges.length; k++) {
    const panel = chebyshevPanel(density, edges[k]!, edges[k + 1]!, POINTS);
    panels.push(panel);
    starts[k + 1] = starts[k]! + panel.integralTo(edges[k + 1]!);
  }
  const total = starts[edges.length - 1]!;
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let t = -6.1; t <= 3.2 + 1e-12; t += 1 / 16) {
    const e = Math.exp(-Math.PI * Math.abs(Math.sinh(t)));
    const dist = (bottom * e) / (1 + e);
    const x = t < 0 ? dist : bottom - dist;
    if (x > 0 && x < bottom) {
      nodes.push(x);
      weights.push(
        (((bottom / 2) * (Math.PI / 2) * Math.cosh(t) * 4 * e) / ((1 + e) * (1 + e)) / 16) *
          density(x),
      );
    }
  }
  return {
    bottom,
    last,
    total,
    cdf(x) {
      if (x >= last) return total;
      let lo = 0;
      let hi = edges.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (edges[mid]! <= x) lo = mid;
        else hi = mid;
      }
      return starts[lo]! + panels[lo]!.integralTo(x);
    },
    stieltjes(z) {
      let re = 0;
      let im = 0;
      for (let j = 0; j < nodes.length; j++) {
        const term = div({ re: weights[j]!, im: 0 }, { re: nodes[j]! - z.re, im: -z.im });
        re += term.re;
        im += term.im;
      }
      for (const panel of panels) {
        const term = panelStieltjes(panel, z);
        re += term.re;
        im += term.im;
      }
      return { re, im };
    },
  };
}
