// One row of diagnoseModel's table from a layer's spectra: rmtkit's metrics, WeightWatcher's
// columns, the HTMP fit and the phase.
import type { WeightTensor } from '../io/weights/tensor.js';
import { fitHtmp } from './htmp-fit.js';
import { analyzeSpectrum } from './layer.js';
import { type LayerSpectra, pooledSquares } from './layer-spectra.js';
import type { LayerRow, ModelOptions } from './model.js';
import { classifyPhase } from './phases.js';
import { weightWatcherColumns } from './ww/columns.js';
import type { WwSlices } from './ww/slices.js';

/** A tensor diagnoseModel will analyse: its file, its slices and its layer_id. */
export interface PendingLayer {
  file: string;
  tensor: WeightTensor;
  slices: WwSlices;
  id: number;
}

/**
 * rmtkit's metrics, WeightWatcher's columns and the phase of one layer from its spectra (for a
 * convolution rmtkit's metrics without MP fit and traps; see diagnoseModel).
 * @example analyzeLayer(layer, await layerSpectra(layer.slices, 'auto', []), { mpFit: true })
 */
export function analyzeLayer(
  layer: PendingLayer,
  spectra: LayerSpectra,
  options: ModelOptions,
): LayerRow {
  const { file, tensor, slices, id } = layer;
  const { singular, random } = spectra;
  const ww = weightWatcherColumns(slices, id, tensor.name, {
    fixFingers: options.fixFingers ? 'clip_xmax' : undefined,
    mpFit: options.mpFit,
    singular,
    random,
  });
  const dense = slices.kind === 'dense';
  const M = dense ? slices.M : ww.numEvals;
  const own = analyzeSpectrum(
    { N: slices.N, M, evals: pooledSquares(singular) },
    dense && random ? { N: slices.N, M, evals: random.rand2 } : undefined,
    dense ? options : { ...options, mpFit: false, randomize: false },
  );
  const htmp = options.htmp ? fitHtmp(own.evals, own.N, own.M) : undefined;
  const call = classifyPhase({ evals: own.evals, N: own.N, M: own.M, fit: own.fit, htmp });
  return {
    file,
    name: tensor.name,
    shape: tensor.shape,
    ...own,
    ww,
    phase: call.phase,
    phase_evidence: call.evidence,
    ...(htmp && { kappa: htmp.kappa, htmp_distance: htmp.distance }),
    esd_method: spectra.method,
  };
}
