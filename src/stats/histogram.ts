/** Counts of values in equal-width bins over [lo, hi]. */
export interface Histogram {
  readonly lo: number;
  readonly hi: number;
  /** Bin width (hi − lo)/bins, or 1 when all values are equal. */
  readonly width: number;
  /** Count per bin; bin b covers [lo + b·width, lo + (b + 1)·width), the last one includes hi. */
  readonly counts: Float64Array;
}

/**
 * Bins values into `bins` equal-width bins over `range` (default: from the smallest to the largest
 * value). Values outside the range go to the end bins (`outside: 'clamp'`, the default: a
 * theory's edges sit inside a few finite-size eigenvalues) or are left out (`'drop'`). For
 * logarithmic bins, pass the logarithms. Cost O(values + bins).
 * @throws {RangeError} for a bin count that is not a positive integer.
 * @example histogram([0.1, 0.4, 0.6, 2], { bins: 2, range: [0, 1] }).counts // [2, 2]
 */
export function histogram(
  values: ArrayLike<number>,
  options: { bins: number; range?: readonly [number, number]; outside?: 'clamp' | 'drop' },
): Histogram {
  const { bins, outside = 'clamp' } = options;
  if (!(Number.isInteger(bins) && bins >= 1))
    throw new RangeError(`bins must be a positive integer; got ${bins}`);
  let [lo, hi] = options.range ?? [Infinity, -Infinity];
  if (!options.range) {
    for (let i = 0; i < values.length; i++) {
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
  }
  const width = (hi - lo) / bins || 1;
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (outside === 'drop' && !(v >= lo && v <= hi)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))]++;
  }
  return { lo, hi, width, counts };
}
