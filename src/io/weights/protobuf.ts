import { DataFormatError } from '../../errors.js';

/** One field of a protobuf message: its number, wire type and value (varint, fixed or bytes). */
export interface ProtoField {
  field: number;
  wire: 0 | 1 | 2 | 5;
  /** Varints and fixed64 as numbers (exact up to 2⁵³), fixed32 as its unsigned bits. */
  number: number;
  /**
   * Length-delimited payloads (sub-messages, strings, packed arrays) or a varint's own bytes,
   * sharing memory with the input.
   */
  bytes: Uint8Array;
  /** Offset of the field's payload in the outermost buffer, for error messages. */
  offset: number;
}

const TEXT = new TextDecoder();

/**
 * The fields of one protobuf message in wire order (the encoding of
 * https://protobuf.dev/programming-guides/encoding/): enough to read ONNX without a schema
 * compiler. Deprecated groups (wire types 3, 4) are rejected.
 * @param base offset of `bytes` in the file, for error messages.
 * @throws {DataFormatError} naming `file` and the byte offset on truncation or a bad wire type.
 * @example for (const f of protoFields(bytes, 'model.onnx')) if (f.field === 7) graph = f.bytes
 */
export function* protoFields(bytes: Uint8Array, file: string, base = 0): Generator<ProtoField> {
  let pos = 0;
  const fail = (detail: string): never => {
    throw new DataFormatError(file, `byte ${base + pos}`, `malformed protobuf: ${detail}`);
  };
  const varint = (): number => {
    let result = 0;
    let factor = 1;
    for (let shift = 0; shift < 70; shift += 7) {
      if (pos >= bytes.length) fail('truncated varint');
      const b = bytes[pos++]!;
      result += (b & 0x7f) * factor;
      factor *= 128;
      if (b < 0x80) return result;
    }
    return fail('varint longer than 10 bytes');
  };
  while (pos < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    const offset = base + pos;
    if (wire === 0) {
      const start = pos;
      const number = varint();
      yield { field, wire: 0, number, bytes: bytes.subarray(start, pos), offset };
    } else if (wire === 1) {
      if (pos + 8 > bytes.length) fail('truncated fixed64');
      const view = new DataView(bytes.buffer, bytes.byteOffset + pos, 8);
      pos += 8;
      yield {
        field,
        wire: 1,
        number: view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32,
        bytes: bytes.subarray(pos - 8, pos),
        offset,
      };
    } else if (wire === 2) {
      const length = varint();
      if (pos + length > bytes.length)
        fail(`field ${field} claims ${length} bytes, ${bytes.length - pos} remain`);
      const start = pos;
      pos += length;
      yield {
        field,
        wire: 2,
        number: length,
        bytes: bytes.subarray(start, pos),
        offset: base + start,
      };
    } else if (wire === 5) {
      if (pos + 4 > bytes.length) fail('truncated fixed32');
      const view = new DataView(bytes.buffer, bytes.byteOffset + pos, 4);
      pos += 4;
      yield {
        field,
        wire: 5,
        number: view.getUint32(0, true),
        bytes: bytes.subarray(pos - 4, pos),
        offset,
      };
    } else {
      fail(`unsupported wire type ${wire} (field ${field})`);
    }
  }
}

/** UTF-8 text of a length-delimited field. @example protoString(f) // 'Constant' */
export function protoString(f: ProtoField): string {
  return TEXT.decode(f.bytes);
}

/**
 * The integers of a repeated int64/int32 field occurrence, packed (wire type 2) or not. Varints of
 * 8 bytes or more are decoded with BigInt, so negative values (ten-byte two's complement) come back
 * exactly (as numbers: exact for |v| < 2⁵³).
 * @example protoInts(dimsField) // [64, 128]
 */
export function protoInts(f: ProtoField, file: string): number[] {
  if (f.wire === 0) return [f.bytes.length <= 7 ? f.number : signedFromBytes(f.bytes)];
  if (f.wire !== 2)
    throw new DataFormatError(
      file,
      `byte ${f.offset}`,
      `expected a varint or packed varints, found wire type ${f.wire}`,
    );
  const out: number[] = [];
  let start = 0;
  for (let k = 0; k < f.bytes.length; k++) {
    if (f.bytes[k]! < 0x80) {
      const length = k + 1 - start;
      if (length <= 7) {
        let value = 0;
        for (let j = k; j >= start; j--) value = value * 128 + (f.bytes[j]! & 0x7f);
        out.push(value);
      } else {
        out.push(signedFromBytes(f.bytes.subarray(start, k + 1)));
      }
      start = k + 1;
    }
  }
  return out;
}

/** A long varint (8–10 bytes) as a signed 64-bit integer, exactly, via BigInt. */
function signedFromBytes(bytes: Uint8Array): number {
  let v = 0n;
  for (let j = bytes.length - 1; j >= 0; j--) v = (v << 7n) | BigInt(bytes[j]! & 0x7f);
  return Number(BigInt.asIntN(64, v));
}
