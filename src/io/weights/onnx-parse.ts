import { DataFormatError } from '../../errors.js';
import { decodeOnnxTensor, type ExternalReader } from './onnx-tensor.js';
import { protoFields, protoString } from './protobuf.js';
import type { SkippedTensor, WeightFile, WeightTensor } from './tensor.js';

/**
 * Parses ONNX model bytes (ModelProto, onnx/onnx.proto): every initializer (GraphProto field 5)
 * and every Constant node's `value` tensor, in the main graph and in subgraphs held by node
 * attributes (If/Loop/Scan bodies, fields 6 and 11), which are named `node/attribute/tensor`.
 * Sparse initializers and constants given as value_float(s)/value_int(s) are reported as skipped.
 * @throws {DataFormatError} naming the file and byte offset for malformed protobuf.
 * @example parseOnnx(readFileSync('model.onnx'), 'model.onnx').tensors.map((t) => t.name)
 */
export function parseOnnx(
  bytes: Uint8Array,
  file: string,
  readExternal?: ExternalReader,
): WeightFile {
  const out: WeightFile = { file, format: 'onnx', tensors: [], skipped: [] };
  let graphs = 0;
  for (const f of protoFields(bytes, file)) {
    if (f.field === 7 && f.wire === 2) {
      graphs++;
      walkGraph(f.bytes, f.offset, '', 0, { file, readExternal, out });
    }
  }
  if (graphs === 0)
    throw new DataFormatError(file, '', 'is not an ONNX model (no graph in the ModelProto)');
  return out;
}

/** Subgraph nesting (If/Loop/Scan bodies) the reader follows; real models nest a few levels. */
const MAX_DEPTH = 64;

/** What every level of the walk shares: the file (for errors), its external data, the result. */
interface Walk {
  file: string;
  readExternal: ExternalReader | undefined;
  out: WeightFile;
}

function walkGraph(
  bytes: Uint8Array,
  base: number,
  prefix: string,
  depth: number,
  walk: Walk,
): void {
  const { file, readExternal, out } = walk;
  if (depth > MAX_DEPTH)
    throw new DataFormatError(
      file,
      `byte ${base}`,
      `subgraphs are nested more than ${MAX_DEPTH} deep`,
    );
  for (const f of protoFields(bytes, file, base)) {
    if (f.field === 5 && f.wire === 2)
      add(
        decodeOnnxTensor(f.bytes, file, f.offset, `${prefix}initializer`, readExternal),
        prefix,
        out,
      );
    else if (f.field === 15 && f.wire === 2)
      out.skipped.push({
        name: `${prefix}sparse initializer`,
        reason: 'sparse initializers are not read',
      });
    else if (f.field === 1 && f.wire === 2) walkNode(f.bytes, f.offset, prefix, depth, walk);
  }
}

function walkNode(
  bytes: Uint8Array,
  base: number,
  prefix: string,
  depth: number,
  walk: Walk,
): void {
  const { file, readExternal, out } = walk;
  let opType = '';
  let nodeName = '';
  let output = '';
  const attributes: Array<{ bytes: Uint8Array; offset: number }> = [];
  for (const f of protoFields(bytes, file, base)) {
    if (f.field === 4) opType = protoString(f);
    else if (f.field === 3) nodeName = protoString(f);
    else if (f.field === 2 && !output) output = protoString(f);
    else if (f.field === 5 && f.wire === 2) attributes.push({ bytes: f.bytes, offset: f.offset });
  }
  const label = nodeName || output || opType;
  for (const attribute of attributes) {
    let name = '';
    const tensors: Array<{ bytes: Uint8Array; offset: number }> = [];
    const graphs: Array<{ bytes: Uint8Array; offset: number }> = [];
    for (const g of protoFields(attribute.bytes, file, attribute.offset)) {
      if (g.field === 1) name = protoString(g);
      else if ((g.field === 5 || g.field === 10) && g.wire === 2)
        tensors.push({ bytes: g.bytes, offset: g.offset });
      else if ((g.field === 6 || g.field === 11) && g.wire === 2)
        graphs.push({ bytes: g.bytes, offset: g.offset });
    }
    if (opType === 'Constant' && name === 'value') {
      for (const t of tensors)
        add(
          decodeOnnxTensor(t.bytes, file, t.offset, output || label, readExternal),
          prefix,
          out,
          output || label,
        );
    } else if (opType === 'Constant' && name === 'sparse_value') {
      out.skipped.push({
        name: `${prefix}${output || label}`,
        reason: 'sparse constants are not read',
      });
    }
    graphs.forEach((g, k) =>
      walkGraph(
        g.bytes,
        g.offset,
        `${prefix}${label}/${name}${graphs.length > 1 ? `[${k}]` : ''}/`,
        depth + 1,
        walk,
      ),
    );
  }
}

function add(
  tensor: WeightTensor | SkippedTensor,
  prefix: string,
  out: WeightFile,
  forcedName?: string,
): void {
  const name = `${prefix}${forcedName ?? tensor.name}`;
  if ('data' in tensor) out.tensors.push({ ...tensor, name });
  else out.skipped.push({ name, reason: tensor.reason });
}
