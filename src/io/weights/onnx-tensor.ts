import { DataFormatError } from '../../errors.js';
import { protoFields, protoInts, protoString } from './protobuf.js';
import {
  bfloat16ToFloat,
  decodeElements,
  ELEMENT_TYPES,
  elementCount,
  halfToFloat,
  type SkippedTensor,
  type WeightTensor,
} from './tensor.js';

/** ONNX TensorProto.DataType codes → element type names (onnx/onnx.proto). */
const DATA_TYPES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16',
};

/**
 * Reads the bytes of a tensor stored outside the model: `length` bytes at `offset` of the file
 * `location` (relative to the model file). It must return exactly that range.
 */
export type ExternalReader = (
  location: string,
  range: { offset: number; length: number },
) => Uint8Array;

/**
 * Decodes one ONNX TensorProto: dims (1), data_type (2), name (8) and the values from raw_data (9,
 * little-endian), float_data (4), int32_data (5, which also carries float16/bfloat16 bits and the
 * small integer types), int64_data (7), double_data (10), uint64_data (11), or external_data (13,
 * keys location/offset/length) through `readExternal`. Strings, complex and 8-/4-bit types are
 * reported as skipped.
 * @throws {DataFormatError} naming the file and tensor for malformed or short data.
 * @example decodeOnnxTensor(field.bytes, 'model.onnx', field.offset, 'fc.weight')
 */
export function decodeOnnxTensor(
  bytes: Uint8Array,
  file: string,
  base: number,
  fallbackName: string,
  readExternal?: ExternalReader,
): WeightTensor | SkippedTensor {
  const dims: number[] = [];
  let code = 0;
  let name = fallbackName;
  let raw: Uint8Array | undefined;
  const floats: number[] = [];
  const ints: number[] = [];
  const external = new Map<string, string>();
  let location = 0;
  for (const f of protoFields(bytes, file, base)) {
    if (f.field === 1) append(dims, protoInts(f, file));
    else if (f.field === 2) code = f.number;
    else if (f.field === 8) name = protoString(f) || fallbackName;
    else if (f.field === 9) raw = f.bytes;
    else if (f.field === 4 || f.field === 10) readFixed(f.bytes, f.field === 4 ? 4 : 8, floats);
    else if (f.field === 5 || f.field === 7 || f.field === 11) append(ints, protoInts(f, file));
    else if (f.field === 13) {
      let key = '';
      let value = '';
      for (const g of protoFields(f.bytes, file, f.offset)) {
        if (g.field === 1) key = protoString(g);
        else if (g.field === 2) value = protoString(g);
      }
      external.set(key, value);
    } else if (f.field === 14) location = f.number;
  }
  const dtype = DATA_TYPES[code] ?? `type ${code}`;
  const type = ELEMENT_TYPES[dtype];
  if (!type) return { name, reason: `element type ${dtype} is not read` };
  const count = elementCount(dims, file, name);
  let data: Float64Array;
  if (location === 1 || external.size > 0) {
    const where = external.get('location');
    if (!where || !readExternal)
      return { name, reason: 'external data without a readable location' };
    const offset = externalInteger(external.get('offset'), 0, file, name, 'offset');
    const length = externalInteger(external.get('length'), count * type.size, file, name, 'length');
    if (length !== count * type.size)
      throw new DataFormatError(
        file,
        `tensor '${name}'`,
        `external data length ${length} does not match shape [${dims.join(', ')}] of ${dtype} (${count * type.size} bytes)`,
      );
    const chunk = readExternal(where, { offset, length });
    data = decodeElements(chunk, 0, dtype, count, `${file} → ${where}`, name);
  } else if (raw) {
    data = decodeElements(raw, 0, dtype, count, file, name);
  } else {
    const source = floats.length > 0 ? floats : ints;
    if (source.length !== count)
      throw new DataFormatError(
        file,
        `tensor '${name}'`,
        `shape [${dims.join(', ')}] needs ${count} values, found ${source.length}`,
      );
    data = Float64Array.from(source);
    if (dtype === 'float16') data = data.map((bits) => halfToFloat(bits));
    else if (dtype === 'bfloat16') data = data.map((bits) => bfloat16ToFloat(bits));
    else if (dtype === 'uint64') data = data.map((v) => (v < 0 ? v + 2 ** 64 : v));
  }
  return { name, shape: dims, data, dtype, floating: type.floating };
}

/** Appends `values` to `out` one by one (a spread of a large array overflows the stack). */
function append(out: number[], values: readonly number[]): void {
  for (const v of values) out.push(v);
}

/**
 * An external-data `offset` or `length` value: decimal digits only (`abc`, `0.5`, `-1` and `1e3`
 * are errors, not 0), or `fallback` when absent.
 * @throws {DataFormatError} naming the file and tensor.
 */
function externalInteger(
  text: string | undefined,
  fallback: number,
  file: string,
  name: string,
  key: string,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d{1,16}$/.test(text) || !Number.isSafeInteger(value))
    throw new DataFormatError(
      file,
      `tensor '${name}'`,
      `external data ${key} must be a non-negative integer, found ${JSON.stringify(text.slice(0, 40))}`,
    );
  return value;
}

/**
 * Appends little-endian float32 (size 4) or float64 (size 8) values: a packed run or one fixed
 * field.
 */
function readFixed(bytes: Uint8Array, size: 4 | 8, out: number[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let k = 0; k + size <= bytes.byteLength; k += size)
    out.push(size === 4 ? view.getFloat32(k, true) : view.getFloat64(k, true));
}
