import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError } from '../../errors.js';
import { readNpz } from '../npz.js';
import { arraysWeightFile, npyWeightFile } from './array-weights.js';
import { readOnnx } from './onnx.js';
import { readSafetensors } from './safetensors.js';
import type { WeightFile } from './tensor.js';
import { readTfjs } from './tfjs.js';

/**
 * Reads the weights of one model file, choosing the reader by name: `.onnx`, `.safetensors`,
 * `.npy`, `.npz`, or a TensorFlow.js `model.json` (any `.json` with a weightsManifest).
 * @throws {DataFormatError} for an unknown extension or a malformed file; Node's errors for
 * unreadable files.
 * @example readWeightFile('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx')
 */
export function readWeightFile(path: string): WeightFile {
  const lower = path.toLowerCase();
  if (lower.endsWith('.onnx')) return readOnnx(path);
  if (lower.endsWith('.safetensors')) return readSafetensors(path);
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
    `is not a supported model file (.onnx, .safetensors, .npy, .npz, TensorFlow.js model.json)${torch}`,
  );
}

/**
 * The model files under a path: the path itself if it is a file, else every `.onnx`,
 * `.safetensors`, `.npy`, `.npz` and `model.json` below the folder (sorted, recursive; other
 * `.json` files are not model manifests and are left out).
 * @example findWeightFiles('models/') // ['models/a/model.json', 'models/b.onnx']
 */
export function findWeightFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(onnx|safetensors|npy|npz)$/i.test(entry) || entry.toLowerCase() === 'model.json')
        found.push(full);
    }
  };
  walk(path);
  return found;
}
