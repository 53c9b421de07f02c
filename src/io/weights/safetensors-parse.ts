import { DataFormatError } from '../../errors.js';
import { arrayAt, indexAt, objectAt, parseJsonAt, shapeAt, stringAt } from './schema.js';
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

/** The largest header accepted (the format's reference implementation allows 100 MB). */
const MAX_HEADER = 100_000_000;

/**
 * Parses safetensors bytes (https://huggingface.co/docs/safetensors): an 8-byte little-endian
 * header length, a JSON header {name: {dtype, shape, data_offsets: [begin, end]}, __metadata__},
 * then the data, offsets relative to its start. Tensors of other dtypes (F8_*, …) are skipped.
 * The header is checked against its schema first: integer offsets within the data that cover it
 * exactly (no overlaps, no gaps), shapes of non-negative integers, a header of at most 100 MB.
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
  if (headerLength > MAX_HEADER)
    throw new DataFormatError(
      file,
      'header',
      `claims ${headerLength} bytes (at most ${MAX_HEADER})`,
    );
  const header = objectAt(
    parseJsonAt(bytes.subarray(8, 8 + headerLength), file, 'header'),
    file,
    'header',
  );
  const data = bytes.subarray(8 + headerLength);
  const out: WeightFile = { file, format: 'safetensors', tensors: [], skipped: [] };
  const ranges: Array<{ name: string; begin: number; end: number }> = [];
  const entries: Array<{ name: string; dtype: string | undefined; code: string; shape: number[] }> =
    [];
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (value !== null) objectAt(value, file, 'header __metadata__');
      continue;
    }
    const place = `tensor '${name}'`;
    const entry = objectAt(value, file, place);
    const code = stringAt(entry.dtype, file, `${place} dtype`);
    const shape = shapeAt(entry.shape, file, `${place} shape`);
    const offsets = arrayAt(entry.data_offsets, file, `${place} data_offsets`);
    if (offsets.length !== 2)
      throw new DataFormatError(
        file,
        place,
        `data_offsets must be [begin, end], found ${offsets.length} values`,
      );
    const begin = indexAt(offsets[0], file, `${place} data_offsets[0]`);
    const end = indexAt(offsets[1], file, `${place} data_offsets[1]`);
    if (end < begin)
      throw new DataFormatError(
        file,
        place,
        `data_offsets [${begin}, ${end}] end before they begin`,
      );
    if (end > data.length)
      throw new DataFormatError(
        file,
        place,
        `needs ${end - begin} bytes at offset ${begin}, the data holds ${Math.max(0, data.length - begin)}`,
      );
    const dtype = DTYPES[code];
    const count = elementCount(shape, file, name);
    if (dtype && end - begin !== count * ELEMENT_TYPES[dtype]!.size) {
      throw new DataFormatError(
        file,
        place,
        `data_offsets span ${end - begin} bytes, shape [${shape.join(', ')}] of ${code} needs ${count * ELEMENT_TYPES[dtype]!.size}`,
      );
    }
    ranges.push({ name, begin, end });
    entries.push({ name, dtype, code, shape });
  }
  // The spec requires the data to be covered exactly: no overlaps, no holes.
  ranges.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const r of ranges) {
    if (r.begin < covered)
      throw new DataFormatError(
        file,
        `tensor '${r.name}'`,
        `data_offsets [${r.begin}, ${r.end}] overlap another tensor's bytes`,
      );
    if (r.begin > covered)
      throw new DataFormatError(
        file,
        `tensor '${r.name}'`,
        `data_offsets leave a gap: bytes ${covered}–${r.begin} belong to no tensor`,
      );
    covered = r.end;
  }
  if (covered !== data.length)
    throw new DataFormatError(
      file,
      'data',
      `${data.length - covered} bytes after the last tensor belong to no tensor`,
    );
  for (const { name, dtype, code, shape } of entries) {
    const range = ranges.find((r) => r.name === name)!;
    if (!dtype) {
      out.skipped.push({ name, reason: `dtype ${code} is not read` });
      continue;
    }
    out.tensors.push({
      name,
      shape,
      data: decodeElements(data, range.begin, dtype, elementCount(shape, file, name), file, name),
      dtype,
      floating: ELEMENT_TYPES[dtype]!.floating,
    });
  }
  return out;
}
