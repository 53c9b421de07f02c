import { DataFormatError } from '../errors.js';
import type { Matrix } from '../linalg/matrix.js';
import { type NdArray, toVectorOrMatrix } from './ndarray.js';
import { decodeToFloat64, parseDtype } from './npy-dtype.js';
import { parseNpyHeader } from './npy-header.js';

/**
 * Parses `.npy` bytes of any shape into a C-ordered float64 {@link NdArray}. Accepts format
 * versions 1.0–3.0, float32/64, integer and bool dtypes in either byte order (converted to
 * float64), and C or Fortran order (Fortran data are reordered to C order).
 * @param name the file name used in error messages.
 * @param options.share let C-ordered '<f8' data share memory with `bytes` instead of copying
 *   (only for buffers nobody else will modify, such as a file just read).
 * @throws {DataFormatError} naming `name`: bad magic, unsupported dtype (e.g. '<c16'), a bad
 *   header, or data of the wrong length ("truncated data: expected 96 bytes for shape (3, 4) of
 *   '<f8', found 40").
 * @example parseNpyArray(readFileSync('w.npy'), 'w.npy').shape // [64, 3, 3, 3]
 */
export function parseNpyArray(
  bytes: Uint8Array,
  name: string,
  options: { share?: boolean } = {},
): NdArray {
  const header = parseNpyHeader(bytes, name);
  const dtype = parseDtype(header.descr, name);
  const count = header.shape.reduce((a, b) => a * b, 1);
  const expected = count * dtype.size;
  const found = bytes.length - header.dataOffset;
  if (!Number.isSafeInteger(expected) || expected !== found) {
    const what = found < expected ? 'truncated data' : 'trailing bytes after the data';
    throw new DataFormatError(
      name,
      'data',
      `${what}: expected ${expected} bytes for shape (${header.shape.join(', ')}) of '${header.descr}', found ${found}`,
    );
  }
  const raw = decodeToFloat64(bytes, header.dataOffset, dtype, count, options.share === true);
  const shape = header.shape;
  return { shape, data: header.fortranOrder && shape.length > 1 ? fortranToC(raw, shape) : raw };
}

/**
 * Parses `.npy` bytes into a Matrix (2-D), a Float64Array (1-D) or a length-1 Float64Array (0-D).
 * @param options.share as for {@link parseNpyArray}.
 * @throws {DataFormatError} as {@link parseNpyArray}, and for three or more dimensions.
 * @example parseNpy(bytes, 'X.npy') // Matrix for a 2-D array
 */
export function parseNpy(
  bytes: Uint8Array,
  name: string,
  options: { share?: boolean } = {},
): Float64Array | Matrix {
  return toVectorOrMatrix(parseNpyArray(bytes, name, options), name);
}

/** Reorders column-major (Fortran) data of the given shape to row-major (C) order. */
function fortranToC(data: Float64Array, shape: readonly number[]): Float64Array {
  const out = new Float64Array(data.length);
  const nd = shape.length;
  if (nd === 2) {
    const [r, c] = shape as [number, number];
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[i * c + j] = data[j * r + i]!;
    return out;
  }
  // General case: walk C order with an odometer over the index, tracking the Fortran offset.
  const strides = new Array<number>(nd);
  for (let a = 0, s = 1; a < nd; a++) {
    strides[a] = s;
    s *= shape[a]!;
  }
  const index = new Array<number>(nd).fill(0);
  let offset = 0;
  for (let k = 0; k < data.length; k++) {
    out[k] = data[offset]!;
    for (let a = nd - 1; a >= 0; a--) {
      index[a]!++;
      offset += strides[a]!;
      if (index[a]! < shape[a]!) break;
      offset -= index[a]! * strides[a]!;
      index[a] = 0;
    }
  }
  return out;
}
