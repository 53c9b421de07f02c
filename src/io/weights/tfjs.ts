import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataFormatError } from '../../errors.js';
import { readConfined } from './confine.js';
import type { WeightFile } from './tensor.js';
import { parseTfjs, type ShardReader } from './tfjs-parse.js';

// parseTfjs (text and a shard reader in, no Node modules) lives in tfjs-parse.ts so that the
// browser entry can use it; ShardReader is re-exported here for the existing imports.
export type { ShardReader } from './tfjs-parse.js';

/**
 * Reads a TensorFlow.js model: model.json's `weightsManifest` (groups of `paths` — binary shards
 * concatenated in order — and `weights` {name, shape, dtype, quantization}) and the shards next
 * to it. Dequantisation: uint8/uint16 values q become q·scale + min; float16 halves are widened;
 * integers stay integers (original_dtype int32 is rounded). String weights are skipped (their
 * length prefixes are read to find the next weight).
 *
 * Hostile input: model.json is checked against its schema before use; shards are read only from
 * the model's folder (after resolving links), only regular files, and only as many bytes as the
 * manifest declares (see {@link readConfined}).
 * @param readShard reads a shard path relative to model.json (default: confined, from disk).
 * The parsing is {@link parseTfjs}.
 * @throws {DataFormatError} naming model.json and the place for a malformed manifest, a shard
 * outside the folder or unreadable, or a weight running past the data.
 * @example readTfjs('models/blazeface/model.json').tensors.length
 */
export function readTfjs(modelJson: string, readShard?: ShardReader): WeightFile {
  const dir = dirname(modelJson);
  const read: ShardReader =
    readShard ?? ((path, maxBytes) => readConfined(dir, path, modelJson, { atMost: maxBytes }));
  let text: string;
  try {
    text = readFileSync(modelJson, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new DataFormatError(
      modelJson,
      '',
      `cannot be read (${code ?? (error as Error).message})`,
    );
  }
  return parseTfjs(text, modelJson, read);
}
