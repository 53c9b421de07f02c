// The spectra diagnoseModel computes once per layer and shares between rmtkit's metrics and the
// ww block: the singular values of the slices, WeightWatcher's randomised ESDs and their
// permutations.
import type { Matrix } from '../linalg/matrix.js';
import type { RandomStream } from '../random/stream.js';
import { type SliceSpectra, sliceSpectra } from './slice-spectra.js';
import type { SpectrumRoute } from './spectrum-route.js';
import { type WwRandomEsd, wwReplicas } from './ww/columns.js';
import type { WwSlices } from './ww/slices.js';

/** A layer's decompositions: its slices' singular values and, with randomize, the permuted ones. */
export interface LayerSpectra extends SliceSpectra {
  random?: WwRandomEsd;
}

/**
 * The singular values of every slice and, when `stream` is given, WeightWatcher's randomised ESDs
 * (the permutations drawn from it), all by `route`. `levels` are the eigenvalue thresholds of the
 * analysis in unscaled units (see gramResolved).
 * @example await layerSpectra(slices, 'auto', [1e-6, 1e-5], stream.child('ww'))
 */
export async function layerSpectra(
  slices: WwSlices,
  route: SpectrumRoute,
  levels: readonly number[],
  stream?: RandomStream,
): Promise<LayerSpectra> {
  const own = await sliceSpectra(slices.mats, route, levels);
  if (!stream) return own;
  const perms = permutations(slices, stream);
  const r = wwReplicas(slices) * slices.mats.length;
  const rand = await shuffledSpectrum(slices, perms.slice(0, r), route, levels);
  const rand2 = await shuffledSpectrum(slices, perms.slice(r), route, levels);
  return { ...own, random: { rand, rand2 } };
}

/** The pooled eigenvalues s² of the unscaled slices, ascending (rmtkit's own metrics). */
export function pooledSquares(singular: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(singular.reduce((n, s) => n + s.length, 0));
  let o = 0;
  for (const s of singular) for (const v of s) out[o++] = v * v;
  return out.sort();
}

/**
 * The pooled (scale·s)² of the slices with their entries permuted, ascending: for each replica
 * and each slice the next permutation, WeightWatcher's random_eigenvalues.
 */
async function shuffledSpectrum(
  slices: WwSlices,
  perms: readonly Int32Array[],
  route: SpectrumRoute,
  levels: readonly number[],
): Promise<Float64Array> {
  const shuffled: Matrix[] = [];
  let k = 0;
  while (k < perms.length) for (const w of slices.mats) shuffled.push(permuted(w, perms[k++]!));
  const { singular } = await sliceSpectra(shuffled, route, levels);
  const { scale } = slices;
  return pooledSquares(singular.map((s) => s.map((v) => v * scale)));
}

/** WeightWatcher's randomisation draws: (replicas + 1)·#slices permutations. */
function permutations(slices: WwSlices, stream: RandomStream): Int32Array[] {
  const count = (wwReplicas(slices) + 1) * slices.mats.length;
  const size = slices.mats[0]!.data.length;
  return Array.from({ length: count }, () => stream.permutation(size));
}

function permuted(w: Matrix, p: Int32Array): Matrix {
  const out = w.clone();
  for (let i = 0; i < p.length; i++) out.data[i] = w.data[p[i]!]!;
  return out;
}
