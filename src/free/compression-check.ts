import { InvalidArgumentError } from '../errors.js';
import { type CompressedSpectrum, compressSpectrum } from './compress-spectrum.js';

/** Does the free model hold for a matrix? Its own compression against a sub-matrix's spectrum. */
export interface CompressionCheck {
  /** τ = (sub-matrix order)/(matrix order). */
  factor: number;
  /** Kolmogorov–Smirnov distance sup|F_τ − F_sub| (a lower bound of the total variation). */
  ks: number;
  /** ks ≤ `tolerance`: the free model describes this matrix at this ratio. */
  consistent: boolean;
  /** Predicted and actual quantiles of the sub-matrix spectrum at q = 0.1, 0.25, 0.5, 0.75, 0.9. */
  quantiles: { q: number; predicted: number; actual: number }[];
  compressed: CompressedSpectrum;
}

/** KS distance above which {@link compressionCheck} reports the free model as not holding. */
export const COMPRESSION_TOLERANCE = 0.05;

/**
 * The applicability test of free decompression (docs/theory.md §14.5), run inside the sample:
 * the exact free compression ({@link compressSpectrum}) of an n_s×n_s matrix's eigenvalues to
 * the order of one of its principal sub-matrices (random rows and columns, or the leading block
 * when the order is random) against that sub-matrix's eigenvalues. Decompression is the inverse
 * of this map; where the compression of the true spectrum misses the observed one (KS > 5 %),
 * no fit, glue or solver can make the decompressed density right, since both distributions
 * differ from the model's by at least that much. For Wishart and GOE matrices the KS is ≈ 1 %;
 * for kernel Gram matrices of real data it is 11–16 % (Fashion-MNIST: RBF, Laplace, ReLU
 * NNGP and NTK), 21–23 % from the true 2¹⁴ RBF spectrum to 2¹⁰: their low eigenvectors are
 * localized, not in free position against row sampling (docs/free-decompression.md).
 * @throws {InvalidArgumentError} ('subEigenvalues') unless 4 ≤ sub order < matrix order.
 * @example compressionCheck(eigvalsh(a), eigvalsh(leadingBlock(a, 256))).ks
 */
export function compressionCheck(
  eigenvalues: ArrayLike<number>,
  subEigenvalues: ArrayLike<number>,
  tolerance = COMPRESSION_TOLERANCE,
  points = 400,
): CompressionCheck {
  const n = eigenvalues.length;
  const sub = Float64Array.from(subEigenvalues).sort();
  if (!(sub.length >= 4 && sub.length < n))
    throw new InvalidArgumentError(
      'subEigenvalues',
      `must have between 4 and ${n - 1} values (fewer than the matrix)`,
      sub.length,
    );
  const factor = sub.length / n;
  const compressed = compressSpectrum(eigenvalues, factor, points);
  const { grid, cdf } = compressed;
  const total = cdf[cdf.length - 1]!;
  const predictedCdf = (x: number) => {
    if (x <= grid[0]!) return 0;
    if (x >= grid[grid.length - 1]!) return 1;
    let j = 1;
    while (grid[j]! < x) j++;
    const t = (x - grid[j - 1]!) / (grid[j]! - grid[j - 1]!);
    return (cdf[j - 1]! * (1 - t) + cdf[j]! * t) / total;
  };
  let ks = 0;
  sub.forEach((x, j) => {
    const f = predictedCdf(x);
    ks = Math.max(ks, Math.abs(f - j / sub.length), Math.abs(f - (j + 1) / sub.length));
  });
  const quantile = (q: number) => {
    let j = 1;
    while (j < grid.length - 1 && cdf[j]! / total < q) j++;
    const a = cdf[j - 1]! / total;
    const b = cdf[j]! / total;
    return grid[j - 1]! + ((grid[j]! - grid[j - 1]!) * (q - a)) / Math.max(b - a, 1e-300);
  };
  const quantiles = [0.1, 0.25, 0.5, 0.75, 0.9].map((q) => ({
    q,
    predicted: quantile(q),
    actual: sub[Math.min(sub.length - 1, Math.floor(q * sub.length))]!,
  }));
  return { factor, ks, consistent: ks <= tolerance, quantiles, compressed };
}
