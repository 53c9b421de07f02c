import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidArgumentError } from '../../src/errors.js';
import { marchenkoPastur } from '../../src/rmt/laws/marchenko-pastur.js';
import { population } from '../../src/rmt/population.js';
import { sampleStieltjes } from '../../src/rmt/silverstein.js';
import { sampleStieltjesOnGrid } from '../../src/rmt/stieltjes-grid.js';

const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/rmt/silverstein.json', import.meta.url), 'utf8'),
) as {
  cases: Array<{
    values: number[];
    weights: number[];
    ratio: number;
    points: Array<{ z: [number, number]; m: [number, number]; companion: [number, number] }>;
  }>;
};

describe('sampleStieltjes (generalised Marchenko–Pastur)', () => {
  it('matches numpy polynomial roots for two-point populations to 1e-10', () => {
    for (const c of fixtures.cases) {
      const pop = population(c.values, c.weights);
      for (const p of c.points) {
        const v = sampleStieltjes(pop, c.ratio, p.z[0], p.z[1]);
        assert.ok(v.converged);
        const scale = Math.hypot(p.m[0], p.m[1]);
        assert.ok(
          Math.hypot(v.re - p.m[0], v.im - p.m[1]) <= 1e-10 * scale,
          `${JSON.stringify(p)} got ${v.re} ${v.im}`,
        );
        assert.ok(
          Math.hypot(v.companionRe - p.companion[0], v.companionIm - p.companion[1]) <=
            1e-10 * Math.hypot(...p.companion),
        );
      }
    }
  });

  it('reproduces the Marchenko–Pastur density for Σ = I to 1e-9', () => {
    for (const c of [0.25, 0.5, 0.9]) {
      const law = marchenkoPastur(c);
      const xs = Array.from(
        { length: 97 },
        (_, i) => law.support[0] + ((i + 1) / 98) * (law.support[1] - law.support[0]),
      );
      const grid = sampleStieltjesOnGrid(population([1]), c, xs, 1e-13);
      assert.ok(grid.converged);
      xs.forEach((x, i) =>
        assert.ok(Math.abs(grid.density[i] - law.density(x)) <= 1e-9, `c=${c} x=${x}`),
      );
    }
  });

  it('maps the upper half-plane into itself and solves its equation (property, fixed seed)', () => {
    const arb = fc.record({
      values: fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), {
        minLength: 1,
        maxLength: 30,
      }),
      ratio: fc.double({ min: 0.05, max: 5, noNaN: true }),
      // Away from x = 0, where an atom (c > 1) makes the independent check itself ill-conditioned.
      re: fc.double({ min: 0.01, max: 30, noNaN: true }),
      im: fc.double({ min: 1e-6, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, ({ values, ratio, re, im }) => {
        const pop = population(values);
        const v = sampleStieltjes(pop, ratio, re, im);
        assert.ok(v.converged && v.im > 0 && v.companionIm > 0);
        // m = Σ t/(σ(1 − c − c z m) − z), evaluated independently in complex arithmetic.
        const er = 1 - ratio - ratio * (re * v.re - im * v.im);
        const ei = -ratio * (re * v.im + im * v.re);
        let sr = 0;
        let si = 0;
        values.forEach((s) => {
          const ar = s * er - re;
          const ai = s * ei - im;
          const den = ar * ar + ai * ai;
          sr += ar / den / values.length;
          si -= ai / den / values.length;
        });
        assert.ok(
          Math.hypot(sr - v.re, si - v.im) <= 1e-8 * Math.hypot(v.re, v.im) + 1e-12,
          `${sr} ${si} vs ${v.re} ${v.im}`,
        );
      }),
      { seed: 4, numRuns: 200 },
    );
  });

  it('answers Im z < 0 by conjugation', () => {
    const pop = population([1, 2, 5]);
    const up = sampleStieltjes(pop, 0.3, 2, 0.01);
    const down = sampleStieltjes(pop, 0.3, 2, -0.01);
    assert.equal(down.re, up.re);
    assert.equal(down.im, -up.im);
  });

  it('rejects a non-positive ratio and a real z, naming the argument', () => {
    assert.throws(
      () => sampleStieltjes(population([1]), 0, 1, 1),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'ratio',
    );
    assert.throws(
      () => sampleStieltjes(population([1]), 0.5, 1, 0),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'z',
    );
    assert.throws(
      () => population([1, -1]),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'values',
    );
    assert.throws(
      () => population([1, 2], [0.2, 0.2]),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'weights',
    );
  });
});
