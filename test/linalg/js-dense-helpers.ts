// Shared pieces of the JS dense-kernel tests: deterministic matrices, |A|·|B| for elementwise
// rounding-error bounds, and a closeness check that names the worst entry.
import assert from 'node:assert/strict';
import { Matrix } from '../../src/linalg/matrix.js';
import { lcgMatrix, naiveProduct } from './helpers.js';

export { lcgMatrix };

/** A well-conditioned SPD matrix XᵀX/(n + 8) + I/4 (eigenvalues in [1/4, 1/4 + ~n/12]). */
export function lcgSpd(n: number, seed: number): Matrix {
  const x = lcgMatrix(n + 8, n, seed);
  const a = naiveProduct(x.transpose(), x);
  for (let k = 0; k < a.data.length; k++) a.data[k] /= n + 8;
  for (let i = 0; i < n; i++) a.data[i * n + i] += 0.25;
  return a;
}

/**
 * A symmetric matrix with entries in [−0.5, 0.5) plus n/2 on the diagonal: SPD by Gershgorin, O(n²)
 * to build.
 */
export function lcgDominant(n: number, seed: number): Matrix {
  const m = lcgMatrix(n, n, seed);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) m.data[j * n + i] = m.data[i * n + j]!;
    m.data[i * n + i] += n / 2;
  }
  return m;
}

/** Entrywise |M|. */
export function abs(m: Matrix): Matrix {
  return Matrix.fromRowMajor(m.rows, m.cols, m.data.map(Math.abs));
}

/** |A|·|B|: the scale of the rounding error of the product A·B, entry by entry. */
export function absProduct(a: Matrix, b: Matrix): Matrix {
  return naiveProduct(abs(a), abs(b));
}

/**
 * Asserts |actual − expected| ≤ bound entrywise; `bound` is a matrix of per-entry bounds or one
 * number for all entries. The message names the worst entry relative to its bound.
 */
export function assertWithin(
  actual: Matrix,
  expected: Matrix,
  bound: Matrix | number,
  what: string,
): void {
  assert.equal(actual.rows, expected.rows, `${what}: rows`);
  assert.equal(actual.cols, expected.cols, `${what}: cols`);
  let worst = 0;
  let at = -1;
  for (let k = 0; k < actual.data.length; k++) {
    const b = typeof bound === 'number' ? bound : bound.data[k]!;
    const diff = Math.abs(actual.data[k]! - expected.data[k]!);
    if (diff <= b) continue; // NaN fails here too
    const ratio = diff / b;
    if (at < 0 || !(ratio <= worst)) {
      worst = ratio;
      at = k;
    }
  }
  if (at >= 0) {
    const b = typeof bound === 'number' ? bound : bound.data[at]!;
    assert.fail(
      `${what}: entry (${Math.floor(at / actual.cols)}, ${at % actual.cols}) is ${actual.data[at]}, expected ${expected.data[at]} within ${b}`,
    );
  }
}

/** `m` scaled by s (a fresh matrix). */
export function scaled(m: Matrix, s: number): Matrix {
  return Matrix.fromRowMajor(
    m.rows,
    m.cols,
    m.data.map((v) => v * s),
  );
}

/** The largest |entry|. */
export function maxAbs(m: Matrix): number {
  let r = 0;
  for (let k = 0; k < m.data.length; k++) r = Math.max(r, Math.abs(m.data[k]!));
  return r;
}
