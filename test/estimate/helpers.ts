import { matmul, qr } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { denseOperator, type LinearOperator } from '../../src/operators/linear-operator.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { randomStream } from '../../src/random/stream.js';

/** Q diag(values) Qᵀ for a Haar-like orthogonal Q from the QR of a seeded Gaussian matrix. */
export function symmetricWithEigenvalues(values: ArrayLike<number>, seed: number): Matrix {
  const n = values.length;
  const { q } = qr(gaussianMatrix(n, n, seed));
  const scaled = q.clone();
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scaled.data[i * n + j] *= values[j]!;
  const a = matmul(scaled, q, { transB: true });
  // Exact symmetry (the product is symmetric only to rounding).
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (a.data[i * n + j]! + a.data[j * n + i]!);
      a.data[i * n + j] = m;
      a.data[j * n + i] = m;
    }
  return a;
}

/** n values equally spaced in [lo, hi]. */
export function spread(n: number, lo: number, hi: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

export function symmetricOperator(a: Matrix): LinearOperator {
  return denseOperator(a, { symmetric: true });
}

/** Σ f(λ_i). */
export function traceOf(values: ArrayLike<number>, f: (x: number) => number): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += f(values[i]!);
  return s;
}

/**
 * The largest k with P(X < k) ≤ alpha for X ~ Binomial(n, p): a coverage count below k has
 * probability at most alpha when the true coverage is p.
 */
export function binomialLowerBound(n: number, p: number, alpha: number): number {
  let cdf = 0;
  let logC = 0; // ln C(n, k)
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log((n - k + 1) / k);
    const next = cdf + Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
    if (next > alpha) return k;
    cdf = next;
  }
  return n;
}

/** Relative difference |a − b| / |b|. */
export function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

/**
 * Kernel matrix of n seeded uniform points in [0, 1]^d plus nugget·I: k(r) = exp(−r²/(2ℓ²)) (RBF)
 * or exp(−r/ℓ) (exponential).
 */
export function kernelMatrix(
  kind: 'rbf' | 'exp',
  n: number,
  d: number,
  ell: number,
  nugget: number,
  seed: number,
): Matrix {
  const s = randomStream(seed);
  const x = Float64Array.from({ length: n * d }, () => s.uniform());
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let r2 = 0;
      for (let t = 0; t < d; t++) r2 += (x[i * d + t]! - x[j * d + t]!) ** 2;
      const v = kind === 'rbf' ? Math.exp(-r2 / (2 * ell * ell)) : Math.exp(-Math.sqrt(r2) / ell);
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  for (let i = 0; i < n; i++) a[i * n + i]! += nugget;
  return Matrix.fromRowMajor(n, n, a);
}
