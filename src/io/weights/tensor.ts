import { DataFormatError } from '../../errors.js';
import { decodeToFloat64, type NpyDtype } from '../npy-dtype.js';

/** One named array of a model file, converted to float64 in C (row-major) order. */
export interface WeightTensor {
  name: string;
  shape: number[];
  data: Float64Array;
  /** The stored element type, e.g. 'float32', 'float16', 'uint8→float32' (dequantised), 'int64'. */
  dtype: string;
  /**
   * Whether the stored values are floating point (quantised floats count): only these are weights.
   */
  floating: boolean;
  /**
   * How the model's graph consumes the tensor, where the format records it (ONNX: the nodes that
   * take it as an input); absent when unknown.
   */
  uses?: TensorUse[];
}

/** One node input fed by a tensor: the operator, the input's position, its `group` attribute. */
export interface TensorUse {
  op: string;
  input: number;
  /** The node's `group` attribute (Conv, ConvTranspose), when set. */
  group?: number;
}

/** A tensor a reader could not convert, with the reason (external file missing, strings, …). */
export interface SkippedTensor {
  name: string;
  reason: string;
}

/** What a reader returns for one file. */
export interface WeightFile {
  file: string;
  format: 'onnx' | 'safetensors' | 'tfjs' | 'npy' | 'npz';
  tensors: WeightTensor[];
  skipped: SkippedTensor[];
}

/** Element types the readers decode: name → (bytes per element, floating). */
export const ELEMENT_TYPES: Record<string, { size: number; floating: boolean }> = {
  float64: { size: 8, floating: true },
  float32: { size: 4, floating: true },
  float16: { size: 2, floating: true },
  bfloat16: { size: 2, floating: true },
  int64: { size: 8, floating: false },
  int32: { size: 4, floating: false },
  int16: { size: 2, floating: false },
  int8: { size: 1, floating: false },
  uint64: { size: 8, floating: false },
  uint32: { size: 4, floating: false },
  uint16: { size: 2, floating: false },
  uint8: { size: 1, floating: false },
  bool: { size: 1, floating: false },
};

/**
 * Decodes `count` little-endian elements of `dtype` (a key of ELEMENT_TYPES) at `offset`.
 * @throws {DataFormatError} naming file and tensor if the bytes run short or the type is unknown.
 * @example decodeElements(bytes, 0, 'float16', 4, 'm.safetensors', 'w')
 */
export function decodeElements(
  bytes: Uint8Array,
  offset: number,
  dtype: string,
  count: number,
  file: string,
  name: string,
): Float64Array {
  const type = ELEMENT_TYPES[dtype];
  if (!type)
    throw new DataFormatError(file, `tensor '${name}'`, `unsupported element type '${dtype}'`);
  if (offset < 0 || offset + count * type.size > bytes.length) {
    throw new DataFormatError(
      file,
      `tensor '${name}'`,
      `needs ${count * type.size} bytes at offset ${offset}, the data holds ${Math.max(0, bytes.length - offset)}`,
    );
  }
  if (dtype === 'float16' || dtype === 'bfloat16') {
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 2 * count);
    const out = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const bits = view.getUint16(2 * k, true);
      out[k] = dtype === 'float16' ? halfToFloat(bits) : bfloat16ToFloat(bits);
    }
    return out;
  }
  const kind: NpyDtype['kind'] = dtype.startsWith('float')
    ? 'f'
    : dtype === 'bool'
      ? 'b'
      : dtype.startsWith('u')
        ? 'u'
        : 'i';
  return decodeToFloat64(bytes, offset, { kind, size: type.size, littleEndian: true }, count);
}

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/**
 * IEEE 754 binary16 bits → number (subnormals, infinities and NaN included).
 * @example halfToFloat(0x3c00) // 1
 */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/**
 * bfloat16 bits (the top half of a float32) → number.
 * @example bfloat16ToFloat(0x3f80) // 1
 */
export function bfloat16ToFloat(bits: number): number {
  U32[0] = bits << 16;
  return F32[0]!;
}

/** The most dimensions a tensor may have (real models use a handful). */
export const MAX_RANK = 64;

/**
 * The number of elements of a shape, checked: at most {@link MAX_RANK} dimensions, non-negative
 * safe integers only.
 * @throws {DataFormatError} naming file and tensor.
 * @example elementCount([3, 4], 'm.onnx', 'w') // 12
 */
export function elementCount(shape: readonly number[], file: string, name: string): number {
  if (shape.length > MAX_RANK)
    throw new DataFormatError(
      file,
      `tensor '${name}'`,
      `has ${shape.length} dimensions (at most ${MAX_RANK})`,
    );
  let count = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0)
      throw new DataFormatError(
        file,
        `tensor '${name}'`,
        `invalid dimension ${d} in shape [${shape.join(', ')}]`,
      );
    count *= d;
  }
  if (!Number.isSafeInteger(count))
    throw new DataFormatError(file, `tensor '${name}'`, `shape [${shape.join(', ')}] is too large`);
  return count;
}
