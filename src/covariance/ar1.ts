import { COVARIANCE_PARAMS } from '../constraints.js';
import { Matrix } from '../linalg/matrix.js';
import { gaussianRows } from '../random/gaussian.js';
import { type CovarianceModel, limitModel, matrixModel } from './model.js';
import { symbolSpectrum } from './symbol.js';

/**
 * The AR(1) covariance Σ_ij = ρ^|i−j| (docs/theory.md §5). Finite d: the exact matrix, whose theory
 * uses its eigendecomposition, sampled exactly by the recursion x₁ = z₁,
 * x_k = ρ x_{k−1} + √(1−ρ²) z_k (O(nd) instead of a d×d factor). d = ∞: the spectral symbol
 * f(ω) = (1−ρ²)/(1 − 2ρ cos ω + ρ²) on a midpoint quadrature.
 * @param d a positive integer or `Infinity`.
 * @throws {InvalidArgumentError} naming 'rho' unless −1 < ρ < 1, or 'd'.
 * @example ar1Covariance(0.5, Infinity).spectrum() // d-free theory in milliseconds
 * @example ar1Covariance(0.5, 500).sample(1000, 7) // 1000×500 AR(1) rows
 */
export function ar1Covariance(rho: number, d: number): CovarianceModel {
  COVARIANCE_PARAMS.rho.check('rho', rho);
  const name = `ar1:${rho}`;
  if (d === Infinity) {
    const symbol = (w: number) => (1 - rho * rho) / (1 - 2 * rho * Math.cos(w) + rho * rho);
    return limitModel(
      name,
      `AR(1) covariance Σ_ij = ${rho}^|i−j| in the d → ∞ limit (spectral symbol)`,
      symbolSpectrum(symbol, { argument: 'rho' }),
    );
  }
  COVARIANCE_PARAMS.d.check('d', d);
  // d powers instead of d² (a worker builds Σ before its first trial), the same bits.
  const powers = Float64Array.from({ length: d }, (_, k) => rho ** k);
  const sigma = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) sigma.data[i * d + j] = powers[Math.abs(i - j)];
  const innovation = Math.sqrt(1 - rho * rho);
  return matrixModel(name, `AR(1) covariance Σ_ij = ${rho}^|i−j|, d = ${d}`, sigma, {
    sample(n, seed) {
      // Each block of rows is recursed as soon as it is drawn, while it is in the cache.
      return gaussianRows(n, d, seed, (data, first, count) => {
        let i = first;
        for (; i + 4 <= first + count; i += 4) recurseFourRows(data, i * d, d, rho, innovation);
        for (; i < first + count; i++) recurseRow(data, i * d, d, rho, innovation);
      });
    },
  });
}

// The recursion x_k = ρ x_{k−1} + √(1−ρ²) z_k in place on the row at `start`, carrying x_{k−1} in
// a variable instead of reading it back from memory.
function recurseRow(a: Float64Array, start: number, d: number, rho: number, c: number): void {
  let previous = a[start];
  for (let k = start + 1; k < start + d; k++) {
    previous = rho * previous + c * a[k];
    a[k] = previous;
  }
}

// Four rows side by side: each row is a chain of dependent multiply-adds, and interleaving four
// independent chains keeps the floating-point units busy (3–4× faster than row by row, the same
// operations in the same order, so the same bits).
function recurseFourRows(a: Float64Array, start: number, d: number, rho: number, c: number) {
  const r0 = start;
  const r1 = r0 + d;
  const r2 = r1 + d;
  const r3 = r2 + d;
  let p0 = a[r0];
  let p1 = a[r1];
  let p2 = a[r2];
  let p3 = a[r3];
  for (let k = 1; k < d; k++) {
    p0 = rho * p0 + c * a[r0 + k];
    a[r0 + k] = p0;
    p1 = rho * p1 + c * a[r1 + k];
    a[r1 + k] = p1;
    p2 = rho * p2 + c * a[r2 + k];
    a[r2 + k] = p2;
    p3 = rho * p3 + c * a[r3 + k];
    a[r3 + k] = p3;
  }
}
