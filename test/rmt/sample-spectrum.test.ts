import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagonalCovariance } from '../../src/covariance/index.js';
import { eigvalsh, gram } from '../../src/linalg/api.js';
import { kolmogorovDistance } from '../../src/rmt/kolmogorov.js';
import { marchenkoPastur } from '../../src/rmt/laws/marchenko-pastur.js';
import { ledoitPecheOverlap, ledoitPecheTop } from '../../src/rmt/ledoit-peche.js';
import { population } from '../../src/rmt/population.js';
import { sampleSpectrumLaw } from '../../src/rmt/sample-spectrum.js';
import { sampleSpectrumSupport } from '../../src/rmt/silverstein-edges.js';

const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/rmt/silverstein.json', import.meta.url), 'utf8'),
) as {
  cases: Array<{ values: number[]; weights: number[]; ratio: number; edges: number[] }>;
};

describe('sampleSpectrumSupport', () => {
  it('finds the Marchenko–Pastur edges (1 ± √c)² and the atom 1 − 1/c', () => {
    for (const c of [0.1, 0.5, 2, 5]) {
      const { intervals, atom } = sampleSpectrumSupport(population([1]), c);
      assert.equal(intervals.length, 1);
      assert.ok(
        Math.abs(intervals[0][0] - (1 - Math.sqrt(c)) ** 2) <= 1e-12 * (1 + Math.sqrt(c)) ** 2,
      );
      assert.ok(
        Math.abs(intervals[0][1] - (1 + Math.sqrt(c)) ** 2) <= 1e-12 * (1 + Math.sqrt(c)) ** 2,
      );
      assert.equal(atom, Math.max(0, 1 - 1 / c));
    }
  });

  it('matches the numpy quartic roots for two-point populations, gaps included, to 1e-10', () => {
    for (const c of fixtures.cases) {
      const edges = sampleSpectrumSupport(
        population(c.values, c.weights),
        c.ratio,
      ).intervals.flat();
      assert.equal(edges.length, c.edges.length);
      edges.forEach((e, i) =>
        assert.ok(
          Math.abs(e - c.edges[i]) <= 1e-10 * c.edges[c.edges.length - 1],
          `${e} vs ${c.edges[i]}`,
        ),
      );
    }
  });

  it('separates a spike of weight 1/d around the BBP location (1 + θ)(1 + c/θ)', () => {
    const d = 4000;
    const { intervals } = sampleSpectrumSupport(population([1, 4], [1 - 1 / d, 1 / d]), 0.5);
    assert.equal(intervals.length, 2);
    const [lo, hi] = intervals[1];
    assert.ok(lo < 4 * (1 + 0.5 / 3) && hi > 4 * (1 + 0.5 / 3));
  });
});

describe('sampleSpectrumLaw', () => {
  it('agrees with the Marchenko–Pastur distribution function to 1e-4 and integrates to 1', () => {
    for (const c of [0.25, 0.5, 2]) {
      const law = sampleSpectrumLaw(population([1]), c);
      const mp = marchenkoPastur(c);
      assert.ok(law.massError < 1e-8);
      for (let x = 0.01; x < 6; x += 0.05)
        assert.ok(Math.abs(law.cdf(x) - mp.cdf(x)) < 1e-4, `c=${c} x=${x}`);
      for (const p of [0.6, 0.75, 0.9]) assert.ok(Math.abs(mp.cdf(law.quantile(p)) - p) < 1e-4);
    }
  });

  it('is within Kolmogorov distance 0.01 of a simulated two-level sample covariance at d = 1000', () => {
    const d = 1000;
    const variances = Float64Array.from({ length: d }, (_, k) => (k < 300 ? 4 : 1));
    const x = diagonalCovariance(variances).sample(2000, 3);
    const law = sampleSpectrumLaw(population(variances), 0.5);
    // Eigenvalues of Wishart-type matrices are rigid: the distance is O(log d / d), far below 0.01.
    assert.ok(kolmogorovDistance(eigvalsh(gram(x)), law.cdf) < 0.01);
  });
});

describe('Ledoit–Péché overlap', () => {
  it('is 1 for Σ = I (every unit vector has vᵀv = 1)', () => {
    for (const s of [0.2, 1, 2.5])
      assert.ok(Math.abs(ledoitPecheOverlap(population([1]), 0.5, s) - 1) < 1e-9);
  });

  it('integrates to (1/d) tr Σ over the whole spectrum (Σ v̂ᵀΣv̂ = tr Σ)', () => {
    const pop = population([0.5, 1, 3, 6], [0.4, 0.3, 0.2, 0.1]);
    const law = sampleSpectrumLaw(pop, 0.3);
    const mean = 0.4 * 0.5 + 0.3 + 0.6 + 0.6;
    assert.ok(Math.abs(ledoitPecheTop(law.nodes, law.ratio, 1).energy - mean) < 1e-4 * mean);
  });
});
