import { DataFormatError } from '../errors.js';

/** A numeric dtype this reader converts to float64. */
export interface NpyDtype {
  kind: 'f' | 'i' | 'u' | 'b';
  size: number;
  littleEndian: boolean;
}

const SUPPORTED =
  "float ('<f4', '<f8'), signed and unsigned integers of 1–8 bytes ('<i4', '|u1', …) and bool ('|b1'), either byte order";
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Parses a numpy dtype string such as '<f8', '>i4' or '|u1'.
 * @throws {DataFormatError} naming `name` for anything else, e.g. "unsupported dtype '<c16'".
 * @example parseDtype('>f8', 'x.npy') // { kind: 'f', size: 8, littleEndian: false }
 */
export function parseDtype(descr: string, name: string): NpyDtype {
  const match = /^([<>|=])([fiub])(\d+)$/.exec(descr);
  const size = match ? Number(match[3]) : 0;
  const kind = match?.[2] as NpyDtype['kind'] | undefined;
  const ok =
    kind === 'f'
      ? size === 4 || size === 8
      : kind === 'b'
        ? size === 1
        : [1, 2, 4, 8].includes(size);
  if (!match || !kind || !ok)
    throw new DataFormatError(
      name,
      'header',
      `unsupported dtype '${descr}' (supported: ${SUPPORTED})`,
    );
  // '|' (no byte order) only occurs for 1-byte types; '=' is native, and numpy files are written on
  // little-endian hosts in practice.
  return { kind, size, littleEndian: match[1] !== '>' };
}

/**
 * Converts `count` items of `dtype` starting at `offset` to float64 (64-bit integers beyond 2⁵³
 * round to the nearest double). Reads unaligned data through a DataView; a native-endian '<f8'
 * block is copied in one go, or, with `share` and 8-byte alignment, viewed without a copy (the
 * result then shares memory with `bytes`: for buffers nobody else holds, like a file just read).
 * @example decodeToFloat64(bytes, 128, { kind: 'f', size: 4, littleEndian: true }, 12)
 */
export function decodeToFloat64(
  bytes: Uint8Array,
  offset: number,
  dtype: NpyDtype,
  count: number,
  share = false,
): Float64Array {
  const start = bytes.byteOffset + offset;
  if (dtype.kind === 'f' && dtype.size === 8 && dtype.littleEndian === HOST_LITTLE_ENDIAN) {
    if (share && start % 8 === 0) return new Float64Array(bytes.buffer, start, count);
    return new Float64Array(bytes.buffer.slice(start, start + 8 * count));
  }
  const view = new DataView(bytes.buffer, start, dtype.size * count);
  const out = new Float64Array(count);
  const le = dtype.littleEndian;
  const read = reader(view, dtype);
  for (let k = 0; k < count; k++) out[k] = read(k * dtype.size, le);
  return out;
}

function reader(view: DataView, { kind, size }: NpyDtype): (at: number, le: boolean) => number {
  if (kind === 'f')
    return size === 8 ? (at, le) => view.getFloat64(at, le) : (at, le) => view.getFloat32(at, le);
  if (kind === 'b') return (at) => (view.getUint8(at) === 0 ? 0 : 1);
  if (kind === 'i') {
    if (size === 1) return (at) => view.getInt8(at);
    if (size === 2) return (at, le) => view.getInt16(at, le);
    if (size === 4) return (at, le) => view.getInt32(at, le);
    return (at, le) => Number(view.getBigInt64(at, le));
  }
  if (size === 1) return (at) => view.getUint8(at);
  if (size === 2) return (at, le) => view.getUint16(at, le);
  if (size === 4) return (at, le) => view.getUint32(at, le);
  return (at, le) => Number(view.getBigUint64(at, le));
}
