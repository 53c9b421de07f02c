import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  compress,
  decompress,
  freeForm,
  lawSheets,
  resizeDensity,
  spectralFunctions,
  totalVariation,
} from '../../src/free/index.js';
import { eigvalsh } from '../../src/linalg/api.js';
import type { SpectralLaw } from '../../src/rmt/laws/law.js';
import { marchenkoPastur } from '../../src/rmt/laws/marchenko-pastur.js';
import { wigner } from '../../src/rmt/laws/wigner.js';

/** Largest |ρ̂ − ρ| over the grid. */
function worst(grid: Float64Array, density: Float64Array, law: SpectralLaw): number {
  let e = 0;
  grid.forEach((x, i) => {
    e = Math.max(e, Math.abs(density[i]! - law.density(x)));
  });
  return e;
}

describe('free decompression: the characteristic solver on exact laws', () => {
  const cases: [string, SpectralLaw, number, SpectralLaw][] = [
    ['Wigner ×8', wigner(2), 8, wigner(2 * Math.sqrt(8))],
    ['Wigner ×32', wigner(2), 32, wigner(2 * Math.sqrt(32))],
    ['MP c = 1/50 ×32', marchenkoPastur(1 / 50), 32, marchenkoPastur(32 / 50)],
    ['MP c = 1/2 ×8 (atom appears)', marchenkoPastur(1 / 2), 8, marchenkoPastur(4)],
    ['MP c = 1/2 compressed ×1/2', marchenkoPastur(1 / 2), 0.5, marchenkoPastur(1 / 4)],
  ];
  for (const [name, law, s, big] of cases) {
    it(`${name}: reproduces the law at the new size to 1e-6`, () => {
      const r = resizeDensity(lawSheets(law), s, {
        mean: law.name === 'wigner' ? 0 : 1,
        variance: 1,
        points: 256,
      });
      assert.ok(r.converged);
      assert.ok(worst(r.grid, r.density, big) < 1e-6, `max error ${worst(r.grid, r.density, big)}`);
      assert.ok(Math.abs(r.support[0] - big.support[0]) < 1e-6 * (1 + Math.abs(big.support[0])));
      assert.ok(Math.abs(r.support[1] - big.support[1]) < 1e-6 * big.support[1]);
      const atom = big.atoms.reduce((a, t) => a + t.mass, 0);
      assert.ok(Math.abs(r.missingMass - atom) < 1e-4, `missing ${r.missingMass} vs ${atom}`);
    });
  }
});

