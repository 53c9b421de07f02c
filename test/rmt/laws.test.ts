import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as laws from '../../src/rmt/laws/index.js';
import { edgePoint, type SpectralLaw } from '../../src/rmt/laws/law.js';
import { tanhSinh } from '../../src/rmt/laws/quadrature.js';
import { checkHalfPlane, LAW_CASES } from './laws-helpers.js';

const build = (name: string, args: readonly number[]): SpectralLaw =>
  (laws as unknown as Record<string, (...a: number[]) => SpectralLaw>)[name]!(...args);

/**
 * ∫_lo^x g dμ from the law's density() alone (not its CDF): tanh–sinh after x = c − r cos θ, which
 * keeps inverse square-root edges (the arcsine law) integrable to full precision; plus the atoms.
 */
function integrate(law: SpectralLaw, g: (x: number) => number, upTo = Infinity): number {
  const [lo, hi] = law.support;
  const c = (lo + hi) / 2;
  const r = (hi - lo) / 2;
  const top = Math.acos(Math.max(-1, Math.min(1, (c - Math.min(upTo, hi)) / r)));
  const continuous = tanhSinh(
    (t) => {
      const x = edgePoint(lo, hi, t);
      return law.density(x) * g(x) * r * Math.sin(t);
    },
    0,
    top,
    { tol: 1e-14, scale: 1e-2 },
  );
  return (
    continuous + law.atoms.filter((a) => a.at <= upTo).reduce((s, a) => s + a.mass * g(a.at), 0)
  );
}

describe('spectral laws of seed 004', () => {
  for (const [label, name, args, resolution] of LAW_CASES) {
    const law = build(name, args);
    const tol = resolution ?? 1e-12;
    it(`${label}: the density plus its atoms integrates to 1 (${tol})`, () => {
      assert.ok(Math.abs(integrate(law, () => 1) - 1) < tol, String(integrate(law, () => 1)));
    });

    it(`${label}: the CDF is the integral of the density and reaches 1`, () => {
      const [lo, hi] = law.support;
      for (const t of [0.1, 0.37, 0.8]) {
        const x = lo + t * (hi - lo);
        const direct = integrate(law, () => 1, x);
        assert.ok(Math.abs(law.cdf(x) - direct) < tol, `${x}: ${law.cdf(x)} vs ${direct}`);
      }
      const beyond = Math.max(hi, ...law.atoms.map((a) => a.at)) + 1;
      assert.ok(Math.abs(law.cdf(beyond) - 1) < 1e-12);
      assert.equal(law.cdf(Math.min(lo, ...law.atoms.map((a) => a.at)) - 1), 0);
    });

    it(`${label}: the Stieltjes transform equals ∫ dμ(x)/(x − z) (1e-10 relative)`, () => {
      const [lo, hi] = law.support;
      const mid = (lo + hi) / 2;
      const points = [
        { re: 0.3, im: 0.7 },
        { re: mid, im: 0.05 * (hi - lo) },
        { re: hi + 0.5, im: 0 },
        { re: lo - 0.7, im: 0 },
        { re: -2, im: -1 },
      ];
      for (const z of points) {
        if (z.im === 0 && law.atoms.some((a) => Math.abs(a.at - z.re) < 1e-3)) continue;
        const re = integrate(law, (x) => (x - z.re) / ((x - z.re) ** 2 + z.im ** 2));
        const im = integrate(law, (x) => z.im / ((x - z.re) ** 2 + z.im ** 2));
        const m = law.stieltjes(z);
        assert.ok(
          Math.hypot(m.re - re, m.im - im) < Math.max(1e-10, tol) * Math.hypot(re, im),
          `${label} at ${z.re}+${z.im}i: ${m.re}+${m.im}i vs ${re}+${im}i`,
        );
      }
    });

    it(`${label}: the Stieltjes transform maps ℂ⁺ to ℂ⁺ and is −1/z at infinity`, () => {
      checkHalfPlane(law, 200);
    });
  }

  it('Meixner with a = 0, c = 1 is the semicircle of radius 2√b', () => {
    const m = laws.meixner(0, 2.25, 1);
    const w = laws.wigner(3);
    for (const x of [-2.9, -1, 0, 0.5, 2.2])
      assert.ok(Math.abs(m.density(x) - w.density(x)) < 1e-15);
    assert.deepEqual(m.atoms, []);
  });

  it('Kesten–McKay with d = 2 is the arcsine law 1/(π√(4 − x²))', () => {
    const km = laws.kestenMcKay(2);
    for (const x of [-1.9, -0.3, 0, 1.2])
      assert.ok(Math.abs(km.density(x) - 1 / (Math.PI * Math.sqrt(4 - x * x))) < 1e-14);
  });

  it('Marchenko–Pastur keeps its fields: ratio, variance, support, atom, density, cdf', () => {
    const mp = laws.marchenkoPastur(0.5);
    assert.deepEqual(
      Object.keys(mp)
        .filter((k) => ['ratio', 'variance', 'support', 'atom', 'density', 'cdf'].includes(k))
        .sort(),
      ['atom', 'cdf', 'density', 'ratio', 'support', 'variance'],
    );
    assert.ok(Math.abs(mp.support[0] - (1 - Math.SQRT1_2) ** 2) < 1e-15 && mp.atom === 0);
    assert.equal(laws.marchenkoPastur(4).atom, 0.75);
    assert.equal(laws.marchenkoPastur(4).cdf(0), 0.75);
    assert.throws(() => laws.marchenkoPastur(0), /ratio/);
  });

  it('rejects parameters outside each law’s domain, naming them', () => {
    assert.throws(() => laws.wigner(-1), /radius/);
    assert.throws(() => laws.kestenMcKay(1.5), /degree/);
    assert.throws(() => laws.wachter(0.3, 0.4), /a \+ b/);
    assert.throws(() => laws.meixner(0, -1, 1), /invalid argument: b/);
    assert.throws(() => laws.htmp(1.2, 1), /gamma/);
    assert.throws(() => laws.htmp(0.5, 40), /kappa/);
    assert.throws(() => laws.kestenMcKay(3).sampleMatrix(7, 1), /even/);
  });
});
