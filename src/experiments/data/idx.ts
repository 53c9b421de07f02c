import { gunzipSync } from 'node:zlib';
import { DataFormatError } from '../../errors.js';

/** An IDX array (the MNIST file format): unsigned bytes and their shape. */
export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

/**
 * Parses an IDX file of unsigned bytes (type code 0x08), gzip-compressed or not: big-endian
 * magic 0x0000 08 <rank>, one uint32 per dimension, then the bytes in C order.
 * @throws {DataFormatError} naming `name` for another type, a truncated file or a bad header.
 * @example parseIdx(readFileSync('train-images-idx3-ubyte.gz'), 'train-images').shape // [60000, 28, 28]
 */
export function parseIdx(bytes: Uint8Array, name: string): IdxArray {
  let raw = bytes;
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      raw = gunzipSync(raw);
    } catch (error) {
      throw new DataFormatError(name, '', `is not valid gzip (${(error as Error).message})`);
    }
  }
  if (raw.length < 4 || raw[0] !== 0 || raw[1] !== 0)
    throw new DataFormatError(
      name,
      'byte 0',
      'is not an IDX file (magic must start with two zero bytes)',
    );
  if (raw[2] !== 0x08)
    throw new DataFormatError(
      name,
      'byte 2',
      `has element type 0x${raw[2].toString(16)}; only unsigned bytes (0x08) are supported`,
    );
  const rank = raw[3];
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (raw.length < 4 + 4 * rank)
    throw new DataFormatError(name, '', 'is truncated inside its header');
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const size = shape.reduce((a, b) => a * b, 1);
  const start = 4 + 4 * rank;
  if (raw.length - start !== size)
    throw new DataFormatError(
      name,
      '',
      `holds ${raw.length - start} bytes of data; its shape ${shape.join('×')} needs ${size}`,
    );
  return { shape, data: raw.subarray(start) };
}
