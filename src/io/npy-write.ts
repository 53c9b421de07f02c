import { InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import type { NdArray } from './ndarray.js';
import { formatNpyHeader } from './npy-header.js';

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The `.npy` bytes of a Matrix (2-D), a Float64Array (1-D) or an {@link NdArray}: dtype '<f8',
 * C order, format 1.0 (2.0 only if the header needs it), data aligned to 64 bytes as numpy does.
 * `numpy.load` reads the result back exactly.
 * @throws {InvalidArgumentError} naming 'array' when an NdArray's shape does not match its data.
 * @example toNpyBytes(Matrix.identity(3)) // 128 header bytes + 72 data bytes
 */
export function toNpyBytes(array: Matrix | Float64Array | NdArray): Uint8Array {
  const { shape, data } = asNdArray(array);
  const header = formatNpyHeader('<f8', shape);
  const out = new Uint8Array(header.length + 8 * data.length);
  out.set(header);
  if (HOST_LITTLE_ENDIAN) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), header.length);
  } else {
    const view = new DataView(out.buffer, header.length);
    for (let k = 0; k < data.length; k++) view.setFloat64(8 * k, data[k]!, true);
  }
  return out;
}

function asNdArray(array: Matrix | Float64Array | NdArray): NdArray {
  if (array instanceof Matrix) return { shape: [array.rows, array.cols], data: array.data };
  if (array instanceof Float64Array) return { shape: [array.length], data: array };
  const count = array.shape.reduce((a, b) => a * b, 1);
  if (!array.shape.every((s) => Number.isInteger(s) && s >= 0) || count !== array.data.length) {
    throw new InvalidArgumentError(
      'array',
      `must have data.length equal to the product of its shape (${array.shape.join(', ')})`,
      array.data.length,
    );
  }
  return array;
}
