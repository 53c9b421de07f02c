import type { WwPowerLaw } from './fit.js';

/**
 * WeightWatcher's details columns of one layer (0.7.5, analyze()), camelCase; {@link WW_NAMES}
 * maps each to WeightWatcher's snake_case name. Sentinels are WeightWatcher's: −1 for a failed
 * fit, NaN (JSON null) for its None.
 */
export interface WwColumns extends WwPowerLaw {
  layerId: number;
  name: string;
  N: number;
  M: number;
  rf: number;
  Q: number;
  numEvals: number;
  svMax: number;
  svMin: number;
  lambdaMax: number;
  rankLoss: number;
  weakRankLoss: number;
  norm: number;
  logNorm: number;
  spectralNorm: number;
  logSpectralNorm: number;
  alphaWeighted: number;
  logAlphaNorm: number;
  stableRank: number;
  matrixRank: number;
  entropy: number;
  numSpikes?: number;
  sigmaMp?: number;
  mpSoftrank?: number;
  wScale?: number;
  bulkMax?: number;
  bulkMin?: number;
  maxRandEval?: number;
  randDistance?: number;
  wwSoftrank?: number;
  wwMaxdist?: number;
  randNumSpikes?: number;
  randSigmaMp?: number;
  randMpSoftrank?: number;
  randWScale?: number;
  randBulkMax?: number;
  randBulkMin?: number;
  detXNum?: number;
  detXVal?: number;
  detXValUnrescaled?: number;
}

/** camelCase field → WeightWatcher column, in WeightWatcher's column order. */
export const WW_NAMES: Readonly<Record<keyof WwColumns, string>> = {
  layerId: 'layer_id',
  name: 'name',
  N: 'N',
  M: 'M',
  rf: 'rf',
  Q: 'Q',
  numEvals: 'num_evals',
  svMax: 'sv_max',
  svMin: 'sv_min',
  rankLoss: 'rank_loss',
  weakRankLoss: 'weak_rank_loss',
  lambdaMax: 'lambda_max',
  alpha: 'alpha',
  xmin: 'xmin',
  xmax: 'xmax',
  D: 'D',
  sigma: 'sigma',
  numPlSpikes: 'num_pl_spikes',
  Lambda: 'Lambda',
  numFingers: 'num_fingers',
  rawAlpha: 'raw_alpha',
  status: 'status',
  warning: 'warning',
  numSpikes: 'num_spikes',
  sigmaMp: 'sigma_mp',
  mpSoftrank: 'mp_softrank',
  wScale: 'W_scale',
  bulkMax: 'bulk_max',
  bulkMin: 'bulk_min',
  maxRandEval: 'max_rand_eval',
  randDistance: 'rand_distance',
  wwSoftrank: 'ww_softrank',
  wwMaxdist: 'ww_maxdist',
  randNumSpikes: 'rand_num_spikes',
  randSigmaMp: 'rand_sigma_mp',
  randMpSoftrank: 'rand_mp_softrank',
  randWScale: 'rand_W_scale',
  randBulkMax: 'rand_bulk_max',
  randBulkMin: 'rand_bulk_min',
  detXNum: 'detX_num',
  detXVal: 'detX_val',
  detXValUnrescaled: 'detX_val_unrescaled',
  norm: 'norm',
  logNorm: 'log_norm',
  spectralNorm: 'spectral_norm',
  logSpectralNorm: 'log_spectral_norm',
  alphaWeighted: 'alpha_weighted',
  logAlphaNorm: 'log_alpha_norm',
  stableRank: 'stable_rank',
  matrixRank: 'matrix_rank',
  entropy: 'entropy',
};

/**
 * A row with WeightWatcher's column names, in its order, the fields that were computed only.
 * @example toWwRecord(row.ww).log_spectral_norm
 */
export function toWwRecord(c: WwColumns): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [key, name] of Object.entries(WW_NAMES)) {
    const v = c[key as keyof WwColumns];
    if (v !== undefined) out[name] = v;
  }
  return out;
}
