import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { simulateNestedFeatures } from '../../src/features/nested-simulation.js';
import { eigh, matmul } from '../../src/linalg/api.js';
import { setBlasThreads } from '../../src/linalg/backend.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { sphereRows } from '../../src/random/sphere.js';
import { randomStream } from '../../src/random/stream.js';

let blasThreads: ReturnType<typeof setBlasThreads>;
before(() => {
  blasThreads = setBlasThreads(1);
});
after(() => {
  if (blasThreads) setBlasThreads(blasThreads);
});

const n = 40;
const p = 12;
const x = sphereRows(n, p, 1);
const xTest = sphereRows(30, p, 2);
const y = Float64Array.from({ length: n }, (_, i) => Math.sin(3 * x.data[i * p]) + (i % 3) - 1);
const yTest = Float64Array.from({ length: 30 }, (_, i) => Math.sin(3 * xTest.data[i * p]));
const data = { x, y, xTest, yTest, activation: 'tanh' };

/** Primal ridge fit β = (ΣΣᵀ/n + γI)⁺Σy/n on the first N rows of W, by one eigendecomposition. */
function primal(w: Matrix, N: number, gamma: number) {
  const rows = Matrix.fromRowMajor(N, p, w.data.subarray(0, N * p));
  const phi = (m: Matrix) => {
    m.data.forEach((v, k) => {
      m.data[k] = Math.tanh(v);
    });
    return m;
  };
  const s = phi(matmul(rows, x, { transB: true }));
  const st = phi(matmul(rows, xTest, { transB: true }));
  const { values, vectors } = eigh(matmul(s, s, { transB: true, alpha: 1 / n }));
  const sy = matmul(s, Matrix.fromRowMajor(n, 1, y), { alpha: 1 / n });
  const z = matmul(vectors, sy, { transA: true }).data;
  const max = values[N - 1];
  const c = z.map((v, k) =>
    gamma === 0 && values[k] <= 1e-12 * max ? 0 : v / (values[k] + gamma),
  );
  const beta = matmul(vectors, Matrix.fromRowMajor(N, 1, c));
  const mse = (m: Matrix, t: Float64Array) => {
    const pred = matmul(m, beta, { transA: true }).data;
    return t.reduce((a, v, i) => a + (v - pred[i]) ** 2, 0) / t.length;
  };
  return { train: mse(s, y), test: mse(st, yTest) };
}

describe('nested random-feature simulation (one W for every N)', () => {
  it('equals the primal ridge fit on the first N rows of the same W to 1e-9 relative, N < n, N = n and N > n, γ = 1e-1, 1e-5 and 0 away from N = n', () => {
    const features = [10, 25, 40, 90];
    const gammas = [1e-1, 1e-5, 0];
    const fits = simulateNestedFeatures(data, features, gammas, 9);
    const w = gaussianMatrix(90, p, randomStream(9));
    for (const fit of fits) {
      if (fit.gamma === 0 && fit.features === n) continue; // the ridgeless peak
      const ref = primal(w, fit.features, fit.gamma);
      for (const key of ['train', 'test'] as const) {
        const scale = Math.max(Math.abs(ref[key]), 1e-6);
        assert.ok(
          Math.abs(fit[key] - ref[key]) <= 1e-9 * scale + 1e-12,
          `N=${fit.features} γ=${fit.gamma} ${key}: ${fit[key]} vs ${ref[key]}`,
        );
      }
    }
  });
  it('is nested: the fit at N inside a longer list equals the fit at N alone (same seed)', () => {
    const alone = simulateNestedFeatures(data, [25], [1e-2], 4)[0];
    const inside = simulateNestedFeatures(data, [90, 25, 60], [1e-2], 4)[1];
    assert.equal(inside.features, 25);
    assert.ok(Math.abs(alone.test - inside.test) <= 1e-12 * alone.test);
  });
  it('rejects missing test data and bad N or γ naming the argument', () => {
    assert.throws(
      () => simulateNestedFeatures({ ...data, xTest: undefined }, [4], [1], 0),
      /xTest/,
    );
    assert.throws(() => simulateNestedFeatures(data, [0], [1], 0), /features/);
    assert.throws(() => simulateNestedFeatures(data, [4], [-1], 0), /gamma/);
  });
});
