import type { Matrix } from '../linalg/matrix.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import { type Esd, weightEsd, weightEsdAsync } from './esd.js';
import { fitWithoutFingers } from './fingers.js';
import { mpFit } from './mp-fit.js';
import { type NormMetrics, normMetrics } from './norms.js';
import { fitPowerLaw, type PowerLawFit } from './powerlaw.js';
import { fitTruncatedPowerLaw } from './tpl.js';
import { correlationTraps, randomizeMatrix, type TrapMetrics } from './traps.js';
import type { WwFitOptions } from './ww/fit.js';

/** What to compute for a layer. */
export interface DiagnoseOptions {
  /** 'PL' (default) or 'TPL' (truncated power law at the PL's xmin: adds Lambda). */
  fit?: 'PL' | 'TPL';
  /** Drop spurious top eigenvalues before fitting (adds num_fingers, raw_alpha). */
  fixFingers?: boolean;
  maxFingers?: number;
  fingerThreshold?: number;
  /** Add the Marchenko–Pastur bulk fit (sigma_mp, bulk_min, bulk_max, num_spikes, mp_softrank). */
  mpFit?: boolean;
  /**
   * Add the correlation-trap metrics of W with its entries permuted (seeded, or a given
   * permutation).
   */
  randomize?: boolean;
  seed?: Seed | RandomStream | Int32Array;
  /** Eigenvalues ≤ threshold are left out of the power-law fit (default 1e-5). */
  threshold?: number;
  /** Tracy–Widom quantile of the spike margin (default 2.0234, 99 %). */
  twQuantile?: number;
  /**
   * WeightWatcher's fit arguments (fix_fingers, xmin_max, xmax, fit) for diagnoseModel's
   * WeightWatcher columns (`row.ww`); rmtkit's own columns do not read them.
   */
  ww?: WwFitOptions;
}

/** Every metric of one layer, named as WeightWatcher's details columns. */
export interface LayerDiagnostics extends NormMetrics, Partial<Omit<TrapMetrics, 'traps'>> {
  N: number;
  M: number;
  alpha: number;
  alpha_weighted: number;
  log_alpha_norm: number;
  xmin: number;
  xmax: number;
  D: number;
  sigma: number;
  num_pl_spikes: number;
  status: 'success' | 'failed';
  /** 'over-trained' (α < 2), 'under-trained' (α > 6) or ''. */
  warning: '' | 'over-trained' | 'under-trained';
  num_fingers?: number;
  raw_alpha?: number;
  Lambda?: number;
  sigma_mp?: number;
  bulk_min?: number;
  bulk_max?: number;
  num_spikes?: number;
  mp_softrank?: number;
  /** λ above this count as spikes (MP bulk edge plus the Tracy–Widom margin). */
  spike_threshold?: number;
  traps?: number[];
  /** The eigenvalues (ascending) and, with randomize, those of the randomised W: for plots. */
  evals: Float64Array;
  rand_evals?: Float64Array;
  /** The chosen power-law fit with its candidate curve. */
  fit: PowerLawFit;
}

/**
 * WeightWatcher's layer analysis of one weight matrix: the ESD λ = s² (W oriented N×M, N ≥ M),
 * the scale metrics, the power-law tail fit with alpha_weighted = α·log₁₀λmax and
 * log_alpha_norm = log₁₀Σλ^α, the training warnings, and on request the fingers fix, the
 * truncated power law, the MP bulk fit and the correlation traps.
 * @example diagnoseMatrix(W, { mpFit: true, randomize: true, seed: 1 }).alpha
 */
export function diagnoseMatrix(w: Matrix, options: DiagnoseOptions = {}): LayerDiagnostics {
  const esd = weightEsd(w);
  const rand = options.randomize
    ? weightEsd(randomizeMatrix(w, randomSource(options.seed)))
    : undefined;
  return analyzeSpectrum(esd, rand, options);
}

