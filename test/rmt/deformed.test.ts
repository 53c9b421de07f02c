import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eigh, matmul } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/index.js';
import { densePencil } from '../../src/rmt/deformed/dense-pencil.js';
import { deformedLaw } from '../../src/rmt/deformed/law.js';
import { diagonalPencil, generalPencil } from '../../src/rmt/deformed/pencil.js';
import { type DeformedRoot, solveDeformedRoot } from '../../src/rmt/deformed/root.js';
import { rootSummary } from '../../src/rmt/deformed/summary.js';
import { marchenkoPastur } from '../../src/rmt/laws/marchenko-pastur.js';
import { population } from '../../src/rmt/population.js';
import { sampleSpectrumLaw } from '../../src/rmt/sample-spectrum.js';
import { sampleSpectrumSupport } from '../../src/rmt/silverstein-edges.js';

describe('the real-axis solver of B + T^{1/2} W T^{1/2}', () => {
  it('gives the Marchenko–Pastur density (1e-10) and distribution function (1e-6) for B = 0, T = I', () => {
    for (const c of [0.25, 0.5, 0.9]) {
      const mp = marchenkoPastur(c);
      let previous: DeformedRoot | undefined;
      for (let x = 0.005; x < 4.5; x += 0.01) {
        const point = { eps: Float64Array.of(-x), q: Float64Array.of(1), w: Float64Array.of(1) };
        const root = solveDeformedRoot(point, c, previous);
        previous = root;
        assert.ok(root.converged);
        const { mIm, cdf } = rootSummary(point, c, root);
        assert.ok(Math.abs(mIm / Math.PI - mp.density(x)) < 1e-10, `density c=${c} x=${x}`);
        // The reference F is itself a 400-node quadrature (≈ 1e-6).
        assert.ok(Math.abs(cdf - mp.cdf(x)) < 2e-6, `cdf c=${c} x=${x}`);
      }
    }
  });

  it('finds the same edges as the Silverstein characterisation for a sample covariance (B = 0)', () => {
    const d = 600;
    const t = Float64Array.from({ length: d }, (_, k) => (k < 200 ? 5 : 1));
    const law = deformedLaw(diagonalPencil(new Float64Array(d), t, 0.1), 0.1);
    const exact = sampleSpectrumSupport(population(t), 0.1).intervals.flat();
    const found = law.components.flatMap((k) => [k.lo, k.hi]);
    assert.equal(found.length, exact.length);
    found.forEach((e, i) => assert.ok(Math.abs(e - exact[i]) < 1e-8 * exact[exact.length - 1]));
    const sil = sampleSpectrumLaw(population(t), 0.1);
    for (let x = 0.5; x < 9; x += 0.1) assert.ok(Math.abs(law.cdf(x) - sil.cdf(x)) < 1e-4);
    assert.ok(Math.abs(law.components.reduce((s, k) => s + k.mass, 0) - 1) < 1e-12);
  });

  it('finds atoms: B = bI, T = I with c > 1 puts mass 1 − 1/c at x = b', () => {
    const d = 100;
    const law = deformedLaw(
      diagonalPencil(new Float64Array(d).fill(0.3), new Float64Array(d).fill(1), 2),
      2,
    );
    const atom = law.components.find((k) => k.hi - k.lo < 1e-6);
    assert.ok(atom && Math.abs(atom.lo - 0.3) < 1e-6 && Math.abs(atom.mass - 0.5) < 1e-12);
  });

  it('dense pencil: is invariant under rotating T when B = bI, and matches the diagonal pencil', () => {
    const d = 40;
    const values = Float64Array.from({ length: d }, (_, k) => 0.5 + (k % 4));
    const q = eigh(
      matmul(gaussianMatrix(d, d, 5), gaussianMatrix(d, d, 5), { transA: true }),
    ).vectors;
    const rotated = matmul(matmul(q, Matrix.diagonal(values)), q, { transB: true });
    for (let i = 0; i < d; i++)
      for (let j = 0; j < i; j++) rotated.data[i * d + j] = rotated.data[j * d + i];
    const b = new Float64Array(d).fill(0.2);
    const general = deformedLaw(densePencil(b, rotated, 0.5, { exactWeights: true }), 0.5, {
      scanPoints: 40,
      gridPoints: 60,
    });
    const diagonal = deformedLaw(diagonalPencil(b, values, 0.5), 0.5);
    assert.equal(general.components.length, diagonal.components.length);
    general.components.forEach((k, i) => {
      assert.ok(
        Math.abs(k.lo - diagonal.components[i].lo) < 1e-4 &&
          Math.abs(k.hi - diagonal.components[i].hi) < 1e-4,
      );
    });
    general.grid.forEach((x, i) => {
      assert.ok(Math.abs(general.cdfValues[i] - diagonal.cdf(x)) < 1e-4, `F at ${x}`);
    });
  });

  it('general pencil: the difference weights agree with the exact Hellmann–Feynman weights', () => {
    const d = 30;
    const t = Matrix.zeros(d, d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) t.data[i * d + j] = 0.6 ** Math.abs(i - j);
    const b = Float64Array.from({ length: d }, (_, k) => 0.1 + 0.01 * k);
    const x = 1.3;
    const exact = generalPencil(b, t, 0.5, { exactWeights: true }).at(x, true);
    const diff = generalPencil(b, t, 0.5).at(x, true);
    exact.q.forEach((q, j) => assert.ok(Math.abs(diff.q[j] - q) < 1e-4 * q, `q_${j}`));
  });
});
