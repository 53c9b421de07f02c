import { jensenShannonDistance } from '../traps.js';
import { wwEsd, wwRandomEvals } from './esd.js';
import { type WwFitOptions, wwPowerLaw } from './fit.js';
import { wwMpFit } from './mp-fit.js';
import type { WwColumns } from './names.js';
import type { WwSlices } from './slices.js';

/** Options of {@link weightWatcherColumns}: WeightWatcher's analyze() arguments. */
export interface WwOptions extends WwFitOptions {
  /** mp_fit: add num_spikes, sigma_mp, mp_softrank, W_scale, bulk_max, bulk_min. */
  mpFit?: boolean;
  /**
   * randomize: the permutations of the slices' entries, (r + 1)·#slices of them (r = 5 replicas
   * when M·rf < 100, else 1): r·#slices for max_rand_eval and the rand_* MP fit, then #slices for
   * rand_distance, ww_softrank and ww_maxdist, as WeightWatcher draws them.
   */
  permutations?: readonly Int32Array[];
  /** weak_rank_loss counts λ below this (tolerance, default 1e-6). */
  tolerance?: number;
}

/** Number of randomised replicas WeightWatcher pools (apply_random_esd): 5 below 100 values. */
export function wwReplicas(slices: WwSlices): number {
  return slices.M * slices.rf < 100 ? 5 : 1;
}

/**
 * WeightWatcher 0.7.5's details row of one layer (its analyze() with detX on): the pooled ESD of
 * the slices (apply_esd), the power-law fit (apply_powerlaw), the MP fits (apply_mp_fit), the
 * randomised ESD (apply_random_esd), detX (apply_detX) and the norm metrics (apply_norm_metrics),
 * each with WeightWatcher's definitions; see docs/diagnostics.md for the table.
 * @example weightWatcherColumns(wwSlices([300, 100], data) as WwSlices, 0, 'fc').alpha
 */
export function weightWatcherColumns(
  slices: WwSlices,
  layerId: number,
  name: string,
  options: WwOptions = {},
): WwColumns {
  const { N, M, rf, mats, scale } = slices;
  const esd = wwEsd(mats, N, scale);
  const evals = esd.evals;
  const n = evals.length;
  const tolerance = options.tolerance ?? 1e-6;
  let weak = 0;
  let norm = 0;
  for (const v of evals) {
    if (v < tolerance) weak++;
    norm += v;
  }
  const lambdaMax = evals[n - 1]!;
  const fit = wwPowerLaw(evals, options);
  const out: WwColumns = {
    layerId,
    name,
    N,
    M,
    rf,
    Q: M > 0 ? N / M : -1,
    numEvals: n,
    svMax: esd.svMax,
    svMin: esd.svMin,
    rankLoss: esd.rankLoss,
    weakRankLoss: weak,
    lambdaMax,
    ...fit,
    ...normMetrics(evals, norm, fit.alpha, N),
  };
  if (options.mpFit) Object.assign(out, wwMpFit(evals, N, M));
  if (options.permutations) {
    const r = wwReplicas(slices) * mats.length;
    const rand = wwRandomEvals(mats, scale, options.permutations.slice(0, r));
    const rand2 = wwRandomEvals(mats, scale, options.permutations.slice(r, r + mats.length));
    const max2 = rand2[rand2.length - 1]!;
    out.maxRandEval = rand[rand.length - 1]!;
    out.randDistance = jensenShannonDistance(evals, rand2);
    out.wwSoftrank = max2 / lambdaMax;
    out.wwMaxdist = lambdaMax - max2;
    const mp = wwMpFit(rand, N, M);
    Object.assign(out, {
      randNumSpikes: mp.numSpikes,
      randSigmaMp: mp.sigmaMp,
      randMpSoftrank: mp.mpSoftrank,
      randWScale: mp.wScale,
      randBulkMax: mp.bulkMax,
      randBulkMin: mp.bulkMin,
    });
  }
  Object.assign(out, detX(evals, norm));
  return out;
}

/** apply_norm_metrics: ranks and entropy from s = √λ with numpy's tolerance s_max·N·ε. */
function normMetrics(evals: Float64Array, norm: number, alpha: number, N: number) {
  const n = evals.length;
  const max = evals[n - 1]!;
  const tol = Math.sqrt(max) * N * Number.EPSILON;
  let rank = 0;
  let alphaSum = 0;
  for (const v of evals) {
    if (Math.sqrt(v) > tol) rank++;
    alphaSum += v ** alpha;
  }
  let h = 0;
  for (const v of evals) {
    const p = v / norm + 1e-10;
    h -= p * Math.log(p);
  }
  const logSpectralNorm = Math.log10(max);
  return {
    norm,
    logNorm: Math.log10(norm),
    spectralNorm: max,
    logSpectralNorm,
    alphaWeighted: alpha * logSpectralNorm,
    logAlphaNorm: Math.log10(alphaSum),
    stableRank: norm / max,
    matrixRank: rank,
    entropy: h / Math.log(rank + 1e-10),
  };
}

/** apply_detX: on λ rescaled to mean 1, the fewest top eigenvalues whose product is < 1. */
function detX(evals: Float64Array, norm: number) {
  const n = evals.length;
  const w = Math.sqrt(n) / Math.sqrt(norm);
  const s2 = w * w;
  const x = evals.map((v) => s2 * v);
  let num = 0;
  let idx = 0;
  if (n >= 2 && x[0]! < x[n - 1]!) {
    num = n;
    let prod = 1;
    for (idx = n - 1; idx >= 1; idx--) {
      prod *= x[idx]!;
      if (prod < 1) {
        num = n - idx;
        break;
      }
    }
    if (idx === 0) idx = 1;
  }
  return { detXNum: num, detXVal: x[idx]! / s2, detXValUnrescaled: x[idx]! };
}
