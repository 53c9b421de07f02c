import { InvalidArgumentError } from '../errors.js';

/**
 * Effective dimension d_λ = Σ_j λ_j/(λ_j + λ) of a covariance with eigenvalues λ_j
 * (docs/theory.md §16.5); at λ = 0 it is the number of positive eigenvalues (above 1e-12·max),
 * the rank. Under a rank-s factorisation with error ε_s, d_λ ≤ p + s + ε_s/λ.
 * @throws {InvalidArgumentError} naming 'lambda' when λ < 0 or NaN.
 * @example effectiveDimension([1, 1, 0.01], 0.1) // 1/1.1·2 + 0.01/0.11 ≈ 1.909
 */
export function effectiveDimension(eigenvalues: ArrayLike<number>, lambda: number): number {
  if (!(lambda >= 0)) throw new InvalidArgumentError('lambda', 'must be ≥ 0', lambda);
  let top = 0;
  for (let j = 0; j < eigenvalues.length; j++) top = Math.max(top, eigenvalues[j]!);
  let d = 0;
  for (let j = 0; j < eigenvalues.length; j++) {
    const v = Math.max(0, eigenvalues[j]!);
    if (lambda === 0) d += v > 1e-12 * top ? 1 : 0;
    else d += v / (v + lambda);
  }
  return d;
}
