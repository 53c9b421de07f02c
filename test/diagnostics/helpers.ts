import { readFileSync } from 'node:fs';
import { readNpz } from '../../src/io/npz.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { randomStream } from '../../src/random/stream.js';

const DIR = new URL('../fixtures/diagnostics/', import.meta.url).pathname;

/** The fixture matrices (float32 values as float64) and permutations of diagnostics_fixtures.py. */
export function fixtureMatrices(): {
  matrices: Map<string, Matrix>;
  permutations: Map<string, Int32Array>;
} {
  const arrays = readNpz(`${DIR}matrices.npz`);
  const matrices = new Map<string, Matrix>();
  const permutations = new Map<string, Int32Array>();
  for (const [name, a] of arrays) {
    if (name.startsWith('perm_')) permutations.set(name.slice(5), Int32Array.from(a.data));
    else matrices.set(name, Matrix.fromRowMajor(a.shape[0]!, a.shape[1]!, a.data));
  }
  return { matrices, permutations };
}

/** Metrics computed by bench/diagnose_numpy.py for each fixture matrix. */
export const expectedMetrics = JSON.parse(readFileSync(`${DIR}expected.json`, 'utf8')) as Record<
  string,
  {
    plain: Record<string, unknown>;
    fingers: Record<string, unknown>;
    tpl?: Record<string, unknown>;
    evals: number[];
  }
>;

/**
 * An N×M matrix with singular values √λ: diag(√λ) padded with zero rows, then mixed by two
 * Householder reflections on each side (orthogonal, so the spectrum is exactly λ up to rounding,
 * and every entry is non-zero like a trained weight).
 */
export function matrixWithSpectrum(lambda: ArrayLike<number>, N: number, seed: number): Matrix {
  const M = lambda.length;
  const w = Matrix.zeros(N, M);
  for (let i = 0; i < M; i++) w.data[i * M + i] = Math.sqrt(lambda[i]!);
  const stream = randomStream(seed);
  for (let r = 0; r < 2; r++) {
    reflectRows(w, unit(stream, N));
    reflectCols(w, unit(stream, M));
  }
  return w;
}

/** n draws of a Pareto law with density ∝ x^{−α} on [xmin, ∞). */
export function pareto(n: number, alpha: number, xmin: number, seed: number): Float64Array {
  const s = randomStream(seed);
  return Float64Array.from({ length: n }, () => xmin * (1 - s.uniform()) ** (-1 / (alpha - 1)));
}

function unit(stream: ReturnType<typeof randomStream>, n: number): Float64Array {
  const v = stream.fill(new Float64Array(n), 'normal');
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** W ← (I − 2vvᵀ)W */
function reflectRows(w: Matrix, v: Float64Array): void {
  const { rows, cols, data } = w;
  const t = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j] += v[i]! * data[i * cols + j]!;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) data[i * cols + j] -= 2 * v[i]! * t[j]!;
}

/** W ← W(I − 2vvᵀ) */
function reflectCols(w: Matrix, v: Float64Array): void {
  const { rows, cols, data } = w;
  for (let i = 0; i < rows; i++) {
    let t = 0;
    for (let j = 0; j < cols; j++) t += data[i * cols + j]! * v[j]!;
    for (let j = 0; j < cols; j++) data[i * cols + j] -= 2 * t * v[j]!;
  }
}

/** n draws of the truncated power law ∝ x^{−α}e^{−λx} on [1, ∞), by rejection from Pareto(α). */
export function truncatedPareto(
  n: number,
  alpha: number,
  lambda: number,
  seed: number,
): Float64Array {
  const s = randomStream(seed);
  const out = new Float64Array(n);
  for (let k = 0; k < n; ) {
    const x = (1 - s.uniform()) ** (-1 / (alpha - 1));
    if (s.uniform() < Math.exp(-lambda * (x - 1))) out[k++] = x;
  }
  return out;
}
