import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { eigvalsh } from '../../src/linalg/api.js';
import { kolmogorovDistance } from '../../src/rmt/kolmogorov.js';
import { htmp, marchenkoPastur } from '../../src/rmt/laws/index.js';
import { expSinh, tanhSinh } from '../../src/rmt/laws/quadrature.js';
import { tricomiU } from '../../src/rmt/laws/tricomi-u.js';

const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/diagnostics/laws.json', import.meta.url), 'utf8'),
) as {
  tricomiU: Array<{ a: number; b: number; z: number; re: number; im: number }>;
  htmp: Array<{ gamma: number; kappa: number; x: number; density: number; cdf: number }>;
};

describe('Tricomi U on the cut and the HTMP law (seed 004)', () => {
  it('U(a, b; z) matches mpmath to 1e-9 relative, negative arguments and integer b included', () => {
    for (const c of fixtures.tricomiU) {
      const u = tricomiU(c.a, c.b, { re: c.z, im: 0 });
      const err = Math.hypot(u.re - c.re, u.im - c.im) / Math.hypot(c.re, c.im);
      assert.ok(
        err < 1e-9,
        `U(${c.a}, ${c.b}; ${c.z}) = ${u.re}+${u.im}i vs ${c.re}+${c.im}i (${err})`,
      );
    }
  });

  it('the HTMP density matches mpmath to 1e-9 and its CDF to 2e-9', () => {
    const built = new Map<string, ReturnType<typeof htmp>>();
    for (const c of fixtures.htmp) {
      const key = `${c.gamma},${c.kappa}`;
      if (!built.has(key)) built.set(key, htmp(c.gamma, c.kappa));
      const law = built.get(key)!;
      assert.ok(
        Math.abs(law.density(c.x) - c.density) < 1e-9 * c.density,
        `ρ(${c.x}; ${c.gamma}, ${c.kappa}) = ${law.density(c.x)} vs ${c.density}`,
      );
      assert.ok(
        Math.abs(law.cdf(c.x) - c.cdf) < 2e-9,
        `F(${c.x}; ${c.gamma}, ${c.kappa}) = ${law.cdf(c.x)} vs ${c.cdf}`,
      );
    }
  });

  for (const [gamma, kappa] of [
    [0.5, 1],
    [0.3, 4],
    [0.7, 0.5],
  ] as const) {
    it(`HTMP(${gamma}, ${kappa}) integrates to 1 with mean 1, and its Stieltjes transform is ∫ρ/(x − z)`, () => {
      const law = htmp(gamma, kappa);
      const mass =
        tanhSinh(law.density, 0, 1, { tol: 1e-10, range: 6.1 }) +
        expSinh(law.density, 1, { tol: 1e-12 });
      const mean =
        tanhSinh((x) => x * law.density(x), 0, 1, { tol: 1e-12 }) +
        expSinh((x) => x * law.density(x), 1, { tol: 1e-12 });
      assert.ok(Math.abs(mass - 1) < 2e-9, String(mass));
      assert.ok(Math.abs(mean - 1) < 2e-9, String(mean));
      for (const z of [
        { re: 1, im: 0.5 },
        { re: -0.5, im: 0 },
        { re: 0.2, im: 0.2 },
      ]) {
        const g = (part: 're' | 'im') => (x: number) =>
          (law.density(x) * (part === 're' ? x - z.re : z.im)) / ((x - z.re) ** 2 + z.im ** 2);
        const re =
          tanhSinh(g('re'), 0, 1, { tol: 1e-10, range: 6.1, scale: 1 }) +
          expSinh(g('re'), 1, { tol: 1e-12, scale: 1 });
        const im =
          tanhSinh(g('im'), 0, 1, { tol: 1e-10, range: 6.1, scale: 1 }) +
          expSinh(g('im'), 1, { tol: 1e-12, scale: 1 });
        const m = law.stieltjes(z);
        assert.ok(
          Math.hypot(m.re - re, m.im - im) < 1e-8 * Math.hypot(re, im),
          `${z.re}+${z.im}i: ${m.re}+${m.im}i vs ${re}+${im}i`,
        );
      }
    });
  }

  it('the β-Laguerre sampler converges: Kolmogorov distance falls from n = 100 to 1000', () => {
    const law = htmp(0.5, 2);
    const ks = (n: number) =>
      [1, 2].reduce(
        (s, seed) => s + kolmogorovDistance(eigvalsh(law.sampleMatrix(n, seed)), law.cdf),
        0,
      ) / 2;
    const small = ks(100);
    const large = ks(1000);
    // High temperature makes the eigenvalues nearly independent: distance ~ 1/√n.
    assert.ok(large < small / 2 && large < 0.05, `${small} → ${large}`);
  });

  it('approaches Marchenko–Pastur as κ grows', () => {
    const mp = marchenkoPastur(0.5);
    const gap = (kappa: number) => {
      const law = htmp(0.5, kappa);
      let worst = 0;
      for (let x = 0.05; x < 3.5; x += 0.05)
        worst = Math.max(worst, Math.abs(law.cdf(x) - mp.cdf(x)));
      return worst;
    };
    const [g1, g5, g20] = [gap(1), gap(5), gap(20)];
    assert.ok(g20 < g5 && g5 < g1, `${g1} ${g5} ${g20}`);
  });
});
