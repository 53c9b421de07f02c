import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar1Covariance } from '../../src/covariance/index.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { slqDensity } from '../../src/estimate/slq-density.js';
import { cholesky, eigh, eigvalsh, gram, matmul, spdInverse } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { randomStream } from '../../src/random/stream.js';
import { kolmogorovDistance } from '../../src/rmt/kolmogorov.js';
import { fitSsr } from '../../src/ssr/index.js';
import { choleskyInverseDiagonal } from '../../src/ssr/inverse-diagonal.js';
import { ssrSymmetricOperator } from '../../src/ssr/spectrum-operator.js';
import { ssrSpectrumSlq } from '../../src/ssr/spectrum-slq.js';

/** Q = (Σ̂ + λI)⁻¹ of uncentred data, by dpotri, and the dense S = I − D^{-1/2} Q D^{-1/2}. */
function denseForm(x: Matrix, lambda: number) {
  const d = x.cols;
  const a = gram(x);
  for (let k = 0; k < d; k++) a.data[k * d + k] += lambda;
  const q = spdInverse(a);
  const diag = q.diag();
  const s = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++)
      s.data[i * d + j] = (i === j ? 1 : 0) - q.data[i * d + j] / Math.sqrt(diag[i] * diag[j]);
  return { a, q, diag, s };
}

function gaussianBlock(rows: number, cols: number, seed: number): Matrix {
  const stream = randomStream(seed);
  return Matrix.fromRowMajor(
    rows,
    cols,
    Float64Array.from({ length: rows * cols }, () => stream.normal()),
  );
}

describe('choleskyInverseDiagonal', () => {
  it('equals diag((LLᵀ)⁻¹) from dpotri to 1e-12 relative, for 1, 3 and 8 column blocks', () => {
    const { a, diag } = denseForm(ar1Covariance(0.7, 200).sample(260, 3), 0.05);
    const l = cholesky(a);
    for (const blocks of [1, 3, 8]) {
      const got = choleskyInverseDiagonal(l, { blocks });
      got.forEach((v, k) => assert.ok(Math.abs(v - diag[k]) < 1e-12 * diag[k], `k=${k}`));
    }
  });
});

describe('ssrSymmetricOperator (M = I − D^{-1/2} Q D^{-1/2})', () => {
  const x = ar1Covariance(0.5, 150).sample(300, 4);
  const { s, diag } = denseForm(x, 0.1);

  it('reproduces the dense matrix’s products M·V and M·v to 1e-12', () => {
    const { operator, diagQ } = ssrSymmetricOperator(x, 0.1);
    diagQ.forEach((v, k) => assert.ok(Math.abs(v - diag[k]) < 1e-12 * diag[k]));
    const v = gaussianBlock(150, 7, 5);
    const want = matmul(s, v);
    const got = operator.matmat(v);
    want.data.forEach((w, i) => assert.ok(Math.abs(got.data[i] - w) < 1e-12, `entry ${i}`));
    const column = v.col(2);
    const single = operator.matvec(column);
    want.col(2).forEach((w, i) => assert.ok(Math.abs(single[i] - w) < 1e-12));
    assert.equal(operator.symmetric, true);
  });

  it('is similar to Â: Â = D^{1/2} M D^{-1/2} entrywise, and M’s eigenpairs give Â’s (d = 12)', () => {
    const small = ar1Covariance(0.6, 12).sample(30, 6);
    const { s: m, diag: q } = denseForm(small, 0.2);
    const aHat = fitSsr(small, { lambda: 0.2, centre: false }).A;
    for (let i = 0; i < 12; i++)
      for (let j = 0; j < 12; j++) {
        const similar = (Math.sqrt(q[i]) * m.get(i, j)) / Math.sqrt(q[j]);
        assert.ok(Math.abs(aHat.get(i, j) - similar) < 1e-12, `(${i}, ${j})`);
      }
    // Each eigenpair (a, w) of the symmetric M gives Â v = a v with v = D^{1/2} w: the 12
    // eigenvalues of M are Â's, with independent eigenvectors.
    const { values, vectors } = eigh(m);
    for (let c = 0; c < 12; c++) {
      const v = Float64Array.from({ length: 12 }, (_, i) => Math.sqrt(q[i]) * vectors.get(i, c));
      for (let i = 0; i < 12; i++) {
        let av = 0;
        for (let j = 0; j < 12; j++) av += aHat.get(i, j) * v[j];
        assert.ok(Math.abs(av - values[c] * v[i]) < 1e-12, `pair ${c}, row ${i}`);
      }
    }
    const sum = values.reduce((t, v) => t + v, 0); // tr Â = 0
    assert.ok(Math.abs(sum) < 1e-12 * 12);
  });

  it('rejects λ = 0 naming lambda', () => {
    assert.throws(
      () => ssrSymmetricOperator(x, 0),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'lambda',
    );
  });
});

describe('ssrSpectrumSlq', () => {
  const d = 300;
  const x = ar1Covariance(0.5, d).sample(2 * d, 1);
  const exact = eigvalsh(denseForm(x, 0.1).s);

  // Measured: 0.0079–0.0098 over probe seeds 1–3 (probe noise ≈ √(2F(1−F)/(d·p)) dominates).
  it('is within Kolmogorov distance 0.02 of the exact eigenvalues at d = 300 (200 probes × 80 steps)', () => {
    const est = ssrSpectrumSlq(x, 0.1, { probeCount: 200, lanczosSteps: 80, seed: 1 });
    const distance = kolmogorovDistance(exact, est.cdf);
    assert.ok(distance < 0.02, `distance ${distance}`);
    assert.equal(est.probes, 200);
    assert.equal(est.d, d);
    assert.ok(est.bounds[0] >= exact[0] - 1e-8 && est.bounds[1] <= exact[d - 1] + 1e-8);
  });

  it('has a distribution rising from 0 to 1 with positive error bars, the same in any batch', () => {
    const a = ssrSpectrumSlq(x, 0.1, { probeCount: 12, lanczosSteps: 30, seed: 2 });
    const b = ssrSpectrumSlq(x, 0.1, { probeCount: 12, lanczosSteps: 30, seed: 2, batchSize: 5 });
    const f = a.distribution;
    assert.ok(f[0] < 1e-3 && f[f.length - 1] > 1 - 1e-3);
    for (let i = 1; i < f.length; i++) assert.ok(f[i] >= f[i - 1] - 1e-15);
    const middle = a.grid.findIndex((g) => a.cdf(g) > 0.5);
    assert.ok(a.distributionStandardError[middle] > 0 && a.standardError[middle] > 0);
    a.density.forEach((v, i) => assert.ok(Math.abs(v - b.density[i]) < 1e-12));
    const h = a.grid[1] - a.grid[0];
    const mass = a.density.reduce((t, v) => t + v * h, 0);
    assert.ok(Math.abs(mass - 1) < 1e-3, `mass ${mass}`);
  });

  it('gives slqDensity’s density on the same operator for a fixed σ (1e-12)', () => {
    const options = { probeCount: 6, lanczosSteps: 20, seed: 3, sigma: 0.05 };
    const ours = ssrSpectrumSlq(x, 0.1, options);
    const theirs = slqDensity(ssrSymmetricOperator(x, 0.1).operator, {
      ...options,
      grid: ours.grid,
    });
    ours.density.forEach((v, i) => assert.ok(Math.abs(v - theirs.density[i]) < 1e-12));
    ours.standardError.forEach((v, i) => assert.ok(Math.abs(v - theirs.standardError[i]) < 1e-12));
  });
});
