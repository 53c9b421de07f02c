/** One power-law fit as fit_clipped_powerlaw reads it. */
export interface ClipFit {
  alpha: number;
  xmin: number;
  xmax: number;
  D: number;
  sigma: number;
}

/**
 * WeightWatcher's pl_fit(data, xmax=xmax, distribution='power_law'): undefined where it raises
 * (WWFit on fewer than 2 points); the powerlaw package's Fit instead returns α = NaN.
 */
export type ClipFitter = (data: Float64Array, xmax: number | undefined) => ClipFit | undefined;

/** What fit_clipped_powerlaw returns: the chosen fit, the data it was given, num_fingers, raw α. */
export interface ClippedFit {
  fit: ClipFit;
  data: Float64Array;
  numFingers: number;
  rawAlpha: number;
}

/**
 * WeightWatcher 0.7.5's fit_clipped_powerlaw (RMT_Util.py, xmin None) on the eigenvalues > 1e-5
 * (ascending): fit, then refit without the top idx = 2 … maxFingers − 1 values, taking the first
 * α below the raw α − fingerThreshold (numFingers = idx − 1) and stopping early once α ≤ 2; then
 * refit without idx + 1 … idx + 3 values until one α differs from the last by more than the
 * threshold (WeightWatcher only logs these). With a forced xmax (λmax) each refit's xmax is the
 * idx-th largest value, the one just clipped, and each check's the largest value kept.
 * Undefined where WeightWatcher raises, which fails the layer: a fitter that raises,
 * maxFingers ≤ 2 (its loop variable is then unbound), the forced xmax of a clip past the first
 * value or of an empty one (IndexError, np.max of an empty array).
 * @example clipXmax(nz, 10, 1, (d) => alstottFit(d, { kind: 'power_law' }), undefined)?.numFingers
 */
export function clipXmax(
  nz: Float64Array,
  maxFingers: number,
  fingerThreshold: number,
  fitter: ClipFitter,
  forcedXmax: number | undefined,
): ClippedFit | undefined {
  const clip = (k: number) => nz.subarray(0, Math.max(0, nz.length - k));
  const first = fitter(nz, forcedXmax);
  if (!first || maxFingers <= 2) return undefined;
  let best = { fit: first, data: nz };
  let last = first;
  let numFingers = 0;
  let xmax = forcedXmax;
  let idx = 2;
  for (; idx < maxFingers; idx++) {
    if (xmax !== undefined) {
      if (idx > nz.length) return undefined;
      xmax = nz[nz.length - idx]!;
    }
    const fit = fitter(clip(idx), xmax);
    if (!fit) return undefined;
    last = fit;
    if (fit.alpha + fingerThreshold < first.alpha) {
      best = { fit, data: clip(idx) };
      numFingers = idx - 1;
      break;
    }
    if (fit.alpha <= 2) break;
  }
  if (idx === maxFingers) idx--; // Python's range leaves idx at maxFingers − 1
  for (let k = idx + 1; k <= idx + 3; k++) {
    const data = clip(k);
    if (xmax !== undefined) {
      if (data.length === 0) return undefined;
      xmax = data[data.length - 1]!;
    }
    const check = fitter(data, xmax);
    if (!check) return undefined;
    if (Math.abs(check.alpha - last.alpha) > fingerThreshold) break;
  }
  return { ...best, numFingers, rawAlpha: first.alpha };
}

/**
 * fit_powerlaw's max_fingers for clip_xmax: the given value (default 10), reset to 10 when
 * negative or below half the number of eigenvalues.
 * @example wwMaxFingers(3, 100) // 10
 */
export function wwMaxFingers(maxFingers: number | undefined, numEvals: number): number {
  const m = maxFingers ?? 10;
  return m < 0 || m < numEvals / 2 ? 10 : m;
}
