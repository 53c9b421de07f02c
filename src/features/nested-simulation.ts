import { InvalidArgumentError } from '../errors.js';
import { eigh, gram, matmul, solveSpd } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import { activation } from './activation.js';
import { FEATURE_PARAMS } from './params.js';
import type { RandomFeaturesData } from './rf-spectrum.js';

/** Train and test MSE of one fit, per number of features N and ridge γ. */
export interface NestedFitPoint {
  features: number;
  gamma: number;
  train: number;
  test: number;
}

/**
 * One run of random-feature ridge regression for every N of a list, with nested features: the
 * first N rows of one W (max N × p, iid N(0, 1), drawn from `seed`) serve the fit with N
 * features, so each point has the distribution of an independent fit (docs/theory.md §15) while
 * the whole curve costs about one fit at the largest N. φ is applied once to W[X; X̂]ᵀ, block by
 * block between consecutive N; the Gram matrix [Σ Σ̂]ᵀ[Σ Σ̂]/n is accumulated block by block,
 * and each (N, γ > 0) is one Cholesky solve of the dual system (ΣᵀΣ/n + γI)a = y: training
 * residual y − Σᵀβ = γa, test predictions (Σ̂ᵀΣ/n)a (β = Σa/n). γ = 0 is the minimum-norm
 * solution from one eigendecomposition of ΣᵀΣ/n. Points across N of one run are correlated;
 * average runs with independent seeds for Monte Carlo errors.
 * @throws {InvalidArgumentError} naming 'features' (integers ≥ 1), 'gamma', 'xTest' (required)
 * or those of the activation.
 * @example simulateNestedFeatures({ x, y, xTest, yTest, activation: 'tanh' }, [64, 512], [1e-1], 7)
 */
export function simulateNestedFeatures(
  data: RandomFeaturesData,
  features: readonly number[],
  gammas: readonly number[],
  seed: Seed | RandomStream,
): NestedFitPoint[] {
  for (const N of features) FEATURE_PARAMS.features.check('features', N);
  for (const g of gammas) FEATURE_PARAMS.gamma.check('gamma', g);
  const { x, y, xTest, yTest } = data;
  if (!xTest || !yTest) throw new InvalidArgumentError('xTest', 'and yTest are required');
  const { fn } = activation(data.activation);
  if (features.length === 0) return [];
  const n = x.rows;
  const m = n + xTest.rows;
  const inputs = Matrix.zeros(m, x.cols); // [X; X̂]
  inputs.data.set(x.data);
  inputs.data.set(xTest.data, x.data.length);
  const order = [...new Set(features)].sort((a, b) => a - b);
  const w = gaussianMatrix(order[order.length - 1], x.cols, randomStream(seed));
  const moments = new Float64Array(m * m); // [Σ Σ̂]ᵀ[Σ Σ̂]/n so far
  const byFeatures = new Map<number, NestedFitPoint[]>();
  let done = 0;
  for (const N of order) {
    if (N > done) {
      const block = Matrix.fromRowMajor(
        N - done,
        x.cols,
        w.data.subarray(done * x.cols, N * x.cols),
      );
      const sigma = matmul(block, inputs, { transB: true }); // (N − done)×(n + n̂)
      const d = sigma.data;
      for (let k = 0; k < d.length; k++) d[k] = fn(d[k]);
      const g = gram(sigma, 1 / n).data;
      for (let k = 0; k < g.length; k++) moments[k] += g[k];
      done = N;
    }
    byFeatures.set(N, fitDual(moments, m, y, yTest, gammas, N));
  }
  return features.flatMap((N) => byFeatures.get(N)!);
}

/** Train and test MSE at every γ from the accumulated moments (dual form, docs/theory.md §15). */
function fitDual(
  moments: Float64Array,
  m: number,
  y: Float64Array,
  yTest: Float64Array,
  gammas: readonly number[],
  features: number,
): NestedFitPoint[] {
  const n = y.length;
  const kernel = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) kernel.data.set(moments.subarray(i * m, i * m + n), i * n);
  const cross = Matrix.zeros(m - n, n); // Σ̂ᵀΣ/n
  for (let i = n; i < m; i++) cross.data.set(moments.subarray(i * m, i * m + n), (i - n) * n);
  const target = Matrix.fromRowMajor(n, 1, y);
  return gammas.map((gamma) => {
    let residual: Float64Array;
    let a: Float64Array;
    if (gamma > 0) {
      const shifted = Matrix.fromRowMajor(n, n, kernel.data.slice()); // a copy: K serves every γ
      for (let i = 0; i < n; i++) shifted.data[i * n + i] += gamma;
      a = solveSpd(shifted, target).data;
      residual = a.map((v) => gamma * v);
    } else {
      a = minimumNorm(kernel, y);
      const fitted = matmul(kernel, Matrix.fromRowMajor(n, 1, a)).data;
      residual = y.map((v, i) => v - fitted[i]);
    }
    const predicted = matmul(cross, Matrix.fromRowMajor(n, 1, a)).data;
    let train = 0;
    for (const r of residual) train += (r * r) / n;
    let test = 0;
    for (let i = 0; i < yTest.length; i++) test += (yTest[i] - predicted[i]) ** 2 / yTest.length;
    return { features, gamma, train, test };
  });
}

/** K⁺y for symmetric PSD K, dropping eigenvalues below 1e-12 of the largest. */
function minimumNorm(k: Matrix, y: Float64Array): Float64Array {
  const { values, vectors } = eigh(k);
  const n = y.length;
  const max = values[n - 1];
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (values[j] <= 1e-12 * max) continue;
    let z = 0;
    for (let i = 0; i < n; i++) z += vectors.data[i * n + j] * y[i];
    z /= values[j];
    for (let i = 0; i < n; i++) out[i] += vectors.data[i * n + j] * z;
  }
  return out;
}
