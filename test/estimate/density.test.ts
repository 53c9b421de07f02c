import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jacksonCoefficients, kpmDensity } from '../../src/estimate/kpm-density.js';
import { slqDensity } from '../../src/estimate/slq-density.js';
import { spectrumBounds } from '../../src/estimate/spectrum-bounds.js';
import { studentQuantile } from '../../src/estimate/student-t.js';
import { eigvalsh, gram } from '../../src/linalg/api.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { symmetricOperator } from './helpers.js';

// Pointwise checks against the exact smoothed density use a Bonferroni band over the G grid
// points: |estimate − exact| ≤ t_{1−0.001/(2G), p−1}·standardError at every point fails with
// probability below 0.1 % for an unbiased estimate of p i.i.d. probes (normal approximation).
const band = (points: number, probes: number) =>
  studentQuantile(1 - 0.001 / (2 * points), probes - 1);

describe('spectral densities', () => {
  const n = 80;
  const a = gram(gaussianMatrix(2 * n, n, 51));
  const op = symmetricOperator(a);
  const values = eigvalsh(a);

  it('spectrumBounds encloses the spectrum, within 5 % of its width', () => {
    const [lo, hi] = spectrumBounds(op, { seed: 1 });
    const width = values[n - 1]! - values[0]!;
    assert.ok(lo <= values[0]! && hi >= values[n - 1]!, `[${lo}, ${hi}]`);
    assert.ok(values[0]! - lo <= 0.05 * width && hi - values[n - 1]! <= 0.05 * width);
  });

  it('Jackson coefficients start at 1 and decrease to nearly 0', () => {
    const g = jacksonCoefficients(50);
    assert.ok(Math.abs(g[0]! - 1) <= 1e-15);
    for (let k = 1; k < 50; k++) assert.ok(g[k]! < g[k - 1]!);
    assert.ok(g[49]! < 0.01);
  });

  it('the KPM density integrates to 1 (Gauss–Chebyshev quadrature on the bounds, to 1e-12)', () => {
    const bounds: [number, number] = [values[0]! - 0.1, values[n - 1]! + 0.1];
    const first = kpmDensity(op, { bounds, moments: 60, probeCount: 5, points: 2 });
    const [lo, hi] = first.bounds;
    const center = (lo + hi) / 2;
    const h = (hi - lo) / 2;
    const q = 200;
    const x = Float64Array.from({ length: q }, (_, j) => Math.cos((Math.PI * (j + 0.5)) / q));
    const grid = x.map((t) => center + h * t);
    const { density } = kpmDensity(op, { bounds, moments: 60, probeCount: 5, grid });
    const integral = density.reduce(
      (s, r, j) => s + (Math.PI / q) * h * Math.sqrt(1 - x[j]! ** 2) * r,
      0,
    );
    assert.ok(Math.abs(integral - 1) <= 1e-12, `${integral}`);
  });

  it('the KPM density matches the exact Jackson-smoothed density within a Bonferroni band', () => {
    const m = 40;
    const probes = 60;
    const e = kpmDensity(op, { moments: m, probeCount: probes, points: 100, seed: 2 });
    const [lo, hi] = e.bounds;
    const c = (lo + hi) / 2;
    const h = (hi - lo) / 2;
    const g = jacksonCoefficients(m);
    const mu = new Float64Array(m); // exact moments (1/n) Σ T_k(x_i)
    for (const v of values) {
      const x = (v - c) / h;
      for (let k = 0; k < m; k++) mu[k] += Math.cos(k * Math.acos(x)) / n;
    }
    const t = band(e.grid.length, probes);
    e.grid.forEach((lambda, p) => {
      const x = (lambda - c) / h;
      let s = g[0]! * mu[0]!;
      for (let k = 1; k < m; k++) s += 2 * g[k]! * mu[k]! * Math.cos(k * Math.acos(x));
      const exact = s / (Math.PI * h * Math.sqrt(1 - x * x));
      assert.ok(
        Math.abs(e.density[p]! - exact) <= t * e.standardError[p]! + 1e-12,
        `at ${lambda}: ${e.density[p]} vs ${exact}`,
      );
    });
  });

  it('the SLQ density matches the exact Gaussian-smoothed density within a Bonferroni band and integrates to 1', () => {
    const sigma = 0.1;
    const probes = 40;
    const grid = Float64Array.from(
      { length: 101 },
      (_, i) => values[0]! - 1 + ((values[n - 1]! - values[0]! + 2) * i) / 100,
    );
    const e = slqDensity(op, {
      sigma,
      probeCount: probes,
      lanczosSteps: n,
      reorthogonalize: 'full',
      grid,
      seed: 3,
    });
    const t = band(grid.length, probes);
    grid.forEach((x, p) => {
      let exact = 0;
      for (const v of values)
        exact += Math.exp(-0.5 * ((x - v) / sigma) ** 2) / (n * sigma * Math.sqrt(2 * Math.PI));
      assert.ok(
        Math.abs(e.density[p]! - exact) <= t * e.standardError[p]! + 1e-12,
        `at ${x}: ${e.density[p]} vs ${exact}`,
      );
    });
    const fine = slqDensity(op, { probeCount: 10, lanczosSteps: 30, sigma, points: 4000, seed: 4 });
    const wide = Float64Array.from(
      { length: 4001 },
      (_, i) =>
        fine.bounds[0] - 12 * sigma + ((fine.bounds[1] - fine.bounds[0] + 24 * sigma) * i) / 4000,
    );
    const d = slqDensity(op, {
      probeCount: 10,
      lanczosSteps: 30,
      sigma,
      grid: wide,
      seed: 4,
    }).density;
    const integral = d.reduce(
      (s, r, i) => s + (i === 0 || i === 4000 ? 0.5 : 1) * r * (wide[1]! - wide[0]!),
      0,
    );
    assert.ok(Math.abs(integral - 1) <= 1e-10, `${integral}`);
  });
});
