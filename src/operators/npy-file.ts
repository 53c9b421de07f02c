import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DataFormatError } from '../errors.js';
import { type NpyHeader, parseNpyHeader } from '../io/npy-header.js';

/** The layout of a 2-D float64 C-order `.npy` file, read from its header only. */
export interface NpyMatrixFile {
  path: string;
  rows: number;
  cols: number;
  /** Byte offset of entry (0, 0). */
  dataOffset: number;
}

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Reads and checks the header of a `.npy` file meant to be streamed by rows: dtype '<f8'
 * (float64, little-endian, on a little-endian host), C order, two dimensions, and a file long
 * enough to hold rows·cols·8 data bytes. Only the header bytes are read.
 * @throws {DataFormatError} naming the file: not `.npy`, another dtype, Fortran order, not 2-D,
 *   or truncated (with the expected and the found number of bytes).
 * @example openNpyMatrix('A.npy') // { path, rows: 4000, cols: 4000, dataOffset: 128 }
 */
export function openNpyMatrix(path: string): NpyMatrixFile {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, 0, Math.min(size, 12));
    // Versions 2.0 and 3.0 store a 4-byte header length after the magic and version bytes.
    const headerLength =
      head.length >= 12 && head[6]! >= 2
        ? new DataView(head.buffer).getUint32(8, true) + 12
        : head.length >= 10
          ? new DataView(head.buffer).getUint16(8, true) + 10
          : head.length;
    const header: NpyHeader = parseNpyHeader(readAt(fd, 0, Math.min(size, headerLength)), path);
    if (header.descr !== '<f8' || !HOST_LITTLE_ENDIAN)
      throw new DataFormatError(
        path,
        'header',
        `dtype '${header.descr}' is not little-endian float64 ('<f8'); convert it with numpy's astype('<f8')`,
      );
    if (header.fortranOrder)
      throw new DataFormatError(path, 'header', 'is in Fortran order; row blocks need C order');
    if (header.shape.length !== 2)
      throw new DataFormatError(path, 'header', `shape (${header.shape.join(', ')}) is not 2-D`);
    const [rows, cols] = header.shape as [number, number];
    const expected = header.dataOffset + 8 * rows * cols;
    if (size < expected)
      throw new DataFormatError(
        path,
        '',
        `truncated: a ${rows}×${cols} float64 matrix needs ${expected} bytes (header ${header.dataOffset} + data ${8 * rows * cols}), found ${size}`,
      );
    return { path, rows, cols, dataOffset: header.dataOffset };
  } finally {
    closeSync(fd);
  }
}

/**
 * Rows [start, end) of the matrix as a row-major Float64Array, read with `fs.readSync` into
 * `into` (which must hold (end − start)·cols doubles).
 * @throws {DataFormatError} naming the file when the read comes back short (the file shrank).
 */
export function readRows(
  fd: number,
  file: NpyMatrixFile,
  start: number,
  end: number,
  into: Float64Array,
): Float64Array {
  const count = (end - start) * file.cols;
  const bytes = new Uint8Array(into.buffer, into.byteOffset, 8 * count);
  let done = 0;
  const position = file.dataOffset + 8 * start * file.cols;
  while (done < bytes.length) {
    const got = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (got === 0)
      throw new DataFormatError(
        file.path,
        `rows ${start}–${end - 1}`,
        `truncated: expected ${bytes.length} bytes at offset ${position}, found ${done}`,
      );
    done += got;
  }
  return into.subarray(0, count);
}

function readAt(fd: number, position: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const got = readSync(fd, out, done, length - done, position + done);
    if (got === 0) break;
    done += got;
  }
  return out.subarray(0, done);
}
