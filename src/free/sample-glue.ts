import type { Complex } from '../rmt/laws/complex.js';
import { fitGlue, type Glue } from './glue.js';
import { fromJoukowski } from './joukowski.js';
import type { SpectralSample } from './spectral-sample.js';

/**
 * The Padé glue R = wP/Q fitted to the sample's own Stieltjes transform
 * m(z) = Σ_i w_i/(λ_i − z) on the circle |w| = r < 1 of the Joukowski disk (docs/theory.md
 * §14.3, §14.5), instead of to a truncated series on the cut: off the cut the empirical transform
 * is smooth and exact, so no basis, degree or edge exponent stands between the sample and the
 * glue (a near-hard edge such as Wishart c → 1, whose ρ ~ x^{−½} a Jacobi(½, ½) series of
 * degree 10 misses, is fitted as well as any other). Fitted as R′(v) = R(rv) on |v| = 1 by
 * {@link fitGlue}, then rescaled: P_k = P′_k/r^{k+1}, Q_j = Q′_j/r^j, poles × r, residual is
 * the relative misfit on |w| = r. `taylor` (the series' t_k of R = Σ t_k w^{k+1}) is rescaled
 * alike.
 * @example fitSampleGlue(spectralSample(eigs), detectSupport(eigs), 0, 1).poles // MP: −1/√c
 */
export function fitSampleGlue(
  sample: SpectralSample,
  support: readonly [number, number],
  p: number,
  q: number,
  taylor: Float64Array = new Float64Array(0),
  radius = 0.5,
): Glue {
  const { points, weights } = sample;
  const m = (v: Complex): Complex => {
    const z = fromJoukowski({ re: radius * v.re, im: radius * v.im }, support);
    let re = 0;
    let im = 0;
    for (let i = 0; i < points.length; i++) {
      const ar = points[i]! - z.re;
      const q2 = weights[i]! / (ar * ar + z.im * z.im);
      re += ar * q2;
      im += z.im * q2;
    }
    return { re, im };
  };
  const g = fitGlue(
    m,
    p,
    q,
    taylor.map((t, k) => t * radius ** (k + 1)),
  );
  const poles = g.poles.map((z) => ({ re: radius * z.re, im: radius * z.im }));
  return {
    p,
    q,
    numerator: g.numerator.map((c, k) => c / radius ** (k + 1)),
    denominator: g.denominator.map((c, j) => c / radius ** j),
    poles,
    residual: g.residual,
    valid: poles.every((z) => Math.hypot(z.re, z.im) > 1 + 1e-9),
    at(w) {
      const v = g.at({ re: w.re / radius, im: w.im / radius });
      return { m: v.m, dm: { re: v.dm.re / radius, im: v.dm.im / radius } };
    },
    evaluate(wr, wi, out) {
      g.evaluate(wr / radius, wi / radius, out);
      out[2] = out[2]! / radius;
      out[3] = out[3]! / radius;
    },
  };
}
