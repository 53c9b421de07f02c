import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { matmul, svd } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { denseOperator } from '../../src/operators/linear-operator.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { cqrrpt } from '../../src/sketch/cqrrpt.js';
import { nystrom } from '../../src/sketch/nystrom.js';
import { qb, rangeFinder } from '../../src/sketch/range-finder.js';
import { rsvd } from '../../src/sketch/rsvd.js';
import { matrixWithSingularValues } from './theory-helpers.js';

const frobenius = (m: Matrix) => Math.sqrt(m.data.reduce((s, v) => s + v * v, 0));
const minus = (x: Matrix, y: Matrix) =>
  Matrix.fromRowMajor(
    x.rows,
    x.cols,
    x.data.map((v, i) => v - y.data[i]!),
  );
const orthonormalityError = (q: Matrix) => {
  const g = matmul(q, q, { transA: true });
  return frobenius(minus(g, Matrix.identity(g.rows)));
};

describe('randomized low-rank approximation', () => {
  const decay = Array.from({ length: 120 }, (_, j) => 0.8 ** j);
  const a = matrixWithSingularValues(300, decay, 'low-rank');

  it('rsvd recovers the leading singular values of a fast-decaying spectrum to 1e-8 relative', () => {
    const { u, s, vt } = rsvd(a, 10, { oversample: 10, power: 2, seed: 1 });
    for (let j = 0; j < 10; j++)
      assert.ok(Math.abs(s[j]! / decay[j]! - 1) < 1e-8, `σ${j}: ${s[j]}`);
    assert.ok(orthonormalityError(u) < 1e-12 && orthonormalityError(vt.transpose()) < 1e-12);
    assert.equal(u.cols, 10);
  });

  it('rsvd on the matrix and on its operator give the same factors for the same seed', () => {
    const direct = rsvd(a, 8, { power: 1, seed: 2 });
    const viaOperator = rsvd(denseOperator(a), 8, { power: 1, seed: 2 });
    for (let j = 0; j < 8; j++) assert.ok(Math.abs(direct.s[j]! - viaOperator.s[j]!) < 1e-12);
  });

  it('the QB error without power iterations is within the Halko–Martinsson–Tropp bound on average', () => {
    // E‖A − QQᵀA‖²_F ≤ (1 + k/(p − 1))·Σ_{j>k} σ_j²; mean of 60 seeds plus 3 standard errors.
    const k = 10;
    const p = 5;
    const tail = decay.slice(k).reduce((s, v) => s + v * v, 0);
    const errors = Array.from({ length: 60 }, (_, seed) => {
      const { q, b } = qb(a, k, { oversample: p, power: 0, seed });
      return frobenius(minus(a, matmul(q, b))) ** 2;
    });
    const mean = errors.reduce((s, v) => s + v, 0) / errors.length;
    const sd = Math.sqrt(errors.reduce((s, v) => s + (v - mean) ** 2, 0) / (errors.length - 1));
    assert.ok(
      mean <= (1 + k / (p - 1)) * tail + (3 * sd) / Math.sqrt(errors.length),
      `${mean} vs ${tail}`,
    );
  });

  it('the range finder returns orthonormal columns spanning an exactly low-rank range', () => {
    const lowRank = matmul(gaussianMatrix(200, 6, 'left'), gaussianMatrix(6, 150, 'right'));
    const q = rangeFinder(lowRank, 8, { power: 0, sketch: 'saso:4', seed: 3 });
    assert.ok(orthonormalityError(q) < 1e-12);
    const residual = minus(lowRank, matmul(q, matmul(q, lowRank, { transA: true })));
    assert.ok(frobenius(residual) < 1e-10 * frobenius(lowRank));
  });

  it('Nyström reproduces an exactly low-rank PSD matrix to 1e-9', () => {
    const factor = gaussianMatrix(100, 7, 'psd');
    const psd = matmul(factor, factor, { transB: true });
    const { u, values } = nystrom(psd, 7, { oversample: 5, seed: 4 });
    const scaled = Matrix.fromRowMajor(
      100,
      7,
      u.data.map((v, i) => v * values[i % 7]!),
    );
    assert.ok(frobenius(minus(psd, matmul(scaled, u, { transB: true }))) < 1e-9 * frobenius(psd));
  });

  it('Nyström stays below A and meets the Tropp–Yurtsever–Udell–Cevher trace-norm bound on average', () => {
    // E‖A − ⟦Â⟧_r‖_* ≤ (1 + r/(l − r − 1))·Σ_{j>r} λ_j; A − ⟦Â⟧_r ⪰ 0, so its trace norm is
    // tr A − Σ values. Mean of 40 seeds plus 3 standard errors.
    const sym = matrixWithSingularValues(150, decay, 'sym');
    const spd = matmul(sym, sym, { transA: true }); // 120×120, eigenvalues decay[j]²
    const lambda = decay.map((s) => s * s);
    const r = 5;
    const l = 15;
    const trace = lambda.reduce((s, v) => s + v, 0);
    const errors = Array.from({ length: 40 }, (_, seed) => {
      const { values } = nystrom(spd, r, { oversample: l - r, seed });
      values.forEach((v, j) => assert.ok(v <= lambda[j]! * (1 + 1e-10), `λ${j} above the truth`));
      return trace - values.reduce((s, v) => s + v, 0);
    });
    const mean = errors.reduce((s, v) => s + v, 0) / errors.length;
    const sd = Math.sqrt(errors.reduce((s, v) => s + (v - mean) ** 2, 0) / (errors.length - 1));
    const bound = (1 + r / (l - r - 1)) * lambda.slice(r).reduce((s, v) => s + v, 0);
    assert.ok(mean <= bound + (3 * sd) / Math.sqrt(errors.length), `${mean} vs bound ${bound}`);
  });

  it('CQRRPT factors A[:, perm] = QR with orthonormal Q and finds the numerical rank', () => {
    const scaled = gaussianMatrix(800, 40, 'cqrrpt');
    for (let i = 0; i < 800; i++)
      for (let j = 0; j < 40; j++) scaled.data[i * 40 + j]! *= 10 ** (-j / 8);
    const { q, r, perm, rank } = cqrrpt(scaled, { seed: 6 });
    assert.equal(rank, 40);
    assert.ok(orthonormalityError(q) < 1e-12);
    const permuted = Matrix.fromRowMajor(
      800,
      40,
      new Float64Array(800 * 40).map(
        (_, k) => scaled.data[Math.floor(k / 40) * 40 + perm[k % 40]!]!,
      ),
    );
    assert.ok(frobenius(minus(permuted, matmul(q, r))) < 1e-13 * frobenius(scaled));
    for (let i = 0; i < 40; i++) for (let j = 0; j < i; j++) assert.equal(r.get(i, j), 0);
    assert.deepEqual(
      [...perm].sort((x, y) => x - y),
      Array.from({ length: 40 }, (_, j) => j),
    );
    const deficient = matmul(gaussianMatrix(300, 12, 'def-l'), gaussianMatrix(12, 30, 'def-r'));
    assert.equal(cqrrpt(deficient, { seed: 7 }).rank, 12);
    assert.equal(svd(deficient).s.filter((v) => v > 1e-10).length, 12);
  });

  it('rejects bad ranks, oversampling, power and shapes, naming the argument', () => {
    const expect = (f: () => unknown, argument: string) =>
      assert.throws(
        f,
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument,
      );
    expect(() => rsvd(a, 0), 'rank');
    expect(() => rsvd(a, 500), 'rank');
    expect(() => rsvd(a, 5, { oversample: -1 }), 'oversample');
    expect(() => rsvd(a, 5, { power: 1.5 }), 'power');
    expect(() => rsvd(a, 5, { sketch: 'nope' }), 'sketch');
    expect(() => nystrom(a, 5), 'a');
    expect(() => cqrrpt(Matrix.zeros(3, 5)), 'a');
  });
});
