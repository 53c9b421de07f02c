import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { matmul, qr, svd, triangularSolve } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { norm2 } from '../../src/linalg/vector.js';
import { defaultEmbedding } from '../../src/sketch/embedding.js';
import { lstsq } from '../../src/sketch/lstsq.js';
import { sketchingOperator } from '../../src/sketch/operator.js';
import {
  gaussianVector,
  geometric,
  normalEquationsResidual,
  pseudoInverseSolve,
  relativeDifference,
  residualNorm,
} from './matrices.js';
import { matrixWithSingularValues } from './theory-helpers.js';

describe('lstsq', () => {
  const a = matrixWithSingularValues(600, geometric(20, 100), 'lstsq-a');
  const b = gaussianVector(600, 2);
  const exact = pseudoInverseSolve(a, b);

  // Forward error from backward error (docs/theory.md §12.3 stops on η = ‖Aᵀr‖/(‖A‖₂‖r‖)): the
  // optimum x* has Aᵀ(b − Ax*) = 0, so x − x* = −(AᵀA)⁻¹Aᵀr and ‖x − x*‖ ≤ ‖Aᵀr‖/σ_min² =
  // κ²·η·‖r‖/‖A‖₂, exactly. Here ‖A‖₂ = 1 and κ = 100, so the bound is κ²‖Aᵀr‖, with ‖Aᵀr‖
  // measured here (not taken from the solver) for x and for the SVD reference, whose η ~ 1e-15 is
  // its own error. With η ≤ 1e-10 the bound allows about 1e-7 relative, which is all the
  // tolerance option promises; on seeds 1–12 the errors sit at 0.2–1.4 % of the bound (it assumes
  // Aᵀr along the smallest singular direction) and 'direct' at 0.5 %.
  const kappa = 100;
  const forwardErrorBound = (x: Float64Array) =>
    (kappa ** 2 * (normalEquationsResidual(a, b, x) + normalEquationsResidual(a, b, exact))) /
    norm2(exact);

  for (const method of ['direct', 'sketch-precondition'] as const)
    it(`${method} matches the SVD solution within κ²·η·‖r‖/‖A‖ of its backward error η`, () => {
      for (const seed of [3, 4, 5]) {
        const result = lstsq(a, b, { method, seed });
        const error = relativeDifference(result.x, exact);
        assert.ok(
          error <= forwardErrorBound(result.x),
          `${error} vs ${forwardErrorBound(result.x)}`,
        );
        assert.ok(result.backwardError <= 1e-10, `${result.backwardError}`);
        assert.ok(result.converged);
      }
    });

  it('sketch-solve returns the exact minimiser of the sketched problem ‖S(Ax − b)‖', () => {
    const result = lstsq(a, b, {
      method: 'sketch-solve',
      sketch: 'gaussian',
      embedding: 3,
      seed: 4,
    });
    const s = sketchingOperator({ kind: 'gaussian' }, 60, 600, 4).toDense();
    const sketched = pseudoInverseSolve(
      matmul(s, a),
      matmul(s, Matrix.fromRowMajor(600, 1, b)).data,
    );
    assert.equal(result.sketchSize, 60);
    assert.ok(relativeDifference(result.x, sketched) <= 1e-10);
    assert.ok(result.residualNorm >= residualNorm(a, exact, b) * (1 - 1e-12));
  });

  for (const sketch of ['gaussian', 'uniform', 'rademacher', 'saso:8', 'srht', 'laso:leverage'])
    it(`sketch-precondition with ${sketch} reaches backward error 1e-10 within 60 iterations at cond(A) = 1e8`, () => {
      const hard = matrixWithSingularValues(3000, geometric(60, 1e8), 'lstsq-hard');
      const c = gaussianVector(3000, 6);
      const result = lstsq(hard, c, { sketch, embedding: 2, seed: 7 });
      assert.ok(result.converged, `backward error ${result.backwardError}`);
      assert.ok(result.backwardError <= 1e-10);
      assert.ok(result.iterations <= 60, `${result.iterations} iterations`);
      const optimal = residualNorm(hard, pseudoInverseSolve(hard, c), c);
      assert.ok(Math.abs(result.residualNorm - optimal) <= 1e-9 * optimal);
      assert.ok(result.matrixConditionEstimate! > 1e7 && result.matrixConditionEstimate! < 1e9);
    });

  it('the LSRN (SVD) preconditioner reaches the same optimum as the QR one', () => {
    const hard = matrixWithSingularValues(3000, geometric(60, 1e8), 'lstsq-hard');
    const c = gaussianVector(3000, 6);
    const svdResult = lstsq(hard, c, { preconditioner: 'svd', seed: 7 });
    const qrResult = lstsq(hard, c, { preconditioner: 'qr', seed: 7 });
    assert.ok(svdResult.converged && svdResult.backwardError <= 1e-10);
    assert.ok(Math.abs(svdResult.residualNorm / qrResult.residualNorm - 1) < 1e-9);
    assert.ok(Math.abs(svdResult.conditionEstimate! / qrResult.conditionEstimate! - 1) < 1e-6);
  });

  it('LSQR converges at the rate √(d/l) of docs/theory.md §12.3: within 2·ln(2/ε)/ln(l/d) iterations', () => {
    // The bound is CG's with κ = (1 + √(d/l))/(1 − √(d/l)); on 3 seeds the counts sit at 65–95 %
    // of it, so a slower rate fails the upper side and the lower side checks the rate is not
    // loose by a factor of 2.
    const hard = matrixWithSingularValues(3000, geometric(60, 1e8), 'lstsq-hard');
    const c = gaussianVector(3000, 6);
    for (const embedding of [2, 4, 8])
      for (const seed of [1, 2, 3]) {
        const { iterations } = lstsq(hard, c, { sketch: 'gaussian', embedding, seed });
        const bound = (2 * Math.log(2 / 1e-10)) / Math.log(embedding);
        assert.ok(iterations <= bound && iterations >= bound / 2, `${iterations} vs ${bound}`);
      }
  });

  it('estimates cond(A·R⁻¹) within 5 % of its exact value for the same sketch', () => {
    const hard = matrixWithSingularValues(4000, geometric(50, 1e6), 'lstsq-cond');
    const result = lstsq(hard, gaussianVector(4000, 9), {
      sketch: 'gaussian',
      embedding: 2,
      seed: 10,
    });
    const s = sketchingOperator({ kind: 'gaussian' }, 100, 4000, 10).toDense();
    const { r } = qr(matmul(s, hard));
    // (A·R⁻¹)ᵀ = R⁻ᵀ·Aᵀ: its singular values are those of A·R⁻¹.
    const sv = svd(triangularSolve(r, hard.transpose(), { trans: true })).s;
    const exact = sv[0]! / sv[sv.length - 1]!;
    assert.ok(
      Math.abs(result.conditionEstimate! / exact - 1) < 0.05,
      `${result.conditionEstimate} vs ${exact}`,
    );
  });

  it('chooses a large sketch for tall narrow A, a small one for wide A, never above m rows', () => {
    assert.equal(defaultEmbedding(100000, 500, 1e-10), 12);
    assert.equal(defaultEmbedding(50000, 1000, 1e-10), 8);
    assert.equal(defaultEmbedding(10000, 2000, 1e-10), 3);
    assert.ok(defaultEmbedding(50000, 1000, 1e-4) <= defaultEmbedding(50000, 1000, 1e-10));
    assert.equal(defaultEmbedding(500, 200, 1e-10), 2);
    for (const [m, d] of [
      [1000, 300],
      [700, 100],
      [90, 40],
    ])
      assert.ok(
        Math.ceil(defaultEmbedding(m!, d!, 1e-10) * d!) <= m! ||
          defaultEmbedding(m!, d!, 1e-10) === 2,
      );
  });

  it('gives the same answer for the same seed, and another for another seed', () => {
    const first = lstsq(a, b, { method: 'sketch-solve', seed: 11 });
    assert.deepEqual(lstsq(a, b, { method: 'sketch-solve', seed: 11 }).x, first.x);
    assert.notDeepEqual(lstsq(a, b, { method: 'sketch-solve', seed: 12 }).x, first.x);
  });

  it('rejects bad input with errors that name the argument', () => {
    const expect = (f: () => unknown, argument: string) =>
      assert.throws(
        f,
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument,
      );
    expect(() => lstsq(Matrix.zeros(5, 8), new Float64Array(5)), 'a');
    expect(() => lstsq(a, new Float64Array(599)), 'b');
    expect(() => lstsq(a, b, { method: 'qr' as never }), 'method');
    expect(() => lstsq(a, b, { sketch: 'countsketch' }), 'sketch');
    expect(() => lstsq(a, b, { embedding: 1 }), 'embedding');
    expect(() => lstsq(a, b, { embedding: 0.5 }), 'embedding');
    expect(() => lstsq(a, b, { tolerance: 0 }), 'tolerance');
    expect(() => lstsq(a, b, { rcond: -1 }), 'rcond');
    const nan = b.slice();
    nan[7] = Number.NaN;
    expect(() => lstsq(a, nan), 'b');
    const bad = a.clone();
    bad.data[3] = Number.POSITIVE_INFINITY;
    expect(() => lstsq(bad, b), 'a');
    // A repeated column makes A rank deficient: every method refuses it.
    const deficient = a.clone();
    for (let i = 0; i < 600; i++) deficient.data[i * 20 + 19] = deficient.data[i * 20]!;
    for (const method of ['direct', 'sketch-solve', 'sketch-precondition'] as const)
      expect(() => lstsq(deficient, b, { method }), 'a');
  });
});
