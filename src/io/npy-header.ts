import { DataFormatError } from '../errors.js';

/**
 * The header of a `.npy` file (format versions 1.0, 2.0 and 3.0, numpy's NEP 1):
 * magic `\x93NUMPY`, major and minor version bytes, a little-endian header length (2 bytes in
 * 1.0, 4 bytes in 2.0/3.0), then a Python dict literal
 * `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }` padded with spaces and `\n`.
 */
export interface NpyHeader {
  /** numpy dtype string, e.g. '<f8'. */
  descr: string;
  /** True when the data are stored column-major. */
  fortranOrder: boolean;
  shape: number[];
  /** Byte offset of the first data byte. */
  dataOffset: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Parses the header of `.npy` bytes.
 * @throws {DataFormatError} naming `name` for bad magic bytes, an unknown version, a header
 *   running past the end, or a dict without a plain 'descr', 'fortran_order' or 'shape'.
 * @example parseNpyHeader(bytes, 'x.npy').shape // [3, 4]
 */
export function parseNpyHeader(bytes: Uint8Array, name: string): NpyHeader {
  if (bytes.length < 10 || MAGIC.some((b, k) => bytes[k] !== b)) {
    throw new DataFormatError(name, '', 'not a .npy file (the magic bytes \\x93NUMPY are missing)');
  }
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (major < 1 || major > 3 || minor !== 0) {
    throw new DataFormatError(
      name,
      'header',
      `unsupported .npy format version ${major}.${minor} (supported: 1.0, 2.0, 3.0)`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes)
    throw new DataFormatError(name, 'header', 'truncated before the header length');
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lengthBytes;
  const dataOffset = start + headerLength;
  if (dataOffset > bytes.length) {
    throw new DataFormatError(
      name,
      'header',
      `truncated: the header needs ${headerLength} bytes, found ${bytes.length - start}`,
    );
  }
  // Version 1.0 and 2.0 headers are latin1; 3.0 allows UTF-8 (structured field names).
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(start, dataOffset),
  );
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const order = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined) {
    const structured = /'descr'\s*:\s*\[/.test(text);
    throw new DataFormatError(
      name,
      'header',
      structured
        ? 'unsupported dtype: structured arrays are not numeric matrices'
        : `no 'descr' in header ${JSON.stringify(text.trim())}`,
    );
  }
  if (order === undefined)
    throw new DataFormatError(
      name,
      'header',
      `no 'fortran_order' in header ${JSON.stringify(text.trim())}`,
    );
  if (shapeText === undefined)
    throw new DataFormatError(
      name,
      'header',
      `no 'shape' in header ${JSON.stringify(text.trim())}`,
    );
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      if (!/^\d+$/.test(s))
        throw new DataFormatError(
          name,
          'header',
          `shape entry '${s}' is not a non-negative integer`,
        );
      return Number(s);
    });
  return { descr, fortranOrder: order === 'True', shape, dataOffset };
}

/**
 * The header bytes numpy writes for a C-ordered array of the given dtype and shape: version 1.0
 * when the dict fits a 2-byte length, else 2.0; padded so the data start on a 64-byte boundary.
 * @example formatNpyHeader('<f8', [2, 3]).length % 64 // 0
 */
export function formatNpyHeader(descr: string, shape: readonly number[]): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const paddedFor = (prefix: number) => Math.ceil((prefix + dict.length + 1) / 64) * 64;
  const major = paddedFor(10) - 10 > 0xffff ? 2 : 1;
  const prefix = major === 1 ? 10 : 12;
  const padded = paddedFor(prefix);
  const headerLength = padded - prefix;
  const out = new Uint8Array(padded);
  out.set(MAGIC);
  out[6] = major;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, headerLength, true);
  else view.setUint32(8, headerLength, true);
  const text = dict.padEnd(headerLength - 1, ' ') + '\n';
  for (let k = 0; k < text.length; k++) out[prefix + k] = text.charCodeAt(k);
  return out;
}
