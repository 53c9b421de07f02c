import { fitPowerLaw } from '../powerlaw.js';
import { alstottFit, alstottTruncatedAt } from './alstott-fit.js';
import { type ClipFitter, clipXmax, wwMaxFingers } from './clip-xmax.js';
import { checkWwFitOptions } from './fit-options.js';
import { xminPeakRange } from './xmin-peak.js';

/** WeightWatcher's power-law columns (fit_powerlaw), with its sentinels: −1 when the fit failed. */
export interface WwPowerLaw {
  alpha: number;
  xmin: number;
  /**
   * Largest fitted eigenvalue; NaN (WeightWatcher: None) when the fit failed or came from the
   * powerlaw package without xmax (xmin_peak, TPL); λ_max with xmax 'force' (with 'clip_xmax' and
   * a clip taken: the idx-th largest λ, the one clipped off).
   */
  xmax: number;
  D: number;
  sigma: number;
  numPlSpikes: number;
  status: 'success' | 'failed';
  /** 'over-trained' if α < 2 (a failed fit, α = −1, included), 'under-trained' if α > 6. */
  warning: '' | 'over-trained' | 'under-trained';
  /**
   * With fixFingers 'clip_xmax': idx − 1 for the idx top eigenvalues clipped, and α of the raw fit
   * (a power law; NaN when the powerlaw package had fewer than 2 distinct values, −1 when
   * WeightWatcher raised).
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
 * fixFingers 'clip_xmax': its fit_clipped_powerlaw ({@link clipXmax}) — fit with the top
 * idx = 2 … maxFingers − 1 eigenvalues removed, the first α below raw α − fingerThreshold taken
 * (numFingers = idx − 1), stop early once α ≤ 2. fixFingers 'xmin_peak', fit 'TPL'/'E_TPL' and
 * xmax 'force' run the powerlaw package, as WeightWatcher requires for them ({@link alstottFit}),
 * also for each clipped power-law fit; 'clip_xmax' with 'TPL' reports the TPL fitted at the
 * chosen power law's xmin (α, Λ) with that power law's D and σ. An integer xmax clips the top
 * eigenvalues first. num_pl_spikes = #{λ ≥ xmin} (of the clipped ESD).
 * @throws {InvalidArgumentError} for the combinations WeightWatcher's check_params rejects
 * (fixFingers with an integer xmax, 'E_TPL' with 'clip_xmax', xmax 0 or not an integer).
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
  let tplAlpha: number | undefined;
  if (fixFingers === 'clip_xmax') {
    // pl_package 'powerlaw' where WeightWatcher requires it (TPL, force): the clipped fits stay
    // power laws either way (fit_clipped_powerlaw passes distribution='power_law')
    const fitter: ClipFitter =
      tpl || xmax !== undefined
        ? (data, top) => alstottFit(data, { kind: 'power_law', xmax: top })
        : (data) => wwFit(data);
    const maxFingers = wwMaxFingers(options.maxFingers, evals.length);
    const clipped = clipXmax(nz, maxFingers, options.fingerThreshold ?? 1, fitter, xmax);
    fit = clipped?.fit;
    extra.numFingers = clipped?.numFingers ?? 0;
    extra.rawAlpha = clipped?.rawAlpha ?? -1;
    if (tpl && clipped && !Number.isNaN(clipped.fit.alpha)) {
      // fit.truncated_power_law: α and Λ of the TPL at the chosen xmin; D, σ stay the power law's
      const top = Number.isNaN(clipped.fit.xmax) ? undefined : clipped.fit.xmax;
      const t = alstottTruncatedAt(clipped.data, clipped.fit.xmin, top);
      tplAlpha = t.alpha;
      extra.Lambda = t.Lambda;
    }
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
  const { xmin, D, sigma } = fit;
  const alpha = tplAlpha ?? fit.alpha;
  return {
    alpha,
    xmin,
    xmax: fit.xmax,
    D,
    sigma,
    numPlSpikes: spikes,
    status: 'success',
    warning: alpha < 2 ? 'over-trained' : alpha > 6 ? 'under-trained' : '',
    ...extra,
  };
}
