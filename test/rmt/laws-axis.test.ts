import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Complex } from '../../src/rmt/laws/complex.js';
import * as laws from '../../src/rmt/laws/index.js';
import { edgePoint, type SpectralLaw } from '../../src/rmt/laws/law.js';
import { tanhSinh } from '../../src/rmt/laws/quadrature.js';
import { LAW_CASES } from './laws-helpers.js';

// An independent check of every law's Stieltjes transform where it is hardest: z = x + iη just
// above the support, η from 1e-1 down to 1e-4. The reference is the quadrature of the law's own
// density with the pole subtracted (issue 24: a transform that drifted from its density near the
// axis, although each was right on its own):
//   m(z) = ∫ (ρ(t) − ρ(x))/(t − z) dt + ρ(x)·log((hi − z)/(lo − z)) + Σ atoms mass/(at − z),
// the first integral split at x (bounded integrand there, tanh–sinh on each side).

const build = (name: string, args: readonly number[]): SpectralLaw =>
  (laws as unknown as Record<string, (...a: number[]) => SpectralLaw>)[name]!(...args);

function reference(law: SpectralLaw, z: Complex, lo: number, hi: number): Complex {
  const x = z.re;
  const rx = law.density(x);
  const part = (take: (q: Complex) => number) => (t: number) => {
    const dx = t - z.re;
    const d2 = dx * dx + z.im * z.im;
    const diff = law.density(t) - rx;
    return take({ re: (diff * dx) / d2, im: (diff * z.im) / d2 });
  };
  // t = c − r·cos θ (edgePoint) keeps inverse square-root edges integrable to full precision.
  const c = (lo + hi) / 2;
  const r = (hi - lo) / 2;
  const thetaX = Math.acos(Math.max(-1, Math.min(1, (c - x) / r)));
  const integral = (take: (q: Complex) => number) => {
    const f = (theta: number) => part(take)(edgePoint(lo, hi, theta)) * r * Math.sin(theta);
    return tanhSinh(f, 0, thetaX, { tol: 1e-13 }) + tanhSinh(f, thetaX, Math.PI, { tol: 1e-13 });
  };
  const re0 = integral((q) => q.re);
  const im0 = integral((q) => q.im);
  const logRe = Math.log(Math.hypot(hi - z.re, z.im) / Math.hypot(lo - z.re, z.im));
  const logIm = Math.atan2(-z.im, hi - z.re) - Math.atan2(-z.im, lo - z.re);
  let re = re0 + rx * logRe;
  let im = im0 + rx * logIm;
  for (const { at, mass } of law.atoms) {
    const d2 = (at - z.re) ** 2 + z.im ** 2;
    re += (mass * (at - z.re)) / d2;
    im += (mass * z.im) / d2;
  }
  return { re, im };
}

const HEIGHTS = [1e-1, 1e-2, 1e-3, 1e-4];

function checkNearAxis(
  law: SpectralLaw,
  points: readonly number[],
  lo: number,
  hi: number,
  tol: number,
): void {
  for (const x of points) {
    for (const eta of HEIGHTS) {
      const z = { re: x, im: eta };
      const m = law.stieltjes(z);
      const r = reference(law, z, lo, hi);
      const error = Math.hypot(m.re - r.re, m.im - r.im) / Math.max(1, Math.hypot(r.re, r.im));
      assert.ok(error < tol, `x = ${x}, η = ${eta}: ${JSON.stringify(m)} vs ${JSON.stringify(r)}`);
    }
  }
}

describe('Stieltjes transforms near the real axis (against the quadrature of the density)', () => {
  for (const [label, name, args] of LAW_CASES) {
    it(`${label}: to 1e-8 for Im z down to 1e-4`, () => {
      const law = build(name, args);
      const [lo, hi] = law.support;
      const points = [0.13, 0.5, 0.81].map((f) => lo + f * (hi - lo));
      checkNearAxis(law, points, lo, hi, 1e-8);
    });
  }
  // HTMP lives on (0, ∞): the reference stops where the tail beyond holds < 1e-15 of the mass.
  for (const [gamma, kappa] of [
    [0.77, 6.3],
    [0.5, 2],
    [0.3, 1],
  ] as const) {
    it(`htmp(${gamma}, ${kappa}): to 1e-8 for Im z down to 1e-4 (x in its bulk)`, () => {
      const law = laws.htmp(gamma, kappa);
      let hi = 2;
      while (1 - law.cdf(hi) > 1e-15) hi *= 1.5;
      checkNearAxis(law, [0.6, 1.7], 0, hi, 1e-8);
    });
  }
});
