import { DataFormatError } from '../../errors.js';
import { decodeOnnxTensor, type ExternalReader } from './onnx-tensor.js';
import { protoFields, protoInts, protoString } from './protobuf.js';
import type { SkippedTensor, TensorUse, WeightFile, WeightTensor } from './tensor.js';

/**
 * Parses ONNX model bytes (ModelProto, onnx/onnx.proto): every initializer (GraphProto field 5)
 * and every Constant node's `value` tensor, in the main graph and in subgraphs held by node
 * attributes (If/Loop/Scan bodies, fields 6 and 11), which are named `node/attribute/tensor`.
 * Sparse initializers and constants given as value_float(s)/value_int(s) are reported as skipped.
 * Each tensor's `uses` lists the nodes that take it as an input (operator, input position, `group`
 * attribute), a name in a subgraph resolving to the innermost enclosing graph that holds it.
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
  const walk: Walk = { file, readExternal, out, uses: [] };
  for (const f of protoFields(bytes, file)) {
    if (f.field === 7 && f.wire === 2) {
      graphs++;
      walkGraph(f.bytes, f.offset, [''], walk);
    }
  }
  if (graphs === 0)
    throw new DataFormatError(file, '', 'is not an ONNX model (no graph in the ModelProto)');
  attachUses(walk);
  return out;
}

/** A node input as read: the enclosing graphs' prefixes (outermost first) and the input's name. */
interface PendingUse {
  scopes: readonly string[];
  name: string;
  use: TensorUse;
}

/**
 * Gives each tensor the uses that name it. ONNX scoping: a subgraph sees its own names first, then
 * those of the graphs around it, so the innermost scope holding the name wins.
 */
function attachUses(walk: Walk): void {
  const byName = new Map(walk.out.tensors.map((t) => [t.name, t]));
  for (const { scopes, name, use } of walk.uses) {
    for (let k = scopes.length - 1; k >= 0; k--) {
      const tensor = byName.get(`${scopes[k]}${name}`);
      if (!tensor) continue;
      (tensor.uses ??= []).push(use);
      break;
    }
  }
}

/** Subgraph nesting (If/Loop/Scan bodies) the reader follows; real models nest a few levels. */
const MAX_DEPTH = 64;

/** What every level of the walk shares: the file (for errors), its external data, the result. */
interface Walk {
  file: string;
  readExternal: ExternalReader | undefined;
  out: WeightFile;
  uses: PendingUse[];
}

/** Walks one graph; `scopes` are the name prefixes of the enclosing graphs and its own, last. */
function walkGraph(bytes: Uint8Array, base: number, scopes: readonly string[], walk: Walk): void {
  const { file, readExternal, out } = walk;
  const prefix = scopes[scopes.length - 1]!;
  const depth = scopes.length - 1;
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
    else if (f.field === 1 && f.wire === 2) walkNode(f.bytes, f.offset, scopes, walk);
  }
}

function walkNode(bytes: Uint8Array, base: number, scopes: readonly string[], walk: Walk): void {
  const { file, readExternal, out } = walk;
  const prefix = scopes[scopes.length - 1]!;
  let opType = '';
  let nodeName = '';
  let output = '';
  let group: number | undefined;
  const inputs: string[] = [];
  const attributes: Array<{ bytes: Uint8Array; offset: number }> = [];
  for (const f of protoFields(bytes, file, base)) {
    if (f.field === 4) opType = protoString(f);
    else if (f.field === 3) nodeName = protoString(f);
    else if (f.field === 1 && f.wire === 2) inputs.push(protoString(f));
    else if (f.field === 2 && !output) output = protoString(f);
    else if (f.field === 5 && f.wire === 2) attributes.push({ bytes: f.bytes, offset: f.offset });
  }
  const label = nodeName || output || opType;
  for (const attribute of attributes) {
    let name = '';
    let int: number | undefined;
    const tensors: Array<{ bytes: Uint8Array; offset: number }> = [];
    const graphs: Array<{ bytes: Uint8Array; offset: number }> = [];
    for (const g of protoFields(attribute.bytes, file, attribute.offset)) {
      if (g.field === 1) name = protoString(g);
      else if (g.field === 3 && g.wire === 0) int = protoInts(g, file)[0];
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
    if (name === 'group') group = int;
    graphs.forEach((g, k) =>
      walkGraph(
        g.bytes,
        g.offset,
        [...scopes, `${prefix}${label}/${name}${graphs.length > 1 ? `[${k}]` : ''}/`],
        walk,
      ),
    );
  }
  // An empty name is an omitted optional input; positions still count.
  inputs.forEach((name, input) => {
    if (name)
      walk.uses.push({
        scopes,
        name,
        use: { op: opType, input, ...(group !== undefined && { group }) },
      });
  });
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
