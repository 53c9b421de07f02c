import { InvalidArgumentError } from '../errors.js';
import { eigh, matmul } from '../linalg/api.js';
import { assertFinite, type Matrix } from '../linalg/matrix.js';
import { type Activation, activation } from './activation.js';
import { gaussianExpectation } from './hermite.js';
import { featureKernel, type KernelOptions } from './kernel.js';

/** A random-feature regression problem on given data (rows of X are samples). */
export interface RandomFeaturesData {
  /** Training inputs, n×p (one sample per row). */
  x: Matrix;
  /** Training targets (n). */
  y: Float64Array;
  /** Test inputs, n̂×p (optional: without them only the training error is predicted). */
  xTest?: Matrix;
  /** Test targets (n̂). */
  yTest?: Float64Array;
  /** The activation: a name, a JS function or a resolved {@link Activation}. */
  activation: string | ((t: number) => number) | Activation;
}

/**
 * What the theory curve needs, computed once per data set: the eigenvalues λ (ascending) of
 * K = K_XX, the rotated targets Uᵀy, the rotated cross kernel UᵀK_{XX̂} (n×n̂) with its squared
 * row norms, and (1/n̂) tr K_{X̂X̂} (docs/theory.md §15).
 */
export interface RfSpectrum {
  n: number;
  values: Float64Array;
  yRotated: Float64Array;
  test?: {
    y: Float64Array;
    crossRotated: Matrix;
    crossNorms: Float64Array;
    meanTestDiagonal: number;
  };
}

/**
 * One eigendecomposition K = U diag(λ) Uᵀ of the training kernel and the projections the
 * train/test formulas reuse for every N/n and γ (cost O(n³ + n²n̂), then O(n·n̂) per point).
 * @throws {InvalidArgumentError} naming 'y' or 'yTest' (length differs from the rows of x or
 * xTest), 'xTest' (width differs, or given without yTest) or 'activation';
 * {NonFiniteError} naming 'x', 'xTest', 'y' or 'yTest'.
 * @example rfSpectrum({ x, y, xTest, yTest, activation: 'relu' }).values // eigenvalues of K
 */
export function rfSpectrum(data: RandomFeaturesData, options: KernelOptions = {}): RfSpectrum {
  const act = activation(data.activation);
  const { x, y, xTest, yTest } = data;
  assertFinite('x', x);
  checkTargets('y', y, x.rows);
  if ((xTest === undefined) !== (yTest === undefined))
    throw new InvalidArgumentError('xTest', 'and yTest must be given together');
  const k = featureKernel(act, x, undefined, options);
  const { values, vectors } = eigh(k);
  const yRotated = rotate(vectors, y);
  if (!xTest || !yTest) return { n: x.rows, values, yRotated };
  if (xTest.cols !== x.cols)
    throw new InvalidArgumentError('xTest', `must have ${x.cols} columns like x`, xTest.cols);
  checkTargets('yTest', yTest, xTest.rows);
  const cross = featureKernel(act, x, xTest, options);
  const crossRotated = matmul(vectors, cross, { transA: true });
  const m = xTest.rows;
  const crossNorms = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += crossRotated.data[i * m + j] ** 2;
    crossNorms[i] = s;
  }
  let trace = 0;
  for (let j = 0; j < m; j++) {
    const row = xTest.data.subarray(j * xTest.cols, (j + 1) * xTest.cols);
    let aa = 0;
    for (const v of row) aa += v * v;
    trace += diagonalEntry(act, aa);
  }
  return {
    n: x.rows,
    values,
    yRotated,
    test: { y: yTest, crossRotated, crossNorms, meanTestDiagonal: trace / m },
  };
}

/** E[φ(u)²], u ~ N(0, aa). */
function diagonalEntry(act: Activation, aa: number): number {
  if (act.kernel) return act.kernel(aa, aa, aa);
  const r = Math.sqrt(aa);
  return gaussianExpectation((t) => act.fn(r * t) ** 2);
}

function rotate(vectors: Matrix, y: Float64Array): Float64Array {
  const n = vectors.rows;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    for (let j = 0; j < n; j++) out[j] += vectors.data[i * n + j] * yi;
  }
  return out;
}

function checkTargets(name: string, y: Float64Array, rows: number): void {
  if (y.length !== rows)
    throw new InvalidArgumentError(name, `must have ${rows} values, one per sample`, y.length);
  for (let i = 0; i < y.length; i++)
    if (!Number.isFinite(y[i]))
      throw new InvalidArgumentError(name, `must be finite; entry ${i} is not`, y[i]);
}
