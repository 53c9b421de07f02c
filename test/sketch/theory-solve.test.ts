import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matmul, qr, svd } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import {
  lowRankErrorFactor,
  sketchAndSolveExcessRisk,
  sketchAndSolveResidualFactor,
} from '../../src/sketch/theory-solve.js';
import {
  apply,
  gaussianSketch,
  leastSquares,
  matrixWithSingularValues,
  monteCarlo,
  normSq,
  report,
  Z,
} from './theory-helpers.js';

describe('sketch-and-solve least squares (docs/theory.md §12.2)', () => {
  // A fixed ill-conditioned A and a b off its range; only S varies with the seed.
  const [n, d] = [120, 8];
  const a = matrixWithSingularValues(n, [50, 20, 10, 5, 2, 1, 0.5, 0.1], 'A');
  const b = gaussianMatrix(n, 1, 'b').data.map((v, i) => v + 0.3 * (a.get(i, 0) + a.get(i, 3)));
  const xStar = leastSquares(a, b);
  const residual = (x: Float64Array) => normSq(apply(a, x).map((v, i) => v - b[i]!));
  const optimal = residual(xStar);

  for (const l of [16, 24, 40]) {
    it(`l = ${l}, d = ${d}: E‖Ax̃ − b‖² − ‖Ax* − b‖² = d/(l − d − 1)·‖Ax* − b‖² within 3 standard errors`, () => {
      const excess = monteCarlo((seed) => {
        const s = gaussianSketch(l, n, `S:${l}:${seed}`);
        const x = leastSquares(matmul(s, a), apply(s, b));
        return residual(x) - optimal;
      });
      const theory = sketchAndSolveExcessRisk(d, l, optimal);
      assert.ok(Math.abs(excess.mean - theory) <= Z * excess.stderr, report(theory, excess));
    });
  }

  it('the residual factor is 1 + d/(l − d − 1) and the excess is linear in the residual', () => {
    assert.equal(sketchAndSolveResidualFactor(10, 31), 1.5);
    assert.equal(sketchAndSolveExcessRisk(10, 31, 4), 2);
    assert.equal(sketchAndSolveExcessRisk(10, 31, 0), 0);
  });

  it('rejects l ≤ d + 1 and a negative residual, naming the argument', () => {
    assert.throws(
      () => sketchAndSolveExcessRisk(10, 11, 1),
      /l must be an integer > 11\. Value: 11/,
    );
    assert.throws(() => sketchAndSolveResidualFactor(0, 11), /invalid argument: d/);
    assert.throws(
      () => sketchAndSolveExcessRisk(10, 20, -1),
      /optimalResidualSq must be ≥ 0\. Value: -1/,
    );
    assert.throws(() => sketchAndSolveExcessRisk(10, 20, NaN), /optimalResidualSq/);
  });
});

describe('randomized range finder (docs/theory.md §12.4)', () => {
  // A = U diag(σ) Vᵀ with a decaying spectrum; Ω is an n×l Gaussian test matrix.
  const sigma = [10, 7, 5, 3, 2, 1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05];
  const [m, k, l] = [60, 4, 8];
  const a = matrixWithSingularValues(m, sigma, 'low-rank');
  const tail = sigma.slice(k).reduce((s, x) => s + x * x, 0);
  const factor = lowRankErrorFactor(k, l);
  const vt = svd(a).vt;

  it(`k = ${k}, l = ${l}: E‖A − QQᵀA‖²_F ≤ (1 + k/(l − k − 1))·‖A − A_k‖²_F within 3 standard errors`, () => {
    const err = monteCarlo((seed) => {
      const y = matmul(a, gaussianMatrix(sigma.length, l, `Omega:${seed}`));
      const q = qr(y).q;
      const proj = matmul(q, matmul(q, a, { transA: true }));
      return normSq(a.data.map((v, i) => v - proj.data[i]!));
    });
    assert.ok(err.mean <= factor * tail + Z * err.stderr, report(factor * tail, err));
    const bestRankL = sigma.slice(l).reduce((s, x) => s + x * x, 0);
    assert.ok(err.mean >= bestRankL, 'no rank-l projection beats the best rank-l approximation');
  });

  // The bound's proof (HMT Theorem 10.5) is the identity E[‖Σ₂‖²_F + ‖Σ₂Ω₂Ω₁⁺‖²_F] =
  // (1 + k/(p − 1))·‖Σ₂‖²_F, where Ω₁ = V_kᵀΩ and Ω₂ = V_⊥ᵀΩ: the factor itself, tested exactly.
  it(`k = ${k}, l = ${l}: the bound's right-hand side ‖Σ₂‖² + ‖Σ₂Ω₂Ω₁⁺‖² has mean (1 + k/(p − 1))·‖Σ₂‖² within 3 standard errors`, () => {
    const rhs = monteCarlo((seed) => {
      const omega = matmul(vt, gaussianMatrix(sigma.length, l, `Omega:${seed}`));
      const top = Matrix.fromRowMajor(k, l, omega.data.subarray(0, k * l));
      // Ω₁⁺ = Ω₁ᵀ(Ω₁Ω₁ᵀ)⁻¹; ‖Σ₂Ω₂Ω₁⁺‖² through the thin SVD of Ω₁.
      const { u, s, vt: w } = svd(top);
      const pinv = matmul(
        w,
        Matrix.fromRowMajor(
          k,
          k,
          u.data.map((x, i) => x / s[i % k]!),
        ),
        { transA: true, transB: true },
      );
      let sum = tail;
      const rest = matmul(Matrix.fromRowMajor(sigma.length - k, l, omega.data.slice(k * l)), pinv);
      for (let i = 0; i < rest.rows; i++)
        for (let j = 0; j < k; j++) sum += (sigma[k + i]! * rest.get(i, j)) ** 2;
      return sum;
    });
    assert.ok(Math.abs(rhs.mean - factor * tail) <= Z * rhs.stderr, report(factor * tail, rhs));
  });

  it('is 1 + k/(p − 1) and rejects oversampling p < 2 naming l', () => {
    assert.equal(lowRankErrorFactor(10, 15), 3.5);
    assert.throws(() => lowRankErrorFactor(10, 11), /l must be an integer > 11\. Value: 11/);
    assert.throws(() => lowRankErrorFactor(0, 5), /k must be an integer ≥ 1\. Value: 0/);
  });
});
