// Byte builders for hostile-input tests: protobuf (ONNX), safetensors, zip (stored/deflated).
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/io/crc32.js';

/** Appends `values` one by one (a spread of a large array overflows the stack). */
function put(out: number[], values: ArrayLike<number>): void {
  for (let k = 0; k < values.length; k++) out.push(values[k]!);
}

/** A varint. */
export function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v < 0n) v = BigInt.asUintN(64, v);
  const out: number[] = [];
  do {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? b | 0x80 : b);
  } while (v > 0n);
  return out;
}

/** A length-delimited field. */
export function lenField(field: number, payload: Uint8Array | number[] | string): number[] {
  const bytes = typeof payload === 'string' ? [...new TextEncoder().encode(payload)] : [...payload];
  return [...varint(field * 8 + 2), ...varint(bytes.length), ...bytes];
}

/** A varint field. */
export function intField(field: number, value: number): number[] {
  return [...varint(field * 8), ...varint(value)];
}

/** An ONNX TensorProto. */
export function tensorProto(options: {
  name: string;
  dims: number[];
  type: number;
  raw?: Uint8Array;
  external?: Record<string, string>;
  int64?: number[];
}): number[] {
  const out: number[] = [];
  if (options.dims.length) {
    const packed: number[] = [];
    for (const d of options.dims) put(packed, varint(d));
    put(out, lenField(1, packed));
  }
  put(out, intField(2, options.type));
  put(out, lenField(8, options.name));
  if (options.raw) put(out, lenField(9, options.raw));
  if (options.int64) {
    const packed: number[] = [];
    for (const v of options.int64) put(packed, varint(v));
    put(out, lenField(7, packed));
  }
  if (options.external) {
    for (const [k, v] of Object.entries(options.external))
      put(out, lenField(13, [...lenField(1, k), ...lenField(2, v)]));
    put(out, intField(14, 1));
  }
  return out;
}

/** An ONNX ModelProto whose graph holds the given initializers. */
export function onnxModel(initializers: number[][]): Uint8Array {
  const graph: number[] = [];
  for (const t of initializers) put(graph, lenField(5, t));
  return new Uint8Array([...intField(1, 8), ...lenField(7, graph)]);
}

/**
 * An ONNX model with an If node nested `depth` levels deep through then_branch subgraphs. Each
 * level is a prefix before the inner graph, so the bytes are built from prefixes in linear time.
 */
export function nestedOnnx(depth: number): Uint8Array {
  const prefixes: number[][] = [];
  let inner = 0;
  const header = (field: number, length: number) => [...varint(field * 8 + 2), ...varint(length)];
  for (let k = 0; k < depth; k++) {
    const nameBytes = lenField(1, 'then_branch');
    const attribute = [...nameBytes, ...header(6, inner)];
    const attributeLength = attribute.length + inner;
    const op = lenField(4, 'If');
    const node = [...op, ...header(5, attributeLength)];
    const nodeLength = node.length + attributeLength;
    const graph = header(1, nodeLength);
    prefixes.push([...graph, ...node, ...attribute]);
    inner = graph.length + nodeLength;
  }
  const model = [...intField(1, 8), ...header(7, inner)];
  const out = new Uint8Array(model.length + inner);
  out.set(model, 0);
  let at = model.length;
  for (let k = prefixes.length - 1; k >= 0; k--) {
    out.set(prefixes[k]!, at);
    at += prefixes[k]!.length;
  }
  return out;
}

/** A safetensors file with the given header and data bytes. */
export function safetensors(header: unknown, data: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

/**
 * A one-member zip. `declaredSize` overrides the uncompressed size written in the headers (to
 * make a member lie about its size).
 */
export function zip(
  member: string,
  content: Uint8Array,
  options: { deflate?: boolean; declaredSize?: number; compressed?: Uint8Array } = {},
): Uint8Array {
  const data = options.compressed ?? (options.deflate ? deflateRawSync(content) : content);
  const name = new TextEncoder().encode(member);
  const size = options.declaredSize ?? content.length;
  const crc = crc32(content);
  const method = options.deflate || options.compressed ? 8 : 0;
  const local = new Uint8Array(30 + name.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(8, method, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, size, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(10, method, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, size, true);
  cv.setUint16(28, name.length, true);
  cv.setUint32(42, 0, true);
  central.set(name, 46);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  const out = new Uint8Array(local.length + data.length + central.length + eocd.length);
  out.set(local, 0);
  out.set(data, local.length);
  out.set(central, local.length + data.length);
  out.set(eocd, local.length + data.length + central.length);
  return out;
}

/** A .npy file (float64, C order) of the given shape and values. */
export function npy(shape: number[], values: number[]): Uint8Array {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  while ((10 + header.length + 1) % 64 !== 0) header += ' ';
  header += '\n';
  const out = new Uint8Array(10 + header.length + 8 * values.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  new Float64Array(out.buffer, 10 + header.length).set(values);
  return out;
}
