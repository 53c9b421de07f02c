import { jensenShannonDistance } from '../traps.js';
import { wwEsd, wwEsdFromSingular, wwRandomEvals } from './esd.js';
import { type WwFitOptions, wwPowerLaw } from './fit.js';
import { wwMpFit } from './mp-fit.js';
import type { WwColumns } from './names.js';
import { wwDetX, wwNormMetrics } from './norms.js';
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
  /**
   * The unscaled singular values of each slice when the caller has them (shared with rmtkit's
   * metrics, src/diagnostics/model.ts): no SVD here.
   */
  singular?: readonly Float64Array[];
  /** The randomised ESDs when the caller has them: what `permutations` would give. */
  random?: WwRandomEsd;
  /** weak_rank_loss counts λ below this (tolerance, default 1e-6). */
  tolerance?: number;
}

/**
 * The randomised ESDs of a layer: `rand` pools r·#slices permuted copies (max_rand_eval, rand_*
 * MP fit), `rand2` #slices more (rand_distance, ww_softrank, ww_maxdist).
 */
export interface WwRandomEsd {
  rand: Float64Array;
  rand2: Float64Array;
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
  const esd = options.singular
    ? wwEsdFromSingular(options.singular, N, scale)
    : wwEsd(mats, N, scale);
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
    ...wwNormMetrics(evals, norm, fit.alpha, N),
  };
  if (options.mpFit) Object.assign(out, wwMpFit(evals, N, M));
  const random =
    options.random ?? (options.permutations && wwRandomEsd(slices, options.permutations));
  if (random) {
    const { rand, rand2 } = random;
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
  Object.assign(out, wwDetX(evals, norm));
  return out;
}

/** The randomised ESDs from (r + 1)·#slices permutations (see {@link WwOptions}). */
function wwRandomEsd(slices: WwSlices, perms: readonly Int32Array[]): WwRandomEsd {
  const { mats, scale } = slices;
  const r = wwReplicas(slices) * mats.length;
  return {
    rand: wwRandomEvals(mats, scale, perms.slice(0, r)),
    rand2: wwRandomEvals(mats, scale, perms.slice(r, r + mats.length)),
  };
}
