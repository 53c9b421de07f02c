import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar1Covariance } from '../../src/covariance/index.js';
import { ssrPointTheory } from '../../src/experiments/defs/ssr-trial.js';
import { SIM_ALPHAS } from '../../web/src/montecarlo.js';
import { type SimPoint, simulate, simulateSpectrum } from '../../web/src/sim.js';

describe('explorer Monte Carlo overlay', () => {
  it('agrees with the deterministic equivalent within 4 standard errors plus the measured finite-n allowance', () => {
    const d = 60;
    const points: SimPoint[] = [];
    const progress: number[] = [];
    simulate(
      { spec: { kind: 'ar1', rho: 0.5 }, d, lambda: 0.1, alphas: SIM_ALPHAS, trials: 20, seed: 7 },
      (done) => progress.push(done),
      (p) => points.push(p),
    );
    assert.equal(points.length, SIM_ALPHAS.length);
    assert.deepEqual(
      progress,
      Array.from({ length: SIM_ALPHAS.length * 20 }, (_, i) => i + 1),
    );
    const form = ar1Covariance(0.5, d).spectrum();
    for (const p of points) {
      const { point, finiteSize } = ssrPointTheory(form, d, p.n / d, 0.1);
      assert.ok(
        Math.abs(p.genMean - point.genError) <= 4 * p.genSe + finiteSize('gen'),
        `α = ${p.alpha}: gen ${p.genMean} ± ${p.genSe} vs ${point.genError}`,
      );
      assert.ok(
        Math.abs(p.trainMean - point.trainError) <= 4 * p.trainSe + finiteSize('train'),
        `α = ${p.alpha}: train ${p.trainMean} ± ${p.trainSe} vs ${point.trainError}`,
      );
    }
  });

  it('reproduces the same numbers for the same seed', () => {
    const run = () => {
      const out: SimPoint[] = [];
      simulate(
        {
          spec: { kind: 'spiked', theta: 2, seed: 0 },
          d: 30,
          lambda: 0.05,
          alphas: [0.5, 2],
          trials: 3,
          seed: 3,
        },
        () => {},
        (p) => out.push(p),
      );
      return out;
    };
    assert.deepEqual(run(), run());
  });

  it('refuses dimensions above 400', () => {
    assert.throws(
      () =>
        simulate(
          { spec: { kind: 'ar1', rho: 0.5 }, d: 401, lambda: 0.1, alphas: [1], trials: 2, seed: 1 },
          () => {},
          () => {},
        ),
      /2 ≤ d ≤ 400/,
    );
  });

  it('pools eigenvalues of Â into a histogram of total mass 1 whose mean is 0 (diag Â = 0, so tr Â = 0)', () => {
    let ticks = 0;
    const h = simulateSpectrum(
      { spec: { kind: 'ar1', rho: 0.5 }, d: 50, lambda: 0.1, alphas: [], trials: 3, seed: 2 },
      2,
      () => ticks++,
    );
    assert.equal(ticks, 3);
    assert.equal(h.n, 100);
    const width = h.bins[1]!.x - h.bins[0]!.x;
    const mass = h.bins.reduce((a, b) => a + b.density * width, 0);
    assert.ok(Math.abs(mass - 1) <= 1e-12, `mass ${mass}`);
    // Binning moves each value by at most half a bin width.
    const mean = h.bins.reduce((a, b) => a + b.x * b.density * width, 0);
    assert.ok(Math.abs(mean) <= width / 2, `mean ${mean}, bin width ${width}`);
  });
});
