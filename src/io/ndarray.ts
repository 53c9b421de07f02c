import { DataFormatError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';

/** An n-dimensional float64 array in C (row-major) order, as read from `.npy`/`.npz` files. */
export interface NdArray {
  shape: number[];
  data: Float64Array;
}

/**
 * The natural rmtkit value of an array: a 2-D array becomes a Matrix, a 1-D array a
 * Float64Array, and a 0-D scalar a Float64Array of length 1.
 * @throws {DataFormatError} naming `name` for three or more dimensions (reshape them first).
 * @example toVectorOrMatrix({ shape: [2, 2], data: Float64Array.of(1, 2, 3, 4) }, 'w.npy') // 2×2 Matrix
 */
export function toVectorOrMatrix(array: NdArray, name: string): Float64Array | Matrix {
  const { shape, data } = array;
  if (shape.length <= 1) return data;
  if (shape.length === 2) return Matrix.fromRowMajor(shape[0]!, shape[1]!, data);
  throw new DataFormatError(
    name,
    '',
    `only 1-D and 2-D arrays convert to vectors and matrices; shape is (${shape.join(', ')})`,
  );
}
