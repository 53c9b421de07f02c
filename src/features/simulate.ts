import { InvalidArgumentError } from '../errors.js';
import { eigh, gram, matmul } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import { activation } from './activation.js';
import { FEATURE_PARAMS } from './params.js';
import type { RandomFeaturesData } from './rf-spectrum.js';

/** Monte Carlo mean and standard error of the MSEs at one (N, γ). */
export interface RfSimulationPoint {
  features: number;
  ratio: number;
  gamma: number;
  train: number;
  trainError: number;
  test: number;
  testError: number;
  runs: number;
}

/**
 * Random-feature ridge regression fitted `runs` times with independent seeded W (N×p, iid
 * N(0, 1); run r uses stream split(r) of `seed`, so any run is reproducible alone): features
 * Σ = φ(WXᵀ), β = (ΣΣᵀ/n + γI)⁻¹Σy/n, training MSE (1/n)‖y − Σᵀβ‖² and test MSE
 * (1/n̂)‖ŷ − Σ̂ᵀβ‖² (docs/theory.md §15). Per run and N, one eigendecomposition of the smaller of
 * ΣᵀΣ/n and ΣΣᵀ/n serves every γ; γ = 0 is the minimum-norm (pseudo-inverse) solution.
 * Reports the mean over runs and its standard error s/√runs.
 * @throws {InvalidArgumentError} naming 'features' (integers ≥ 1), 'gamma', 'runs', 'xTest'
 * (required) or those of the activation.
 * @example simulateRandomFeatures({ x, y, xTest, yTest, activation: 'relu' }, [64, 512], [1e-1], { runs: 10, seed: 1 })
 */
export function simulateRandomFeatures(
  data: RandomFeaturesData,
  features: readonly number[],
  gammas: readonly number[],
  options: { runs?: number; seed?: Seed | RandomStream } = {},
): RfSimulationPoint[] {
  const { runs = 10, seed = 0 } = options;
  FEATURE_PARAMS.features.check('runs', runs);
  for (const N of features) FEATURE_PARAMS.features.check('features', N);
  for (const g of gammas) FEATURE_PARAMS.gamma.check('gamma', g);
  const { x, y, xTest, yTest } = data;
  if (!xTest || !yTest) throw new InvalidArgumentError('xTest', 'and yTest are required');
  const { fn } = activation(data.activation);
  const n = x.rows;
  const sums = features.map(() => gammas.map(() => ({ tr: [] as number[], te: [] as number[] })));
  const root = randomStream(seed);
  for (let run = 0; run < runs; run++) {
    const stream = root.split(run);
    features.forEach((N, a) => {
      const w = gaussianMatrix(N, x.cols, stream.split(N));
      const sigma = apply(matmul(w, x, { transB: true }), fn); // N×n
      const sigmaTest = apply(matmul(w, xTest, { transB: true }), fn); // N×n̂
      const fits = fitAll(sigma, sigmaTest, y, gammas, n);
      fits.forEach(({ train, test }, g) => {
        sums[a][g].tr.push(mse(y, train));
        sums[a][g].te.push(mse(yTest, test));
      });
    });
  }
  const points: RfSimulationPoint[] = [];
  gammas.forEach((gamma, g) => {
    features.forEach((N, a) => {
      const tr = meanAndError(sums[a][g].tr);
      const te = meanAndError(sums[a][g].te);
      points.push({
        features: N,
        ratio: N / n,
        gamma,
        train: tr.mean,
        trainError: tr.error,
        test: te.mean,
        testError: te.error,
        runs,
      });
    });
  });
  return points;
}

/** Predictions on the training and test inputs for every γ, from one eigendecomposition. */
function fitAll(
  sigma: Matrix,
  sigmaTest: Matrix,
  y: Float64Array,
  gammas: readonly number[],
  n: number,
) {
  const N = sigma.rows;
  let values: Float64Array;
  let trainMap: Matrix; // predictions = trainMap·(z/(μ+γ)), likewise testMap
  let testMap: Matrix;
  let z: Float64Array;
  if (N >= n) {
    const e = eigh(gram(sigma, 1 / n)); // ΣᵀΣ/n = U μ Uᵀ
    values = e.values;
    z = matvecT(e.vectors, y);
    trainMap = Matrix.zeros(n, n); // U·diag(μ): a column scaling, not a gemm
    for (let i = 0; i < n; i++)
      for (let k = 0; k < n; k++) trainMap.data[i * n + k] = e.vectors.data[i * n + k] * values[k];
    testMap = matmul(matmul(sigmaTest, sigma, { transA: true, alpha: 1 / n }), e.vectors);
  } else {
    const e = eigh(matmul(sigma, sigma, { transB: true, alpha: 1 / n })); // ΣΣᵀ/n = V μ Vᵀ
    values = e.values;
    const sy = new Float64Array(N);
    for (let i = 0; i < N; i++)
      for (let j = 0; j < n; j++) sy[i] += (sigma.data[i * n + j] * y[j]) / n;
    z = matvecT(e.vectors, sy);
    trainMap = matmul(sigma, e.vectors, { transA: true });
    testMap = matmul(sigmaTest, e.vectors, { transA: true });
  }
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  return gammas.map((gamma) => {
    const coef = Float64Array.from(values, (mu, k) =>
      gamma === 0 && mu <= 1e-12 * max ? 0 : z[k] / (mu + gamma),
    );
    return { train: times(trainMap, coef), test: times(testMap, coef) };
  });
}

function apply(m: Matrix, fn: (t: number) => number): Matrix {
  const d = m.data;
  for (let k = 0; k < d.length; k++) d[k] = fn(d[k]);
  return m;
}

function times(a: Matrix, v: Float64Array): Float64Array {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let j = 0; j < a.cols; j++) s += a.data[i * a.cols + j] * v[j];
    out[i] = s;
  }
  return out;
}

function matvecT(a: Matrix, v: Float64Array): Float64Array {
  const out = new Float64Array(a.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) out[j] += a.data[i * a.cols + j] * v[i];
  return out;
}

function mse(y: Float64Array, p: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - p[i]) ** 2;
  return s / y.length;
}

function meanAndError(v: number[]): { mean: number; error: number } {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  if (v.length < 2) return { mean, error: NaN };
  const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1);
  return { mean, error: Math.sqrt(variance / v.length) };
}
