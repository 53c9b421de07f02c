import { lstsqQr, matmul, qr, svd, triangularSolve } from '../../linalg/api.js';
import { Matrix } from '../../linalg/matrix.js';
import { gaussianMatrix } from '../../random/gaussian.js';
import type { RandomStream } from '../../random/stream.js';
import { parseSketch } from '../../sketch/distribution.js';
import { sketchingOperator } from '../../sketch/operator.js';
import { paramsKey } from '../keys.js';

/** A grid point of the sketching experiment: one sketch family and size l = ratio·d. */
export type SketchingPoint = { n: number; d: number; family: string; ratio: number; l: number };

/**
 * One sketching trial: the extreme singular values of S·U (U = orth(A)), the sketch-and-solve
 * excess ratio (‖Ax̃ − b‖² − ‖Ax* − b‖²)/‖Ax* − b‖², and the inversion bias
 * tr((AᵀSᵀSA)⁻¹·AᵀA)/d, the mean of 1/σ_i(S·U)².
 */
export type SketchingValues = { smax: number; smin: number; excess: number; bias: number };

/** Condition number of the column scaling of A: its columns shrink geometrically down to 1/100. */
const COLUMN_RANGE = 100;

/** The test problem of one trial: A, b, the R of A = QR and the optimal squared residual. */
interface Problem {
  a: Matrix;
  b: Float64Array;
  r: Matrix;
  optimal: number;
}

/**
 * Problems by data stream: every point of a seed shares one problem, and a worker meets each seed
 * once per point, so caching a sweep's worth of them saves a Gaussian draw and a QR per trial.
 */
const cache = new Map<string, Problem>();
/** Entries of A the cache may hold (64 MB). */
const CACHE_ENTRIES = 2 ** 23;

/**
 * The test problem of an (n, d): A = G·diag(100^(−j/(d−1))) for an n×d Gaussian G, so that A is
 * ill-conditioned (κ ≈ 100·κ(G)) but its range is Haar-distributed, and b = A·1 + N(0, I) noise.
 * It depends only on (n, d) and the trial's stream, so every family and sketch size of a trial
 * sketches the same problem (common random numbers).
 */
function problem(n: number, d: number, stream: RandomStream): Problem {
  const data = stream.child('data', paramsKey({ n, d }));
  const key = data.id.join(',');
  const hit = cache.get(key);
  if (hit) return hit;
  const a = gaussianMatrix(n, d, data.child('A'));
  for (let j = 0; j < d; j++) {
    const scale = COLUMN_RANGE ** (-j / Math.max(1, d - 1));
    for (let i = 0; i < n; i++) a.data[i * d + j]! *= scale;
  }
  const noise = gaussianMatrix(n, 1, data.child('noise')).data;
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = noise[i]!;
    for (let j = 0; j < d; j++) s += a.data[i * d + j]!;
    b[i] = s;
  }
  const { q, r } = qr(a);
  const xStar = triangularSolve(r, matmul(q, column(b), { transA: true })).data;
  const found = { a, b, r, optimal: residualSq(a, xStar, b) };
  while (cache.size > 0 && (cache.size + 1) * n * d > CACHE_ENTRIES)
    cache.delete(cache.keys().next().value!);
  cache.set(key, found);
  return found;
}

/**
 * Runs one trial (docs/theory.md §12.1, §12.2, §12.5): sketches [A | b] with the family's
 * l×n operator, forms S·U = (S·A)·R⁻¹ from A = Q·R, solves the sketched problem through the
 * QR of S·A (lstsqQr), and measures the four values.
 */
export function simulateSketching(params: SketchingPoint, stream: RandomStream): SketchingValues {
  const { n, d, family, l } = params;
  const { a, b, r, optimal } = problem(n, d, stream);
  const sketch = sketchingOperator(parseSketch(family), l, n, stream.child('sketch', family, l));
  const sab = sketch.applyLeft(appendColumn(a, b));
  const sa = sab.columns(0, d);
  const sb = sab.col(d);
  const s = svd(triangularSolve(r, sa, { side: 'right' })).s;
  let inverse = 0;
  for (const x of s) inverse += 1 / (x * x);
  const xTilde = lstsqQr(sa, column(sb)).data;
  return {
    smax: s[0]!,
    smin: s[d - 1]!,
    excess: (residualSq(a, xTilde, b) - optimal) / optimal,
    bias: inverse / d,
  };
}

function column(x: Float64Array): Matrix {
  return Matrix.fromRowMajor(x.length, 1, x);
}

/** [A | b] as an n×(d + 1) matrix. */
function appendColumn(a: Matrix, b: Float64Array): Matrix {
  const out = Matrix.zeros(a.rows, a.cols + 1);
  for (let i = 0; i < a.rows; i++) {
    out.data.set(a.data.subarray(i * a.cols, (i + 1) * a.cols), i * (a.cols + 1));
    out.data[i * (a.cols + 1) + a.cols] = b[i]!;
  }
  return out;
}

/** ‖A·x − b‖². */
function residualSq(a: Matrix, x: Float64Array, b: Float64Array): number {
  const ax = matmul(a, column(x)).data;
  let sum = 0;
  for (let i = 0; i < b.length; i++) sum += (ax[i]! - b[i]!) ** 2;
  return sum;
}
