import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gaussQuadrature } from '../../src/estimate/gauss-quadrature.js';
import { lanczos } from '../../src/estimate/lanczos.js';
import { lanczosBlock } from '../../src/estimate/lanczos-block.js';
import { eigvalsh, matmul } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { spread, symmetricOperator, symmetricWithEigenvalues } from './helpers.js';

const EPS = 2 ** -52;
const tridiagonal = (alpha: Float64Array, beta: Float64Array) => {
  const m = alpha.length;
  const t = Matrix.diagonal(alpha);
  for (let i = 0; i + 1 < m; i++) t.data[i * m + i + 1] = t.data[(i + 1) * m + i] = beta[i]!;
  return t;
};

describe('lanczos', () => {
  const n = 40;
  const values = Float64Array.from(spread(n, 0.1, 4), (v, i) => v + 0.01 * Math.sin(i));
  const a = symmetricWithEigenvalues(values, 11);
  const op = symmetricOperator(a);
  const start = gaussianMatrix(n, 1, 12).data;
  const exact = eigvalsh(a);

  for (const mode of ['full', 'partial'] as const)
    it(`with ${mode} reorthogonalisation reproduces every eigenvalue of a 40×40 matrix to 100·ε·‖A‖`, () => {
      const r = lanczos(op, start, n, { reorthogonalize: mode });
      assert.equal(r.steps, n);
      const ritz = eigvalsh(tridiagonal(r.alpha, r.beta));
      for (let i = 0; i < n; i++)
        assert.ok(
          Math.abs(ritz[i]! - exact[i]!) <= 100 * EPS * 4,
          `λ${i}: ${ritz[i]} vs ${exact[i]}`,
        );
    });

  it('returns an orthonormal basis with QᵀAQ = T to 1e-13 (full reorthogonalisation)', () => {
    const r = lanczos(op, start, 15, { reorthogonalize: 'full', basis: true });
    const q = r.basis!;
    const qtq = matmul(q, q, { transA: true });
    const qtaq = matmul(q, matmul(a, q), { transA: true });
    const t = tridiagonal(r.alpha, r.beta);
    for (let k = 0; k < qtq.data.length; k++) {
      assert.ok(Math.abs(qtq.data[k]! - Matrix.identity(15).data[k]!) <= 1e-13);
      assert.ok(Math.abs(qtaq.data[k]! - t.data[k]!) <= 1e-13 * 4);
    }
    const q0 = q.col(0);
    const norm = Math.hypot(...start);
    for (let i = 0; i < n; i++) assert.ok(Math.abs(q0[i]! - start[i]! / norm) <= 1e-15);
  });

  it('without reorthogonalisation still finds the extreme eigenvalues to 1e-10', () => {
    const r = lanczos(op, start, n);
    const ritz = eigvalsh(tridiagonal(r.alpha, r.beta));
    assert.ok(
      Math.abs(ritz[0]! - exact[0]!) <= 1e-10 && Math.abs(ritz[n - 1]! - exact[n - 1]!) <= 1e-10,
    );
  });

  it('stops at an invariant subspace: 3 steps for a matrix with 3 distinct eigenvalues', () => {
    const three = symmetricWithEigenvalues(
      Float64Array.from({ length: 12 }, (_, i) => [1, 2, 5][i % 3]!),
      13,
    );
    const r = lanczos(symmetricOperator(three), gaussianMatrix(12, 1, 14).data, 10, {
      reorthogonalize: 'full',
    });
    assert.equal(r.steps, 3);
    const { nodes } = gaussQuadrature(r.alpha, r.beta);
    [1, 2, 5].forEach((v, i) => assert.ok(Math.abs(nodes[i]! - v) <= 1e-12));
  });

  it('runs a batch of starting vectors with the same tridiagonals as one run each, to 1e-13', () => {
    const starts = gaussianMatrix(n, 5, 15);
    for (const mode of ['none', 'full', 'partial'] as const) {
      const { runs } = lanczosBlock(op, starts, 25, { reorthogonalize: mode });
      for (let c = 0; c < 5; c++) {
        const single = lanczos(op, starts.col(c), 25, { reorthogonalize: mode });
        for (let j = 0; j < 25; j++)
          assert.ok(Math.abs(runs[c]!.alpha[j]! - single.alpha[j]!) <= 1e-13 * 4);
        for (let j = 0; j < 24; j++)
          assert.ok(Math.abs(runs[c]!.beta[j]! - single.beta[j]!) <= 1e-13 * 4);
      }
    }
  });
});

describe('gaussQuadrature', () => {
  it('gives the 3-point Gauss–Legendre rule from the Legendre Jacobi matrix (normalised weights)', () => {
    const beta = Float64Array.from([1, 2], (k) => k / Math.sqrt(4 * k * k - 1));
    const { nodes, weights } = gaussQuadrature(new Float64Array(3), beta);
    const expected = [-Math.sqrt(3 / 5), 0, Math.sqrt(3 / 5)];
    const w = [5 / 18, 8 / 18, 5 / 18];
    for (let k = 0; k < 3; k++) {
      assert.ok(Math.abs(nodes[k]! - expected[k]!) <= 4 * EPS);
      assert.ok(Math.abs(weights[k]! - w[k]!) <= 8 * EPS);
    }
  });

  it('integrates polynomials of degree 2m − 1 exactly: q₀ᵀA⁵q₀ from 3 Lanczos steps', () => {
    const a = symmetricWithEigenvalues(spread(20, 0.5, 2), 16);
    const start = gaussianMatrix(20, 1, 17).data;
    const r = lanczos(symmetricOperator(a), start, 3);
    const { nodes, weights } = gaussQuadrature(r.alpha, r.beta);
    let quad = 0;
    for (let k = 0; k < 3; k++) quad += weights[k]! * nodes[k]! ** 5;
    let v = Matrix.fromRowMajor(
      20,
      1,
      start.map((x) => x / r.startNorm),
    );
    const q0 = v.data.slice();
    for (let p = 0; p < 5; p++) v = matmul(a, v);
    const exact = q0.reduce((s, x, i) => s + x * v.data[i]!, 0);
    assert.ok(Math.abs(quad - exact) <= 1e-13 * Math.abs(exact), `${quad} vs ${exact}`);
  });
});
