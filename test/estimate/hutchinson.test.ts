import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnDots } from '../../src/estimate/columns.js';
import { hutchPlusPlus } from '../../src/estimate/hutch-plus-plus.js';
import { hutchinson } from '../../src/estimate/hutchinson.js';
import { probeBlock } from '../../src/estimate/probes.js';
import { matmul } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { denseOperator } from '../../src/operators/linear-operator.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { randomStream } from '../../src/random/stream.js';
import { symmetricOperator, symmetricWithEigenvalues } from './helpers.js';

// Monte Carlo checks use 4-standard-error bands computed from the sample size N; the band of a
// sample variance uses the sample fourth central moment, Var(s²) ≈ (m₄ − s⁴)/N.
const N = 4000;

function moments(x: Float64Array) {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const c2 = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1);
  const c4 = x.reduce((s, v) => s + (v - mean) ** 4, 0) / x.length;
  return { mean, variance: c2, fourth: c4 };
}

describe('hutchinson', () => {
  const n = 30;
  const g = gaussianMatrix(n, n, 31);
  const a = Matrix.fromRowMajor(
    n,
    n,
    g.data.map((v, k) => v + g.data[(k % n) * n + Math.floor(k / n)]!),
  );
  const trace = a.diag().reduce((s, v) => s + v, 0);
  const frob2 = a.data.reduce((s, v) => s + v * v, 0);
  const diag2 = a.diag().reduce((s, v) => s + v * v, 0);
  const op = denseOperator(a);

  for (const [kind, variance] of [
    ['rademacher', 2 * (frob2 - diag2)],
    ['gaussian', 2 * frob2],
  ] as const)
    it(`is unbiased with the per-probe variance ${kind === 'rademacher' ? '2(‖A‖_F² − Σa_ii²)' : '2‖A‖_F²'} (${kind}, ${N} probes)`, () => {
      const z = probeBlock(randomStream(32), n, 0, N, kind);
      const samples = columnDots(z, matmul(a, z));
      const m = moments(samples);
      assert.ok(
        Math.abs(m.mean - trace) <= 4 * Math.sqrt(variance / N),
        `mean ${m.mean} vs ${trace}`,
      );
      const band = 4 * Math.sqrt((m.fourth - m.variance ** 2) / N);
      assert.ok(
        Math.abs(m.variance - variance) <= band,
        `variance ${m.variance} vs ${variance} ± ${band}`,
      );
      const e = hutchinson(op, {
        probes: kind,
        seed: 32,
        minProbes: N,
        maxProbes: N,
        batchSize: 500,
      });
      assert.ok(Math.abs(e.value - m.mean) <= 1e-12 * Math.abs(m.mean));
      assert.ok(Math.abs(e.standardError - Math.sqrt(m.variance / N)) <= 1e-9 * e.standardError);
    });

  it('gives the same answer for the same seed whatever the batch size', () => {
    const options = { seed: 33, minProbes: 10, maxProbes: 400, rtol: 0.05 };
    const reference = hutchinson(op, options);
    for (const batchSize of [1, 3, 64]) {
      const e = hutchinson(op, { ...options, batchSize });
      assert.equal(e.probes, reference.probes);
      assert.ok(Math.abs(e.value - reference.value) <= 1e-12 * Math.abs(reference.value));
    }
  });
});

describe('hutchPlusPlus', () => {
  it('is exact for a matrix of rank ≤ sketchSize (the deflated part vanishes)', () => {
    const u = gaussianMatrix(50, 4, 34);
    const a = matmul(u, u, { transB: true });
    const trace = a.diag().reduce((s, v) => s + v, 0);
    const e = hutchPlusPlus(denseOperator(a), {
      sketchSize: 6,
      minProbes: 5,
      maxProbes: 5,
      seed: 1,
    });
    assert.ok(Math.abs(e.value - trace) <= 1e-10 * trace && e.standardError <= 1e-10 * trace);
  });

  it('is within 4 standard errors of the trace and beats Hutchinson on a decaying spectrum', () => {
    const values = Float64Array.from({ length: 80 }, (_, i) => 1 / (1 + i) ** 2);
    const op = symmetricOperator(symmetricWithEigenvalues(values, 35));
    const trace = values.reduce((s, v) => s + v, 0);
    for (let seed = 1; seed <= 5; seed++) {
      const e = hutchPlusPlus(op, { sketchSize: 10, minProbes: 20, maxProbes: 20, seed });
      assert.ok(
        Math.abs(e.value - trace) <= 4 * e.standardError,
        `seed ${seed}: ${e.value} vs ${trace}`,
      );
      // The same number of products (40) spent on Hutchinson alone has a larger standard error.
      const h = hutchinson(op, { minProbes: 40, maxProbes: 40, seed });
      assert.ok(e.standardError < h.standardError, `${e.standardError} vs ${h.standardError}`);
    }
  });
});
