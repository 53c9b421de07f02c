import type { NdArray } from '../ndarray.js';
import { parseNpyArray } from '../npy-parse.js';
import type { WeightFile } from './tensor.js';

/**
 * A `.npy` file as a model of one weight tensor, named after the file (its folder and `.npy`
 * dropped), as `rmtkit diagnose` reads it.
 * @throws {DataFormatError} for a malformed .npy (see parseNpyArray).
 * @example npyWeightFile(bytes, 'layers/fc1.npy').tensors[0].name // 'fc1'
 */
export function npyWeightFile(bytes: Uint8Array, file: string): WeightFile {
  const a = parseNpyArray(bytes, file, { share: true });
  const base = file.slice(file.lastIndexOf('/') + 1);
  return arraysWeightFile(
    new Map([[base.endsWith('.npy') ? base.slice(0, -4) : base, a]]),
    file,
    'npy',
  );
}

/**
 * Named arrays (an `.npz` archive's, or one `.npy`) as a model file: every array is a
 * floating-point weight tensor.
 * @example arraysWeightFile(readNpz('w.npz'), 'w.npz', 'npz').tensors.length
 */
export function arraysWeightFile(
  arrays: ReadonlyMap<string, NdArray>,
  file: string,
  format: 'npy' | 'npz',
): WeightFile {
  return {
    file,
    format,
    skipped: [],
    tensors: [...arrays].map(([name, a]) => ({
      name,
      shape: a.shape,
      data: a.data,
      dtype: 'npy',
      floating: true,
    })),
  };
}
