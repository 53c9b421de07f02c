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
 * Reads TensorFlow.js weights: a model.json's `weightsManifest`, or a bare weights manifest
 * (`*weights_manifest.json`, the JSON array of groups that face-api.js and weights-only exports
 * ship), with the binary shards next to it; each group's `paths` are concatenated in order and
 * its `weights` {name, shape, dtype, quantization} read from them. Values are those TF.js decodes:
 * uint8/uint16 values q become q·scale + min rounded to float32 (int32 weights: to an integer);
 * float16 halves are widened; string weights are skipped (see {@link parseTfjs}).
 *
 * Hostile input: model.json is checked against its schema before use; shards are read only from
 * the model's folder (after resolving links), only regular files, and only as many bytes as the
 * manifest declares (see {@link readConfined}).
 * @param readShard reads a shard path relative to the manifest (default: confined, from disk).
 * The parsing is {@link parseTfjs}.
 * @throws {DataFormatError} naming the manifest and the place for a malformed manifest, a shard
 * outside the folder or unreadable, or a weight running past the data.
 * @example readTfjs('node_modules/@vladmandic/face-api/model/age_gender_model-weights_manifest.json').tensors.length
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