/**
 * Asynchronous {@link diagnoseMatrix}: the Gram product and eigensolver run off the main thread.
 * @example await diagnoseMatrixAsync(W, { mpFit: true })
 */
export async function diagnoseMatrixAsync(
  w: Matrix,
  options: DiagnoseOptions = {},
): Promise<LayerDiagnostics> {
  const esd = await weightEsdAsync(w);
  const rand = options.randomize
    ? await weightEsdAsync(randomizeMatrix(w, randomSource(options.seed)))
    : undefined;
  return analyzeSpectrum(esd, rand, options);
}

/**
 * The metrics from an ESD (and the randomised ESD): the part of {@link diagnoseMatrix} after the
 * eigenvalues, for callers that have them already.
 * @example analyzeSpectrum({ N: 500, M: 200, evals }, undefined, { mpFit: true })
 */
export function analyzeSpectrum(
  esd: Esd,
  rand: Esd | undefined,
  options: DiagnoseOptions = {},
): LayerDiagnostics {
  const { N, M, evals } = esd;
  const norms = normMetrics(evals, N, M);
  const plOptions = { threshold: options.threshold };
  let fit: PowerLawFit;
  const extra: Partial<LayerDiagnostics> = {};
  if (options.fixFingers) {
    const fixed = fitWithoutFingers(evals, {
      ...plOptions,
      maxFingers: options.maxFingers,
      fingerThreshold: options.fingerThreshold,
    });
    fit = fixed.fit;
    extra.num_fingers = fixed.num_fingers;
    extra.raw_alpha = fixed.raw_alpha;
  } else {
    fit = fitPowerLaw(evals, plOptions);
  }
  let alpha = fit.alpha;
  let D = fit.D;
  if (options.fit === 'TPL' && fit.status === 'success') {
    const tpl = fitTruncatedPowerLaw(evals, fit.xmin, fit.alpha);
    alpha = tpl.alpha;
    D = tpl.D;
    extra.Lambda = tpl.Lambda;
  }
  let numPlSpikes = 0;
  for (const v of evals) if (v >= fit.xmin) numPlSpikes++;
  if (options.mpFit) {
    const mp = mpFit(evals, N, M, { twQuantile: options.twQuantile });
    Object.assign(extra, {
      sigma_mp: mp.sigma_mp,
      bulk_min: mp.bulk_min,
      bulk_max: mp.bulk_max,
      num_spikes: mp.num_spikes,
      mp_softrank: mp.mp_softrank,
      spike_threshold: mp.spike_threshold,
    });
  }
  if (rand) {
    Object.assign(
      extra,
      correlationTraps(evals, rand.evals, N, M, { twQuantile: options.twQuantile }),
    );
    extra.rand_evals = rand.evals;
  }
  return {
    N,
    M,
    ...norms,
    alpha,
    alpha_weighted: alpha * norms.log_spectral_norm,
    log_alpha_norm: logAlphaNorm(evals, alpha),
    xmin: fit.xmin,
    xmax: fit.xmax,
    D,
    sigma: fit.sigma,
    num_pl_spikes: fit.status === 'success' ? numPlSpikes : 0,
    status: fit.status,
    warning: alpha < 2 ? 'over-trained' : alpha > 6 ? 'under-trained' : '',
    ...extra,
    evals,
    fit,
  };
}

/** log₁₀ Σ λ^α by log-sum-exp (no overflow for large λ and α); NaN if α is. */
function logAlphaNorm(evals: Float64Array, alpha: number): number {
  if (!Number.isFinite(alpha)) return NaN;
  let top = -Infinity;
  for (const v of evals) if (v > 0) top = Math.max(top, alpha * Math.log(v));
  let sum = 0;
  for (const v of evals) if (v > 0) sum += Math.exp(alpha * Math.log(v) - top);
  return (top + Math.log(sum)) / Math.LN10;
}

function randomSource(seed: DiagnoseOptions['seed']): Seed | RandomStream | Int32Array {
  return seed instanceof Int32Array ? seed : randomStream(seed ?? 0);
}
