import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readConfined } from './confine.js';
import { parseOnnx } from './onnx-parse.js';
import type { WeightFile } from './tensor.js';

// parseOnnx (bytes in, no Node modules) lives in onnx-parse.ts so that the browser entry can use
// it; it is re-exported here for the existing imports.
export { parseOnnx } from './onnx-parse.js';

/**
 * Reads an ONNX file; external tensor data is read from files in its folder, confined to it
 * (after resolving links), regular files only, only the declared byte range
 * (see {@link readConfined}).
 * @throws {DataFormatError} for malformed files, external data outside the folder or not a
 * regular file; Node's errors when the model itself cannot be read.
 * @example readOnnx('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx').tensors.length
 */
export function readOnnx(path: string): WeightFile {
  const dir = dirname(path);
  return parseOnnx(readFileSync(path), path, (location, range) =>
    readConfined(dir, location, path, range),
  );
}
