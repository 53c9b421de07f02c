import { InvalidArgumentError } from '../errors.js';
import { ascending, distanceScratch, tailDistance } from './tail-distance.js';

/**
 * A continuous power-law fit p(x) ∝ x^{−α} of the tail x ≥ xmin (Clauset, Shalizi & Newman 2009).
 */
export interface PowerLawFit {
  alpha: number;
  xmin: number;
  xmax: number;
  /** Kolmogorov–Smirnov distance between the tail and the fitted law. */
  D: number;
  /** Standard error (α − 1)/√n of the MLE. */
  sigma: number;
  /** Number of tail points n (eigenvalues ≥ xmin that were fitted). */
  n: number;
  status: 'success' | 'failed';
  /** Every candidate xmin with its α and D (for the D-versus-xmin plot). */
  candidates: { xmin: Float64Array; alpha: Float64Array; D: Float64Array };
}

/** Options of {@link fitPowerLaw}. */
export interface PowerLawOptions {
  /** Eigenvalues ≤ threshold are left out (WeightWatcher's EVALS_THRESH, default 1e-5). */
  threshold?: number;
  /** Fix xmin (the data point nearest to it) instead of choosing it by minimum D. */
  xmin?: number;
}

/**
 * Fits a power-law tail to positive data (eigenvalues) as WeightWatcher's WW_powerlaw does: for
 * every candidate xmin = x_i (all but the largest point, data sorted ascending, n_i = n − i tail
 * points) the continuous MLE α_i = 1 + n_i / Σ_{j≥i} ln(x_j/x_i) and the distance
 * D_i = max_k |1 − (x_{i+k}/x_i)^{1−α_i} − k/n_i| between the fitted CDF and the empirical one
 * (taken at the left of each jump); xmin minimises D (first minimum; candidates with α_i ≤ 1 get D
 * = 1). σ = (α − 1)/√n. Costs O(n²) operations (tailDistance skips the exponentials of tail
 * points that cannot change a D_i).
 * @throws {InvalidArgumentError} for a negative threshold.
 * @example fitPowerLaw(evals).alpha
 */
export function fitPowerLaw(data: ArrayLike<number>, options: PowerLawOptions = {}): PowerLawFit {
  const threshold = options.threshold ?? 1e-5;
  if (!(threshold >= 0)) throw new InvalidArgumentError('threshold', 'must be ≥ 0', threshold);
  const x = Float64Array.from(data)
    .filter((v) => v > threshold)
    .sort();
  const n = x.length;
  const logs = x.map(Math.log);
  const empty = { xmin: new Float64Array(0), alpha: new Float64Array(0), D: new Float64Array(0) };
  if (n < 2)
    return {
      alpha: NaN,
      xmin: NaN,
      xmax: n ? x[n - 1]! : NaN,
      D: NaN,
      sigma: NaN,
      n,
      status: 'failed',
      candidates: empty,
    };
  // suffix[i] = Σ_{j≥i} ln x_j
  const suffix = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + logs[i]!;
  let first = 0;
  let last = n - 2;
  if (options.xmin !== undefined) {
    first = nearest(x, options.xmin);
    if (first > n - 2) first = n - 2;
    last = first;
  }
  const count = last - first + 1;
  const candidates = {
    xmin: new Float64Array(count),
    alpha: new Float64Array(count),
    D: new Float64Array(count).fill(1),
  };
  const scratch = distanceScratch(n);
  const skip = ascending(logs);
  let best = -1;
  for (let i = first; i <= last; i++) {
    const m = n - i;
    const alpha = 1 + m / (suffix[i]! - m * logs[i]!);
    const c = i - first;
    candidates.xmin[c] = x[i]!;
    candidates.alpha[c] = alpha;
    if (alpha > 1 && Number.isFinite(alpha))
      candidates.D[c] = tailDistance(logs, i, m, alpha, scratch, skip);
    if (best < 0 || candidates.D[c]! < candidates.D[best]!) best = c;
  }
  const alpha = candidates.alpha[best]!;
  const tail = n - (first + best);
  const ok = alpha > 1 && Number.isFinite(alpha);
  return {
    alpha: ok ? alpha : NaN,
    xmin: candidates.xmin[best]!,
    xmax: x[n - 1]!,
    D: ok ? candidates.D[best]! : NaN,
    sigma: ok ? (alpha - 1) / Math.sqrt(tail) : NaN,
    n: tail,
    status: ok ? 'success' : 'failed',
    candidates,
  };
}

/** Index of the sorted value nearest to v. */
function nearest(sorted: Float64Array, v: number): number {
  let best = 0;
  for (let i = 1; i < sorted.length; i++)
    if (Math.abs(sorted[i]! - v) < Math.abs(sorted[best]! - v)) best = i;
  return best;
}
