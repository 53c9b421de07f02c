import { fitPowerLaw, type PowerLawFit, type PowerLawOptions } from './powerlaw.js';

/** A power-law fit after dropping spurious top eigenvalues ("fingers"). */
export interface FingersFit {
  fit: PowerLawFit;
  /** How many of the largest eigenvalues were dropped (0: none). */
  num_fingers: number;
  /** α of the fit on all eigenvalues. */
  raw_alpha: number;
}

/** Options of {@link fitWithoutFingers}. */
export interface FingersOptions extends PowerLawOptions {
  /** At most this many top eigenvalues are dropped (WeightWatcher's max_fingers, default 10). */
  maxFingers?: number;
  /** α must drop by more than this to count as fixed (finger_thresh, default 1). */
  fingerThreshold?: number;
  /** Stop once a clipped fit has α ≤ minAlpha (default 2). */
  minAlpha?: number;
}

/**
 * WeightWatcher's fix_fingers = 'clip_xmax': fingers are a few top eigenvalues above a truncated
 * power law that make the plain fit choose a large xmin and a too large α. Fit all eigenvalues,
 * then with the top k = 1, 2, … removed: the first k whose α falls more than fingerThreshold below
 * the unclipped α is taken (k fingers); the search stops at maxFingers or once α ≤ minAlpha,
 * keeping the unclipped fit. (WeightWatcher starts at k = 2 and reports k − 1; here k counts the
 * removed eigenvalues.)
 * @example fitWithoutFingers(evals).num_fingers
 */
export function fitWithoutFingers(
  evals: ArrayLike<number>,
  options: FingersOptions = {},
): FingersFit {
  const maxFingers = options.maxFingers ?? 10;
  const threshold = options.fingerThreshold ?? 1;
  const minAlpha = options.minAlpha ?? 2;
  const sorted = Float64Array.from(evals).sort();
  const raw = fitPowerLaw(sorted, options);
  if (raw.status !== 'success') return { fit: raw, num_fingers: 0, raw_alpha: raw.alpha };
  for (let k = 1; k <= maxFingers && sorted.length - k >= 2; k++) {
    const fit = fitPowerLaw(sorted.subarray(0, sorted.length - k), options);
    if (fit.status !== 'success') break;
    if (fit.alpha + threshold < raw.alpha) return { fit, num_fingers: k, raw_alpha: raw.alpha };
    if (fit.alpha <= minAlpha) break;
  }
  return { fit: raw, num_fingers: 0, raw_alpha: raw.alpha };
}
