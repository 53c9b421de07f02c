import { readFileSync, writeFileSync } from 'node:fs';
import type { Matrix } from '../linalg/matrix.js';
import type { NdArray } from './ndarray.js';
import { parseNpy } from './npy-parse.js';
import { toNpyBytes } from './npy-write.js';

/**
 * Reads a `.npy` file as a Matrix (2-D) or Float64Array (1-D; 0-D gives length 1). See
 * `parseNpyArray` for the accepted formats and dtypes.
 * @throws {DataFormatError} naming the file (bad magic, unsupported dtype, truncated data, ≥ 3-D).
 * @throws Node's ENOENT/EACCES errors when the file cannot be read.
 * @example const X = readNpy('data/X.npy') as Matrix
 */
export function readNpy(path: string): Float64Array | Matrix {
  // The buffer is ours alone, so float64 data can be used in place (no second copy in memory).
  return parseNpy(readFileSync(path), path, { share: true });
}

/**
 * Writes a Matrix, Float64Array or NdArray as a little-endian float64 `.npy` file in C order.
 * @example writeNpy('out/X.npy', X) // numpy.load('out/X.npy') gives X exactly
 */
export function writeNpy(path: string, array: Matrix | Float64Array | NdArray): void {
  writeFileSync(path, toNpyBytes(array));
}
