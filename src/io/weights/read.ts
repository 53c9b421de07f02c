import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataFormatError } from '../../errors.js';
import { readNpz } from '../npz.js';
import { arraysWeightFile, npyWeightFile } from './array-weights.js';
import { readOnnx } from './onnx.js';
import { readSafetensors, readShardedSafetensors } from './safetensors.js';
import { safetensorsShards } from './safetensors-index.js';
import type { WeightFile } from './tensor.js';
import { readTfjs } from './tfjs.js';

/**
 * Reads the weights of one model file, choosing the reader by name: `.onnx`, `.safetensors`,
 * sharded safetensors through their index (`*.index.json`), `.npy`, `.npz`, or TensorFlow.js
 * weights (a `model.json` with a weightsManifest, or a bare `*weights_manifest.json`).
 * @throws {DataFormatError} for an unknown extension or a malformed file (a shard or weight file
 * it names missing included); Node's errors for unreadable files.
 * @example readWeightFile('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx')
 */
export function readWeightFile(path: string): WeightFile {
  const lower = path.toLowerCase();
  if (lower.endsWith('.onnx')) return readOnnx(path);
  if (lower.endsWith('.safetensors')) return readSafetensors(path);
  if (lower.endsWith('.index.json')) return readShardedSafetensors(path);
  if (lower.endsWith('.json')) return readTfjs(path);
  if (lower.endsWith('.npz')) return arraysWeightFile(readNpz(path), path, 'npz');
  if (lower.endsWith('.npy')) return npyWeightFile(readFileSync(path), path);
  // PyTorch checkpoints are Python pickles, which only Python can safely load: say how to
  // convert rather than only that the format is unknown.
  const torch = /\.(pt|pth|ckpt)$/i.test(path)
    ? '; a PyTorch checkpoint is a pickle: convert it in Python with safetensors.torch.save_file(model.state_dict(), "model.safetensors")'
    : '';
  throw new DataFormatError(
    path,
    '',
    `is not a supported model file (.onnx, .safetensors, *.safetensors.index.json, .npy, .npz, TensorFlow.js model.json or *weights_manifest.json)${torch}`,
  );
}

/** File names that are models: weight files, TF.js manifests and safetensors indexes. */
const MODEL_FILE =
  /(\.(onnx|safetensors|npy|npz)|^model\.json|weights_manifest\.json|\.safetensors\.index\.json)$/i;

/**
 * The model files under a path: the path itself if it is a file, else every `.onnx`,
 * `.safetensors`, `.npy`, `.npz`, TF.js `model.json` and `*weights_manifest.json`, and
 * `*.safetensors.index.json` below the folder (sorted, recursive; other `.json` files are not
 * model manifests and are left out). The shards an index names are read through the index only,
 * so they are not listed on their own (an index that cannot be parsed claims none: its error comes
 * when it is read).
 * @example findWeightFiles('models/') // ['models/a/model.json', 'models/b.onnx']
 */
export function findWeightFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (MODEL_FILE.test(entry)) found.push(full);
    }
  };
  walk(path);
  const claimed = new Set<string>();
  for (const file of found) {
    if (!/\.index\.json$/i.test(file)) continue;
    try {
      for (const shard of safetensorsShards(readFileSync(file), file))
        claimed.add(resolve(dirname(file), shard));
    } catch {
      // A malformed index claims nothing; readWeightFile reports its error.
    }
  }
  return found.filter((file) => !claimed.has(resolve(file)));
}
