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

/**
 * A layer diagnoseModel will analyse: its file, tensor, row name, slices, layer_id (the tensor's)
 * and the row fields saying what it is (kind, reading).
 */
export interface PendingLayer {
  file: string;
  tensor: WeightTensor;
  name: string;
  slices: WwSlices;
  id: number;
  row: Pick<LayerRow, 'kind' | 'reading' | 'groups' | 'ww_reading'>;
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
  const { file, tensor, name, slices, id } = layer;
  const { singular, random } = spectra;
  const ww = weightWatcherColumns(slices, id, name, {
    fixFingers: options.fixFingers ? 'clip_xmax' : undefined,
    ...options.ww,
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
    name,
    shape: tensor.shape,
    ...layer.row,
    ...own,
    ww,
    phase: call.phase,
    phase_evidence: call.evidence,
    ...(htmp && { kappa: htmp.kappa, htmp_distance: htmp.distance }),
    esd_method: spectra.method,
  };
}
