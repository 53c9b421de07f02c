import { DataFormatError } from '../../errors.js';
import { parseSafetensors } from './safetensors-parse.js';
import { objectAt, parseJsonAt, stringAt } from './schema.js';
import type { WeightFile } from './tensor.js';

/**
 * Reads a model saved as safetensors shards with an index (Hugging Face's
 * `model.safetensors.index.json`: `{ metadata, weight_map: { tensor: shard file } }`): every
 * shard the map names is parsed (in order of first mention) and its tensors are gathered into one
 * model file named after the index. Every tensor of the map must be in the shard it names.
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
  const shards = [...new Set(map.values())];
  const out: WeightFile = { file, format: 'safetensors', tensors: [], skipped: [] };
  for (const shard of shards) {
    const parsed = parseSafetensors(readShard(shard), shard);
    const present = new Set([...parsed.tensors, ...parsed.skipped].map((t) => t.name));
    for (const [tensor, named] of map)
      if (named === shard && !present.has(tensor))
        throw new DataFormatError(
          file,
          `weight_map['${tensor}']`,
          `names shard '${shard}', which has no such tensor`,
        );
    out.tensors.push(...parsed.tensors);
    out.skipped.push(...parsed.skipped);
  }
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
