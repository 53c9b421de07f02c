import { fitPowerLaw } from '../powerlaw.js';

/** WeightWatcher's power-law columns (fit_powerlaw), with its sentinels: −1 when the fit failed. */
export interface WwPowerLaw {
  alpha: number;
  xmin: number;
  /** Largest fitted eigenvalue; NaN (WeightWatcher: None) when the fit failed. */
  xmax: number;
  D: number;
  sigma: number;
  numPlSpikes: number;
  status: 'success' | 'failed';
  /** 'over-trained' if α < 2 (a failed fit, α = −1, included), 'under-trained' if α > 6. */
  warning: '' | 'over-trained' | 'under-trained';
  /**
   * With fixFingers 'clip_xmax': idx − 1 for the idx top eigenvalues clipped, and α of the raw fit.
   */
  numFingers?: number;
  rawAlpha?: number;
}

/** Options of {@link wwPowerLaw}. */
export interface WwFitOptions {
  /** WeightWatcher's fix_fingers: only 'clip_xmax' (see docs for 'xmin_peak'). */
  fixFingers?: 'clip_xmax';
  /** max_fingers (default 10; reset to 10 when below half the number of eigenvalues, as there). */
  maxFingers?: number;
  /** finger_thresh (default 1). */
  fingerThreshold?: number;
}

const THRESH = 1e-5;

interface RawFit {
  alpha: number;
  xmin: number;
  xmax: number;
  D: number;
  sigma: number;
}

/**
 * WeightWatcher's WWFit on the eigenvalues > 1e-5: every data point but the largest is a
 * candidate xmin, α_i = 1 + n_i/Σ ln(x/x_i), D_i the KS distance (1 when α_i ≤ 1), the first
 * minimum of D chosen; its α is kept even when ≤ 1; σ = (α − 1)/√n_i. Undefined (WeightWatcher
 * raises) for fewer than 2 points.
 */
function wwFit(sorted: Float64Array): RawFit | undefined {
  if (sorted.length < 2) return undefined;
  const { candidates } = fitPowerLaw(sorted, { threshold: 0 });
  let i = 0;
  for (let k = 1; k < candidates.D.length; k++) if (candidates.D[k]! < candidates.D[i]!) i = k;
  const alpha = candidates.alpha[i]!;
  return {
    alpha,
    xmin: candidates.xmin[i]!,
    xmax: sorted[sorted.length - 1]!,
    D: candidates.D[i]!,
    sigma: (alpha - 1) / Math.sqrt(sorted.length - i),
  };
}

/**
 * WeightWatcher's fit_powerlaw (fit='PL', pl_package='ww', xmax=None) on a layer's ESD (ascending):
 * the plain fit, or with fixFingers 'clip_xmax' its fit_clipped_powerlaw: fit with the top idx =
 * 2 … maxFingers − 1 eigenvalues removed; the first α below raw α − fingerThreshold is taken
 * (numFingers = idx − 1); stop early once α ≤ 2. num_pl_spikes = #{λ ≥ xmin}.
 * @example wwPowerLaw(evals).alpha
 */
export function wwPowerLaw(evals: Float64Array, options: WwFitOptions = {}): WwPowerLaw {
  const nz = evals.filter((v) => v > THRESH);
  let fit: RawFit | undefined;
  const extra: Partial<WwPowerLaw> = {};
  if (options.fixFingers === 'clip_xmax') {
    const clipped = clipXmax(nz, evals.length, options);
    fit = clipped?.fit;
    extra.numFingers = clipped?.numFingers ?? 0;
    extra.rawAlpha = clipped?.raw ?? -1;
  } else fit = wwFit(nz);
  if (!fit || Number.isNaN(fit.alpha)) {
    return {
      alpha: -1,
      xmin: -1,
      xmax: NaN,
      D: -1,
      sigma: -1,
      numPlSpikes: -1,
      status: 'failed',
      warning: 'over-trained',
      ...extra,
    };
  }
  let spikes = 0;
  for (const v of evals) if (v >= fit.xmin) spikes++;
  return {
    ...fit,
    numPlSpikes: spikes,
    status: 'success',
    warning: fit.alpha < 2 ? 'over-trained' : fit.alpha > 6 ? 'under-trained' : '',
    ...extra,
  };
}

function clipXmax(
  nz: Float64Array,
  numEvals: number,
  options: WwFitOptions,
): { fit: RawFit; numFingers: number; raw: number } | undefined {
  let maxFingers = options.maxFingers ?? 10;
  if (maxFingers < 0 || maxFingers < numEvals / 2) maxFingers = 10;
  const thresh = options.fingerThreshold ?? 1;
  const first = wwFit(nz);
  if (!first || maxFingers <= 2) return undefined;
  let best = first;
  let numFingers = 0;
  let idx = 2;
  for (; idx < maxFingers; idx++) {
    const fit = wwFit(nz.subarray(0, Math.max(0, nz.length - idx)));
    if (!fit) return undefined;
    if (fit.alpha + thresh < first.alpha) {
      best = fit;
      numFingers = idx - 1;
      break;
    }
    if (fit.alpha <= 2) break;
  }
  if (idx === maxFingers) idx--;
  // WeightWatcher then refits without idx + 1 … idx + 3 top values (to log a warning only); a
  // failure there fails the layer.
  for (let k = idx + 1; k <= idx + 3; k++) if (nz.length - k < 2) return undefined;
  return { fit: best, numFingers, raw: first.alpha };
}
