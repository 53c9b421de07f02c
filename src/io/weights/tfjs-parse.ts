import { DataFormatError } from '../../errors.js';
import { decodeElements, ELEMENT_TYPES, elementCount, type WeightFile } from './tensor.js';
import { declaredBytes, parseManifest } from './tfjs-manifest.js';

/**
 * Reads a shard named by model.json. `maxBytes` is what the manifest still declares (undefined
 * when string weights make it unknown): a reader should return at most that many bytes.
 */
export type ShardReader = (path: string, maxBytes?: number) => Uint8Array;

/**
 * Parses a TensorFlow.js model from the text of its model.json (its `weightsManifest`) or of a
 * bare weights manifest (`*weights_manifest.json`, the array of groups itself): groups of `paths`
 * — binary shards concatenated in order — and `weights` {name, shape, dtype, quantization}, and
 * the shards next to it. Values are those TF.js's decodeWeight gives: uint8/uint16 values q
 * become q·scale + min rounded to float32 (to the nearest integer for int32 weights); float16
 * halves are widened; integers stay integers. String weights are skipped (their length prefixes
 * are read to find the next weight).
 *
 * Hostile input: the manifest is checked against its schema before use (parseManifest), and
 * `readShard` is asked for at most as many bytes as the manifest still declares (longer answers
 * are cut there).
 * @param manifest the manifest's text (or its UTF-8 bytes).
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
      const data = decodeElements(bytes, offset, stored, count, where, w.name);
      offset += count * type.size;
      const q = w.quantization;
      if (q && (q.dtype === 'uint8' || q.dtype === 'uint16')) {
        // parseManifest checked that both are there; TF.js stores the result in a Float32Array
        // (an Int32Array of rounded values for int32 weights: `| 0` converts as it does, −0 to 0).
        const scale = q.scale!;
        const min = q.min!;
        const toInt = (q.original_dtype ?? w.dtype) === 'int32';
        for (let k = 0; k < data.length; k++) {
          const v = data[k]! * scale + min;
          data[k] = toInt ? Math.round(v) | 0 : Math.fround(v);
        }
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
