import { InvalidArgumentError, NonFiniteError } from '../errors.js';
import type { SpectralDensity } from '../estimate/density.js';
import { eigvalsh } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';

/** What a free-form fit can start from: eigenvalues, a symmetric matrix, or a density estimate. */
export type SpectralInput = ArrayLike<number> | Matrix | SpectralDensity;

/**
 * A spectrum as weighted points: the eigenvalues with weights 1/n, or the grid of an SLQ/KPM
 * density with trapezoid weights ρ_i·Δx_i (renormalised to sum 1). `size` is the matrix order n_s.
 */
export interface SpectralSample {
  points: Float64Array;
  weights: Float64Array;
  size: number;
  /** Smallest and largest point carrying weight. */
  range: [number, number];
  /** The sorted eigenvalues when the input had them (support detection uses them). */
  eigenvalues?: Float64Array;
}

/**
 * Normalises the input of {@link freeForm}: a Matrix is diagonalised (symmetric solver), an
 * array is taken as eigenvalues, a {@link SpectralDensity} needs `size` (its matrix order).
 * @throws {InvalidArgumentError} ('eigenvalues') for fewer than 4 values, ('size') when a density
 *   comes without a positive integer size, ('density') for a negative or all-zero density.
 * @throws {NonFiniteError} naming the first non-finite eigenvalue, matrix entry or density value.
 * @example spectralSample([1, 2, 3, 4]).weights // 0.25 each
 */
export function spectralSample(input: SpectralInput, size?: number): SpectralSample {
  if (input instanceof Matrix) {
    if (input.rows !== input.cols)
      throw new InvalidArgumentError('matrix', 'must be square', `${input.rows}×${input.cols}`);
    for (let i = 0; i < input.data.length; i++)
      if (!Number.isFinite(input.data[i]!))
        throw new NonFiniteError(
          'matrix',
          Math.floor(i / input.cols),
          i % input.cols,
          input.data[i]!,
        );
    return spectralSample(eigvalsh(input));
  }
  if ('grid' in input && 'density' in input) return densitySample(input, size);
  const eigenvalues = Float64Array.from(input as ArrayLike<number>);
  if (eigenvalues.length < 4)
    throw new InvalidArgumentError(
      'eigenvalues',
      'must have at least 4 values',
      eigenvalues.length,
    );
  eigenvalues.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new NonFiniteError('eigenvalues', i, 0, v);
  });
  eigenvalues.sort();
  const n = eigenvalues.length;
  return {
    points: eigenvalues,
    weights: new Float64Array(n).fill(1 / n),
    size: n,
    range: [eigenvalues[0]!, eigenvalues[n - 1]!],
    eigenvalues,
  };
}

function densitySample(d: SpectralDensity, size?: number): SpectralSample {
  if (size === undefined || !Number.isSafeInteger(size) || size < 4)
    throw new InvalidArgumentError('size', 'must be an integer ≥ 4 for a density input', size);
  const { grid, density } = d;
  const n = grid.length;
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(density[i]!) || !Number.isFinite(grid[i]!))
      throw new NonFiniteError('density', i, 0, density[i]!);
    if (density[i]! < 0) throw new InvalidArgumentError('density', 'must be ≥ 0', density[i]);
    const left = i > 0 ? grid[i]! - grid[i - 1]! : 0;
    const right = i < n - 1 ? grid[i + 1]! - grid[i]! : 0;
    weights[i] = (density[i]! * (left + right)) / 2;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new InvalidArgumentError('density', 'must have positive mass', total);
  for (let i = 0; i < n; i++) weights[i]! /= total;
  const carrying = Array.from(grid).filter((_, i) => weights[i]! > 0);
  return {
    points: Float64Array.from(grid),
    weights,
    size,
    range: [Math.min(...carrying), Math.max(...carrying)],
  };
}
