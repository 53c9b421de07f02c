import { DataFormatError } from '../../errors.js';
import { parseSafetensors } from './safetensors-parse.js';
import { objectAt, parseJsonAt, stringAt } from './schema.js';
import type { SkippedTensor, WeightFile, WeightTensor } from './tensor.js';

/**
 * Reads a model saved as safetensors shards with an index (Hugging Face's
 * `model.safetensors.index.json`: `{ metadata, weight_map: { tensor: shard file } }`): every
 * shard the map names is parsed once and the tensors are gathered into one model file named after
 * the index, each once, in the map's order. Every tensor of the map must be in the shard it names;
 * a tensor a shard holds but the map does not name (or names in another shard) is listed in
 * `skipped`, not dropped silently.
 * @param index the index JSON's text (or its UTF-8 bytes).
 * @param file the index's name, for error messages and as the model's `file`.
 * @param readShard returns a shard's bytes given its name as written in the map.
 * @throws {DataFormatError} naming the index for a malformed map or a tensor missing from its
 * shard, and naming the shard for a malformed shard (see parseSafetensors).
 * @example parseShardedSafetensors(text, 'model.safetensors.index.json', (p) => shards.get(p)!)
 */
export function parseShardedSafetensors(
  index: string | Uint8Array,
  file: string,
  readShard: (path: string) => Uint8Array,
): WeightFile {
  const map = shardMap(index, file);
  const found = new Map<string, WeightTensor | SkippedTensor>();
  const unclaimed: SkippedTensor[] = [];
  for (const shard of new Set(map.values())) {
    const parsed = parseSafetensors(readShard(shard), shard);
    for (const t of [...parsed.tensors, ...parsed.skipped]) {
      if (map.get(t.name) === shard) found.set(t.name, t);
      else
        unclaimed.push({
          name: t.name,
          reason: `is in shard '${shard}' but the index maps it ${map.has(t.name) ? `to '${map.get(t.name)}'` : 'nowhere'}`,
        });
    }
  }
  const out: WeightFile = { file, format: 'safetensors', tensors: [], skipped: [] };
  for (const [tensor, shard] of map) {
    const t = found.get(tensor);
    if (!t)
      throw new DataFormatError(
        file,
        `weight_map['${tensor}']`,
        `names shard '${shard}', which has no such tensor`,
      );
    if ('data' in t) out.tensors.push(t);
    else out.skipped.push(t);
  }
  out.skipped.push(...unclaimed);
  return out;
}

/**
 * The shard files an index names, in order of first mention.
 * @throws {DataFormatError} for a malformed index.
 * @example safetensorsShards(text, 'model.safetensors.index.json') // ['model-00001-of-00002.safetensors', …]
 */
export function safetensorsShards(index: string | Uint8Array, file: string): string[] {
  return [...new Set(shardMap(index, file).values())];
}

function shardMap(index: string | Uint8Array, file: string): Map<string, string> {
  const top = objectAt(parseJsonAt(index, file, ''), file, 'top level');
  const weightMap = objectAt(top.weight_map, file, 'weight_map');
  const map = new Map<string, string>();
  for (const [tensor, shard] of Object.entries(weightMap))
    map.set(tensor, stringAt(shard, file, `weight_map['${tensor}']`));
  if (map.size === 0) throw new DataFormatError(file, 'weight_map', 'names no tensor');
  return map;
}
