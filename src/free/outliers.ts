import { InvalidArgumentError } from '../errors.js';
import { type Decompression, decompress } from './decompress.js';
import { type FreeFormOptions, freeForm } from './free-form.js';
import { spectralSample } from './spectral-sample.js';

/** Decompression of a spectrum with its largest eigenvalues (spikes) treated apart. */
export interface SpikedDecompression {
  /** The bulk (all but the `count` largest eigenvalues), decompressed to size − count. */
  bulk: Decompression;
  /** The spikes at the new size, ascending (docs/theory.md §14.5). */
  outliers: Float64Array;
  /** Same as bulk.ok; bulk.reason says why not. */
  ok: boolean;
}

/**
 * Where spikes x_i of an n_s×n_s matrix sit in the n×n one, s = n/n_s: a real point outside the
 * bulk moves along its characteristic z = x − (s − 1)/m₀(x) (docs/theory.md §14.2, §14.5), m₀ the
 * bulk's Stieltjes transform, so Θ = x + (s − 1)/G(x), G(x) = mean 1/(x − λ) over the bulk; to
 * first order Θ ≈ s·x − (s − 1)·μ. Exact for a rank-one free perturbation of any bulk (Wigner:
 * θ + σ²/θ with strength θ ↦ s·θ and variance σ² ↦ s·σ²).
 * @throws {InvalidArgumentError} ('factor') unless ≥ 1, ('outliers') if one lies within the bulk.
 * @example decompressOutliers(bulkEigs, [1.667], 4) // ≈ [6.17]: GOE n_s = 200 → 800 with a spike
 */
export function decompressOutliers(
  bulk: ArrayLike<number>,
  outliers: ArrayLike<number>,
  factor: number,
): Float64Array {
  if (!(factor >= 1)) throw new InvalidArgumentError('factor', 'must be ≥ 1', factor);
  let top = -Infinity;
  for (let i = 0; i < bulk.length; i++) top = Math.max(top, bulk[i]!);
  return Float64Array.from(outliers, (x) => {
    if (!(x > top))
      throw new InvalidArgumentError('outliers', `must lie above the bulk (≤ ${top})`, x);
    let g = 0;
    for (let i = 0; i < bulk.length; i++) g += 1 / (x - bulk[i]!);
    return x + ((factor - 1) * bulk.length) / g;
  }).sort();
}

/**
 * Free decompression with the `count` largest eigenvalues separated (docs/theory.md §14.5): the
 * bulk is fitted and decompressed as usual (its order n_s − count → size − count; a spike inside
 * the fitted support makes the glue miss), the spikes follow {@link decompressOutliers}; their
 * number stays `count`, so their mass falls from count/n_s to count/size.
 * @throws {InvalidArgumentError} ('count') unless 1 ≤ count ≤ n_s/10 is an integer; as
 *   {@link freeForm} and {@link decompress} otherwise.
 * @example decompressSpiked(eigs, 8 * eigs.length, 1).outliers
 */
export function decompressSpiked(
  eigenvalues: ArrayLike<number>,
  size: number,
  count: number,
  options: FreeFormOptions = {},
): SpikedDecompression {
  const sorted = spectralSample(eigenvalues).points;
  const n = sorted.length;
  if (!Number.isSafeInteger(count) || count < 1 || count > n / 10)
    throw new InvalidArgumentError('count', `must be an integer in [1, ${n / 10}]`, count);
  if (!Number.isSafeInteger(size) || size < n)
    throw new InvalidArgumentError('size', `must be an integer ≥ n_s = ${n}`, size);
  const bulk = sorted.subarray(0, n - count);
  const spikes = sorted.subarray(n - count);
  const decompressed = decompress(freeForm(bulk, options), size - count);
  return {
    bulk: decompressed,
    outliers: decompressOutliers(bulk, spikes, size / n),
    ok: decompressed.ok,
  };
}
