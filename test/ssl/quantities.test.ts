import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { matmul } from '../../src/linalg/api.js';
import {
  corollary11Bound,
  effectiveDimension,
  epsilonCovarianceTail,
  epsilonGaussian,
  exactMatching,
  populationRidge,
  sampleSsl,
  spearman,
  sqrtDiagonal,
  sslModel,
} from '../../src/ssl/index.js';

const EPS = 2.2e-16;

describe('ε_s of the linear-Gaussian redundancy', () => {
  it('equals the ε_s put into the model to 1e3·ε, for every ε', () => {
    for (const epsilon of [0, 0.1, 1, 3.5]) {
      const model = sslModel({ d1: 30, d2: 40, p: 3, s: 2, epsilon }, 4);
      const value = epsilonGaussian(model.redundancy, 2);
      assert.ok(
        Math.abs(value - epsilon) <= 1e3 * EPS * Math.max(1, epsilon),
        `${value} vs ${epsilon}`,
      );
    }
  });
  it('weights by the input covariance: scaling the tail inputs by 4 scales ε_s by 4', () => {
    const model = sslModel({ d1: 12, d2: 20, p: 2, s: 2, epsilon: 0.5, tailRank: 2 }, 1);
    const v = Array.from({ length: 12 }, (_, j) => (j >= 4 && j < 6 ? 4 : 1));
    const weighted = epsilonGaussian(model.redundancy, 2, sqrtDiagonal(v));
    assert.ok(Math.abs(weighted - 2) < 1e-12, `${weighted}`);
  });
  it('the sample Eckart–Young stand-in agrees with the exact value within 5 Monte Carlo σ', () => {
    // Tail of the uncentred second moment of ψ*(X₁) beyond p + s: each tail direction has variance
    // ε/t estimated from m draws with relative sd √(2/m); the sum over t has sd ε·√(2/(m·t)).
    const epsilon = 0.8;
    const model = sslModel({ d1: 30, d2: 40, p: 3, s: 2, epsilon, tailRank: 4 }, 2);
    const m = 4000;
    const x1 = sampleSsl(model, m, 9).x1;
    const stand = epsilonCovarianceTail(matmul(x1, model.gamma, { transB: true }), 5);
    const sd = epsilon * Math.sqrt(2 / (m * 4));
    assert.ok(Math.abs(stand - epsilon) <= 5 * sd + 0.02 * epsilon, `${stand} vs ${epsilon}`);
  });
});

describe('effective dimension and the Corollary 11 bound', () => {
  it('d_λ of the population Σ_ψ stays below p + s + ε_s/λ', () => {
    for (const epsilon of [0, 0.2, 2]) {
      const model = sslModel({ d1: 30, d2: 40, p: 3, s: 2, epsilon }, 3);
      const lambda = 0.05;
      const d = effectiveDimension(populationRidge(model, lambda).eigenvalues, lambda);
      assert.ok(d <= 5 + epsilon / lambda + 1e-12, `${d}`);
    }
    assert.equal(effectiveDimension([2, 1, 0], 0), 2);
  });
  it('writes out C·σ̃²·(p+s)(1+ε/λ)/n with C = 2', () => {
    const b = corollary11Bound({
      n: 100,
      lambda: 0.1,
      p: 3,
      s: 2,
      epsilon: 0.1,
      sigma2: 1,
      errorStar: 0,
      bias: 0.01,
    });
    assert.ok(Math.abs(b.variance - (2 * 10) / 100) < 1e-15);
    assert.ok(Math.abs(b.total - 0.21) < 1e-15);
  });
  it('rejects n < p naming n', () => {
    assert.throws(
      () =>
        corollary11Bound({
          n: 2,
          lambda: 0,
          p: 3,
          s: 0,
          epsilon: 0,
          sigma2: 1,
          errorStar: 0,
          bias: 0,
        }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'n',
    );
  });
});

describe('exact matching (Proposition 5)', () => {
  it('holds with error* = 0 for full-rank C_h and fails with error* = 1/3 when two of three labels merge', () => {
    const full = sslModel({ d1: 20, d2: 30, p: 3, s: 2 }, 1);
    assert.equal(exactMatching(full.encoding, full.gamma).holds, true);
    const merged = sslModel({ d1: 20, d2: 30, p: 3, s: 2, encodingRank: 2 }, 1);
    const check = exactMatching(merged.encoding, merged.gamma);
    assert.equal(check.encodingRank, 2);
    assert.ok(Math.abs(check.errorStar - 1 / 3) < 1e-12);
    assert.ok(Math.abs(populationRidge(merged, 0).errorStar - 1 / 3) < 1e-12);
  });
  it('throws naming encoding when a rank-deficient encoding is asked to match exactly', () => {
    const merged = sslModel({ d1: 20, d2: 30, p: 3, s: 2, encodingRank: 2 }, 1);
    assert.throws(
      () => exactMatching(merged.encoding, merged.gamma, { require: true }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'encoding',
    );
  });
});

describe('bad model input', () => {
  it('names s when s > d₂, and epsilon when it is negative', () => {
    const named = (arg: string) => (e: unknown) =>
      e instanceof InvalidArgumentError && e.argument === arg;
    assert.throws(() => sslModel({ d1: 50, d2: 10, p: 2, s: 11 }, 1), named('s'));
    assert.throws(() => sslModel({ d1: 50, d2: 10, p: 2, s: 9 }, 1), named('s'));
    assert.throws(() => sslModel({ d1: 50, d2: 40, p: 2, s: 2, epsilon: -1 }, 1), named('epsilon'));
  });
  it('computes Spearman ρ with ties', () => {
    assert.equal(spearman([1, 2, 3], [10, 30, 20]), 0.5);
    assert.equal(spearman([1, 2, 3, 4], [1, 1, 2, 3]) > 0.9, true);
  });
});
