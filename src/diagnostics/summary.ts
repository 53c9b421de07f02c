import type { LayerDiagnostics } from './layer.js';

/** Averages of the layer metrics over a model (WeightWatcher's get_summary). */
export type Summary = Partial<Record<(typeof SUMMARY_METRICS)[number], number>> & {
  num_layers: number;
};

/** The averaged metrics, in WeightWatcher's summary order, plus the optional fits'. */
export const SUMMARY_METRICS = [
  'log_norm',
  'alpha',
  'alpha_weighted',
  'log_alpha_norm',
  'log_spectral_norm',
  'stable_rank',
  'entropy',
  'mp_softrank',
  'num_spikes',
  'rand_distance',
  'rand_num_spikes',
] as const;

/**
 * The mean of each metric over the layers where it is finite (failed fits are left out of the
 * alpha averages); metrics no layer has are omitted.
 * @example summarize(result.layers).alpha
 */
export function summarize(layers: readonly LayerDiagnostics[]): Summary {
  const summary: Summary = { num_layers: layers.length };
  for (const key of SUMMARY_METRICS) {
    let sum = 0;
    let count = 0;
    for (const layer of layers) {
      const v = layer[key];
      if (typeof v === 'number' && Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    if (count > 0) summary[key] = sum / count;
  }
  return summary;
}