describe('free decompression from the eigenvalues of one 400×400 matrix', () => {
  // The 1000×1000 cases run in bench/decompress.ts; the bounds here are the (TV
  // ≤ 3 % at ×8, ≤ 5 % at ×32, first two moments within 1 %) on smaller, faster matrices.
  const goe = eigvalsh(wigner(2).sampleMatrix(400, 7));
  const fit = freeForm(goe);
  const cases: [string, Float64Array, (s: number) => SpectralLaw, number][] = [
    ['GOE', goe, (s) => wigner(2 * Math.sqrt(s)), 0],
    [
      'Wishart c = 1/50',
      eigvalsh(marchenkoPastur(1 / 50).sampleMatrix(400, 7)),
      (s) => marchenkoPastur(s / 50),
      1,
    ],
    [
      'Wishart c = 1/2',
      eigvalsh(marchenkoPastur(1 / 2).sampleMatrix(400, 7)),
      (s) => marchenkoPastur(s / 2),
      1,
    ],
  ];
  for (const [name, eigs, law, mean] of cases) {
    const small = name === 'GOE' ? fit : freeForm(eigs);
    for (const [s, bound] of [
      [8, 0.03],
      [32, 0.05],
    ] as const)
      it(`${name} ×${s}: total variation ≤ ${bound * 100} %, first two moments within 1 %`, () => {
        const d = decompress(small, 400 * s);
        assert.ok(d.ok, d.reason);
        const big = law(s);
        const tv = totalVariation(d.grid, d.density, d.missingMass, big);
        assert.ok(tv <= bound, `TV ${tv}`);
        const m2 = mean === 0 ? s : 1 + big.parameters.ratio!;
        assert.ok(
          Math.abs(d.moments[0] - mean) < 0.01 * Math.max(mean, Math.sqrt(s)),
          `m1 ${d.moments[0]}`,
        );
        assert.ok(Math.abs(d.moments[1] / m2 - 1) < 0.01, `m2 ${d.moments[1]} vs ${m2}`);
      });
  }
  it('reports a glue that misses the fit on the cut as a failure with its residual', () => {
    // A uniform spectrum is far from the MP/Wigner family the default [0/1] glue describes.
    const uniform = Float64Array.from({ length: 400 }, (_, i) => i / 399);
    const d = decompress(freeForm(uniform), 3200);
    assert.equal(d.ok, false);
    assert.match(d.reason ?? '', /glue misses the fit on the cut \(residual 0\.\d+/);
    assert.ok(Number.isNaN(spectralFunctions(d).logdet));
  });
  it('reports a glue whose pole falls inside the unit disk as a failure, not a density', () => {
    const uniform = Float64Array.from({ length: 400 }, (_, i) => i / 399);
    const f = freeForm(uniform);
    const d = decompress({ ...f, glue: { ...f.glue, valid: false } }, 3200);
    assert.equal(d.ok, false);
    assert.match(d.reason ?? '', /pole inside the unit disk/);
  });
  it('compression to n_s/2 matches the law at c/2 (TV ≤ 2 %)', () => {
    const eigs = eigvalsh(marchenkoPastur(1 / 2).sampleMatrix(400, 5));
    const d = compress(freeForm(eigs), 200);
    assert.ok(d.ok);
    assert.ok(totalVariation(d.grid, d.density, d.missingMass, marchenkoPastur(1 / 4)) < 0.02);
  });
  it('the fit integrates to 1 and its Stieltjes transform maps ℂ⁺ to ℂ⁺', () => {
    let mass = 0;
    const [a, b] = fit.support;
    for (let i = 0; i < 4000; i++)
      mass += (fit.density(a + ((b - a) * (i + 0.5)) / 4000) * (b - a)) / 4000;
    assert.ok(Math.abs(mass - 1) < 1e-3, `mass ${mass}`);
    for (const z of [
      { re: 0, im: 0.1 },
      { re: 3, im: 1 },
      { re: -1.5, im: 1e-3 },
    ])
      assert.ok(fit.stieltjes(z).im > 0);
    // (1/π) p.v.∫ρ(y)/(x − y) dy of the semicircle of radius 2 is x/(2π) inside the support.
    assert.ok(
      Math.abs(fit.hilbert(0.5) - 0.5 / (2 * Math.PI)) < 0.005,
      `H(0.5) = ${fit.hilbert(0.5)}`,
    );
  });
  it('spectral functions of a decompressed Wishart match the law (log-det to 1e-3 per eigenvalue)', () => {
    // A linear statistic of an n_s-eigenvalue sample fluctuates by O(1/n_s) = 2.5e-3 in total.
    const d = decompress(freeForm(cases[1]![1]), 1600);
    assert.ok(d.ok, d.reason);
    const f = spectralFunctions(d);
    // ∫ log x dMP_c(x) by the midpoint rule on the law's density.
    const law = marchenkoPastur(4 / 50);
    let exact = 0;
    const [lo, hi] = law.support;
    for (let i = 0; i < 20000; i++) {
      const x = lo + ((hi - lo) * (i + 0.5)) / 20000;
      exact += (Math.log(x) * law.density(x) * (hi - lo)) / 20000;
    }
    assert.ok(Math.abs(f.logdet / 1600 - exact) < 1e-3, `${f.logdet / 1600} vs ${exact}`);
    assert.ok(f.condition > 1);
  });
});

describe('free decompression: bad input gets a typed error naming the argument', () => {
  const eigs = Float64Array.from({ length: 100 }, (_, i) => 1 + i / 100);
  const cases: [string, () => unknown, string][] = [
    ['support', () => freeForm(eigs, { support: [1.5, 3] }), 'support'],
    ['degree', () => freeForm(eigs, { degree: 50 }), 'degree'],
    ['eigenvalues', () => freeForm(Float64Array.of(1, 2, Number.NaN, 4, 5)), 'eigenvalues'],
    ['size', () => decompress(freeForm(eigs), 50), 'size'],
  ];
  for (const [name, call, argument] of cases)
    it(`rejects a bad ${name}`, () => {
      assert.throws(
        call,
        (e: unknown) =>
          e instanceof InvalidArgumentError &&
          e.argument === argument &&
          e.message.includes('Value'),
      );
    });
});
