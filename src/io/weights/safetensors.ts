import { readFileSync } from 'node:fs';
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
