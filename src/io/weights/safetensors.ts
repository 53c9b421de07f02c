import { readFileSync } from 'node:fs';
import { DataFormatError } from '../../errors.js';
import { decodeElements, ELEMENT_TYPES, elementCount, type WeightFile } from './tensor.js';

/** safetensors dtype codes → element type names. */
const DTYPES: Record<string, string> = {
  F64: 'float64',
  F32: 'float32',
  F16: 'float16',
  BF16: 'bfloat16',
  I64: 'int64',
  I32: 'int32',
  I16: 'int16',
  I8: 'int8',
  U64: 'uint64',
  U32: 'uint32',
  U16: 'uint16',
  U8: 'uint8',
  BOOL: 'bool',
};

/**
 * Parses safetensors bytes (https://huggingface.co/docs/safetensors): an 8-byte little-endian
 * header length, a JSON header {name: {dtype, shape, data_offsets: [begin, end]}, __metadata__},
 * then the data, offsets relative to its start. Tensors of other dtypes (F8_*, …) are skipped.
 * @throws {DataFormatError} naming the file and tensor for a malformed header or short data.
 * @example parseSafetensors(bytes, 'model.safetensors').tensors[0].shape
 */
export function parseSafetensors(bytes: Uint8Array, file: string): WeightFile {
  if (bytes.length < 8)
    throw new DataFormatError(file, '', 'is too short for a safetensors header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (headerLength > bytes.length - 8)
    throw new DataFormatError(
      file,
      'header',
      `claims ${headerLength} bytes, the file holds ${bytes.length - 8}`,
    );
  let header: Record<string, { dtype?: string; shape?: number[]; data_offsets?: [number, number] }>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch (error) {
    throw new DataFormatError(file, 'header', `is not valid JSON (${(error as Error).message})`);
  }
  const data = bytes.subarray(8 + headerLength);
  const out: WeightFile = { file, format: 'safetensors', tensors: [], skipped: [] };
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const dtype = DTYPES[entry.dtype ?? ''];
    if (!dtype) {
      out.skipped.push({ name, reason: `dtype ${entry.dtype} is not read` });
      continue;
    }
    const shape = entry.shape;
    const offsets = entry.data_offsets;
    if (!Array.isArray(shape) || !Array.isArray(offsets) || offsets.length !== 2)
      throw new DataFormatError(
        file,
        `tensor '${name}'`,
        'needs shape and data_offsets in the header',
      );
    const count = elementCount(shape, file, name);
    const [begin, end] = offsets;
    if (end - begin !== count * ELEMENT_TYPES[dtype]!.size) {
      throw new DataFormatError(
        file,
        `tensor '${name}'`,
        `data_offsets span ${end - begin} bytes, shape [${shape.join(', ')}] of ${entry.dtype} needs ${count * ELEMENT_TYPES[dtype]!.size}`,
      );
    }
    out.tensors.push({
      name,
      shape: [...shape],
      data: decodeElements(data, begin, dtype, count, file, name),
      dtype,
      floating: ELEMENT_TYPES[dtype]!.floating,
    });
  }
  return out;
}

/**
 * Reads a .safetensors file.
 * @throws {DataFormatError}; Node's errors when it cannot be read.
 * @example readSafetensors('model.safetensors')
 */
export function readSafetensors(path: string): WeightFile {
  return parseSafetensors(readFileSync(path), path);
}
