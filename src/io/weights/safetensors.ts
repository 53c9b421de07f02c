import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataFormatError } from '../../errors.js';
import { readConfined } from './confine.js';
import { parseShardedSafetensors } from './safetensors-index.js';
import { parseSafetensors } from './safetensors-parse.js';
import type { WeightFile } from './tensor.js';

// parseSafetensors (bytes in, no Node modules) lives in safetensors-parse.ts so that the browser
// entry can use it; it is re-exported here for the existing imports.
export { parseSafetensors } from './safetensors-parse.js';

/**
 * Reads a .safetensors file.
 * @throws {DataFormatError}; Node's errors when it cannot be read.
 * @example readSafetensors('model.safetensors')
 */
export function readSafetensors(path: string): WeightFile {
  return parseSafetensors(readFileSync(path), path);
}

/**
 * Reads a model stored as safetensors shards from its index (`model.safetensors.index.json`, whose
 * `weight_map` names each tensor's shard): the shards are read from the index's folder (confined
 * to it, as {@link readConfined} does) and their tensors gathered into one model file named after
 * the index, each tensor once, in the index's order (see parseShardedSafetensors).
 * @throws {DataFormatError} naming the index and the shard for a shard that is missing,
 * unreadable or outside the folder, or a tensor the index names that its shard lacks; naming the
 * shard for a malformed shard.
 * @example readShardedSafetensors('llm/model.safetensors.index.json').tensors.length
 */
export function readShardedSafetensors(indexPath: string): WeightFile {
  let text: string;
  try {
    text = readFileSync(indexPath, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new DataFormatError(
      indexPath,
      '',
      `cannot be read (${code ?? (error as Error).message})`,
    );
  }
  const dir = dirname(indexPath);
  return parseShardedSafetensors(text, indexPath, (shard) => readConfined(dir, shard, indexPath));
}
