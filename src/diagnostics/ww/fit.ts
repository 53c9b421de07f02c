import { fitPowerLaw } from '../powerlaw.js';
import { alstottFit } from './alstott-fit.js';
import { checkWwFitOptions } from './fit-options.js';
import { xminPeakRange } from './xmin-peak.js';

/** WeightWatcher's power-law columns (fit_powerlaw), with its sentinels: −1 when the fit failed. */
export interface WwPowerLaw {
  alpha: number;
  xmin: number;
  /**
   * Largest fitted eigenvalue; NaN (WeightWatcher: None) when the fit failed or came from the
   * powerlaw package without xmax (xmin_peak, TPL); λ_max with xmax 'force'.
   */
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
  /** With fit 'TPL' or 'E_TPL': the truncated power law's Λ (−1 when the fit failed). */
  Lambda?: number;
}

/** Options of {@link wwPowerLaw}: WeightWatcher's analyze() fit arguments, camelCase. */
export interface WwFitOptions {
  /**
   * fix_fingers: 'clip_xmax' (refit without top eigenvalues) or 'xmin_peak' (xmin searched between
   * the ESD's log-histogram peak and xminMax, with the powerlaw package).
   */
  fixFingers?: 'clip_xmax' | 'xmin_peak';
  /** max_fingers (default 10; reset to 10 when below half the number of eigenvalues, as there). */
  maxFingers?: number;
  /** finger_thresh (default 1). */
  fingerThreshold?: number;
  /** xmin_max: top of the xmin_peak range (default 1.5 × the peak). */
  xminMax?: number;
  /**
   * xmax: a nonzero integer k leaves the |k| largest eigenvalues out of the fit (for |k| above half
   * of them WeightWatcher fits up to the eigenvalue nearest to |k| instead); 'force' fits up to
   * λ_max with the powerlaw package. Default: none.
   */
  xmax?: number | 'force';
  /**
   * fit: 'PL' (default), 'TPL' (truncated power law p ∝ x^{−α}e^{−Λx}, its xmin searched with
   * the TPL itself: adds Lambda), or 'E_TPL' (TPL with fixFingers 'xmin_peak').
   */
  fit?: 'PL' | 'TPL' | 'E_TPL';
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
 * minimum of D chosen; its α is kept even when ≤ 1; σ = (α − 1)/√n_i. A numeric xmax keeps the
 * data up to the value nearest to it (its find_limit). Undefined (WeightWatcher raises) for fewer
 * than 2 points.
 */
function wwFit(sorted: Float64Array, xmax?: number): RawFit | undefined {
  if (xmax !== undefined) {
    let top = 0;
    for (let k = 1; k < sorted.length; k++)
      if (Math.abs(sorted[k]! - xmax) < Math.abs(sorted[top]! - xmax)) top = k;
    sorted = sorted.subarray(0, top + 1);
  }
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
 * WeightWatcher 0.7.5's fit_powerlaw on a layer's ESD (ascending). Plain: WWFit (pl_package 'ww').
 * fixFingers 'clip_xmax': its fit_clipped_powerlaw — fit with the top idx = 2 … maxFingers − 1
 * eigenvalues removed, the first α below raw α − fingerThreshold taken (numFingers = idx − 1),
 * stop early once α ≤ 2. fixFingers 'xmin_peak', fit 'TPL'/'E_TPL' and xmax 'force' run the
 * powerlaw package, as WeightWatcher requires for them ({@link alstottFit}); an integer xmax
 * clips the top eigenvalues first. num_pl_spikes = #{λ ≥ xmin} (of the clipped ESD).
 * @throws {InvalidArgumentError} for the combinations WeightWatcher's check_params rejects
 * (fixFingers with an integer xmax, 'E_TPL' with 'clip_xmax', xmax 0 or not an integer) and for
 * 'clip_xmax' with fit 'TPL' or xmax 'force' (its powerlaw-package path is not reproduced).
 * @example wwPowerLaw(evals, { fit: 'TPL' }).Lambda
 */
export function wwPowerLaw(evals: Float64Array, options: WwFitOptions = {}): WwPowerLaw {
  checkWwFitOptions(options);
  const tpl = options.fit === 'TPL' || options.fit === 'E_TPL';
  const fixFingers = options.fit === 'E_TPL' ? 'xmin_peak' : options.fixFingers;
  let xmax: number | undefined;
  if (options.xmax === 'force') xmax = evals[evals.length - 1];
  else if (options.xmax !== undefined) {
    const k = Math.abs(options.xmax);
    if (k <= evals.length / 2) evals = evals.subarray(0, evals.length - k);
    else xmax = k;
  }
  const nz = evals.filter((v) => v > THRESH);
  let fit: RawFit | undefined;
  const extra: Partial<WwPowerLaw> = {};
  if (fixFingers === 'clip_xmax') {
    const clipped = clipXmax(nz, evals.length, options);
    fit = clipped?.fit;
    extra.numFingers = clipped?.numFingers ?? 0;
    extra.rawAlpha = clipped?.raw ?? -1;
  } else if (fixFingers === 'xmin_peak' || tpl || options.xmax === 'force') {
    const peak = fixFingers === 'xmin_peak' && nz.length > 0;
    const got = alstottFit(nz, {
      kind: tpl ? 'truncated_power_law' : 'power_law',
      xmax,
      xminRange: peak ? xminPeakRange(nz, options.xminMax) : undefined,
    });
    fit = got;
    if (tpl) extra.Lambda = got.Lambda;
  } else fit = wwFit(nz, xmax);
  if (tpl && (!fit || Number.isNaN(fit.alpha))) extra.Lambda = -1;
  if (!fit || Number.isNaN(fit.alpha)) {
    return {
      alpha: -1,
      xmin: -1,
      xmax: xmax ?? NaN,
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
  const { alpha, xmin, D, sigma } = fit;
  return {
    alpha,
    xmin,
    xmax: fit.xmax,
    D,
    sigma,
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
