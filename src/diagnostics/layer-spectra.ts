// The spectra diagnoseModel computes once per layer and shares between rmtkit's metrics and the
// ww block: pooled s² of the slices, WeightWatcher's randomised ESDs and their permutations.
import type { RandomStream } from '../random/stream.js';
import { type WwRandomEsd, wwReplicas } from './ww/columns.js';
import { wwRandomEvalsAsync } from './ww/esd.js';
import type { WwSlices } from './ww/slices.js';

/** The pooled eigenvalues s² of the unscaled slices, ascending (rmtkit's own metrics). */
export function pooledSquares(singular: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(singular.reduce((n, s) => n + s.length, 0));
  let o = 0;
  for (const s of singular) for (const v of s) out[o++] = v * v;
  return out.sort();
}

/** WeightWatcher's randomised ESDs; rand2 (one permuted copy per slice) is also rmtkit's. */
export async function randomEsd(slices: WwSlices, perms: Int32Array[]): Promise<WwRandomEsd> {
  const r = wwReplicas(slices) * slices.mats.length;
  const { mats, scale } = slices;
  return {
    rand: await wwRandomEvalsAsync(mats, scale, perms.slice(0, r)),
    rand2: await wwRandomEvalsAsync(mats, scale, perms.slice(r)),
  };
}

/** WeightWatcher's randomisation draws: (replicas + 1)·#slices permutations. */
export function permutations(slices: WwSlices, stream: RandomStream): Int32Array[] {
  const count = (wwReplicas(slices) + 1) * slices.mats.length;
  const size = slices.mats[0]!.data.length;
  return Array.from({ length: count }, () => stream.permutation(size));
}
