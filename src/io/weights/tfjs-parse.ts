import { DataFormatError } from '../../errors.js';
import { arrayAt, numberAt, objectAt, parseJsonAt, shapeAt, stringAt } from './schema.js';
import { decodeElements, ELEMENT_TYPES, elementCount, type WeightFile } from './tensor.js';

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number; original_dtype?: string };
}

/**
 * Reads a shard named by model.json. `maxBytes` is what the manifest still declares (undefined
 * when string weights make it unknown): a reader should return at most that many bytes.
 */
export type ShardReader = (path: string, maxBytes?: number) => Uint8Array;

/**
 * Parses a TensorFlow.js model from the text of its model.json: its `weightsManifest` (groups of
 * `paths` — binary shards concatenated in order — and `weights` {name, shape, dtype, quantization})
 * and the shards next to it. Dequantisation: uint8/uint16 values q become q·scale + min; float16
 * halves are widened; integers stay integers (original_dtype int32 is rounded). String weights are
 * skipped (their length prefixes are read to find the next weight).
 *
 * Hostile input: model.json is checked against its schema before use, and `readShard` is asked for
 * at most as many bytes as the manifest still declares (longer answers are cut there).
 * @param manifest model.json's text (or its UTF-8 bytes).
 * @param file model.json's name, for error messages.
 * @param readShard returns a shard's bytes given its path relative to model.json.
 * @throws {DataFormatError} naming model.json and the place for a malformed manifest, a shard
 * outside the folder or unreadable, or a weight running past the data.
 * @example parseTfjs(jsonText, 'model.json', (path) => shards.get(path)!).tensors.length
 */
export function parseTfjs(
  manifest: string | Uint8Array,
  modelJson: string,
  read: ShardReader,
): WeightFile {
  const groups = parseManifest(manifest, modelJson);
  const out: WeightFile = { file: modelJson, format: 'tfjs', tensors: [], skipped: [] };
  groups.forEach((group, g) => {
    const declared = declaredBytes(group.weights, modelJson, g);
    const shards: Uint8Array[] = [];
    let total = 0;
    for (const p of group.paths) {
      const left = declared === undefined ? undefined : Math.max(0, declared - total);
      const shard = read(p, left);
      shards.push(left === undefined || shard.length <= left ? shard : shard.subarray(0, left));
      total += shards[shards.length - 1]!.length;
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const s of shards) {
      bytes.set(s, at);
      at += s.length;
    }
    const where = `${modelJson} (${group.paths.join(', ')})`;
    let offset = 0;
    for (const w of group.weights) {
      const count = elementCount(w.shape, modelJson, w.name);
      if (w.dtype === 'string') {
        for (let k = 0; k < count; k++) {
          if (offset + 4 > bytes.length)
            throw new DataFormatError(
              where,
              `weight '${w.name}'`,
              'string data runs past the shards',
            );
          offset += 4 + new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true);
        }
        out.skipped.push({ name: w.name, reason: 'string weights are not read' });
        continue;
      }
      const stored = w.quantization?.dtype ?? w.dtype;
      const type = ELEMENT_TYPES[stored]!;
      let data = decodeElements(bytes, offset, stored, count, where, w.name);
      offset += count * type.size;
      const q = w.quantization;
      if (q && (q.dtype === 'uint8' || q.dtype === 'uint16')) {
        const scale = q.scale ?? 1;
        const min = q.min ?? 0;
        data = data.map((v) => v * scale + min);
        if ((q.original_dtype ?? w.dtype) === 'int32') data = data.map(Math.round);
      }
      const floating = w.dtype === 'float32' || w.dtype === 'float16';
      out.tensors.push({
        name: w.name,
        shape: [...w.shape],
        data,
        dtype: q ? `${q.dtype}→${w.dtype}` : w.dtype,
        floating,
      });
    }
    if (offset < bytes.length)
      out.skipped.push({
        name: `${group.paths.join(', ')}`,
        reason: `${bytes.length - offset} bytes after the last weight were not used`,
      });
  });
  return out;
}

/** model.json's weightsManifest, checked against its schema. @throws {DataFormatError} */
function parseManifest(
  manifest: string | Uint8Array,
  file: string,
): Array<{ paths: string[]; weights: ManifestEntry[] }> {
  const model = objectAt(parseJsonAt(manifest, file, ''), file, 'top level');
  if (!Array.isArray(model.weightsManifest))
    throw new DataFormatError(file, '', 'has no weightsManifest (not a TensorFlow.js model)');
  return model.weightsManifest.map((item, g) => {
    const at = `weightsManifest[${g}]`;
    const group = objectAt(item, file, at);
    const paths = arrayAt(group.paths, file, `${at}.paths`).map((p, k) =>
      stringAt(p, file, `${at}.paths[${k}]`),
    );
    const weights = arrayAt(group.weights, file, `${at}.weights`).map((value, k) => {
      const place = `${at}.weights[${k}]`;
      const w = objectAt(value, file, place);
      const entry: ManifestEntry = {
        name: stringAt(w.name, file, `${place}.name`, true),
        shape: shapeAt(w.shape, file, `${place}.shape`),
        dtype: stringAt(w.dtype, file, `${place}.dtype`),
      };
      if (w.quantization !== undefined && w.quantization !== null) {
        const q = objectAt(w.quantization, file, `${place}.quantization`);
        entry.quantization = { dtype: stringAt(q.dtype, file, `${place}.quantization.dtype`) };
        for (const key of ['scale', 'min'] as const)
          if (q[key] !== undefined && q[key] !== null)
            entry.quantization[key] = numberAt(q[key], file, `${place}.quantization.${key}`);
        if (q.original_dtype !== undefined && q.original_dtype !== null)
          entry.quantization.original_dtype = stringAt(
            q.original_dtype,
            file,
            `${place}.quantization.original_dtype`,
          );
      }
      const stored = entry.quantization?.dtype ?? entry.dtype;
      if (entry.dtype !== 'string' && !ELEMENT_TYPES[stored])
        throw new DataFormatError(file, `weight '${entry.name}'`, `unsupported dtype '${stored}'`);
      return entry;
    });
    return { paths, weights };
  });
}

/** Bytes a group's weights declare, or undefined when string weights make it unknown. */
function declaredBytes(weights: ManifestEntry[], file: string, g: number): number | undefined {
  let total = 0;
  for (const w of weights) {
    if (w.dtype === 'string') return undefined;
    const size = ELEMENT_TYPES[w.quantization?.dtype ?? w.dtype]!.size;
    total += elementCount(w.shape, file, w.name) * size;
  }
  if (!Number.isSafeInteger(total))
    throw new DataFormatError(file, `weightsManifest[${g}]`, 'declares too many bytes');
  return total;
}
