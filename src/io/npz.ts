import { readFileSync } from 'node:fs';
import type { NdArray } from './ndarray.js';
import { parseNpyArray } from './npy-parse.js';
import { readZip, type ZipOptions } from './zip.js';

/**
 * Parses `.npz` bytes (numpy's `savez` or `savez_compressed`): array name → C-ordered float64
 * {@link NdArray}, with the `.npy` suffix dropped from member names as numpy does. Members that
 * are not `.npy` files are ignored. Use `toVectorOrMatrix` for matrices and vectors.
 * @param name the archive name used in error messages (members are named `archive.npz/W.npy`).
 * @param options.share let arrays share memory with `bytes` (see parseNpyArray).
 * @param options.maxMemberBytes the largest uncompressed member accepted (default 2 GiB); a
 * deflated member stops inflating at its declared size, so a zip bomb fails fast, naming it.
 * @throws {DataFormatError} for a malformed archive or member (see readZip and parseNpyArray).
 * @example parseNpz(bytes, 'weights.npz').get('fc1')?.shape // [256, 784]
 */
export function parseNpz(
  bytes: Uint8Array,
  name: string,
  options: { share?: boolean } & ZipOptions = {},
): Map<string, NdArray> {
  const arrays = new Map<string, NdArray>();
  for (const [member, data] of readZip(bytes, name, options)) {
    if (!member.endsWith('.npy')) continue;
    arrays.set(member.slice(0, -4), parseNpyArray(data, `${name}/${member}`, options));
  }
  return arrays;
}

/**
 * Reads a `.npz` file: array name → C-ordered float64 {@link NdArray}.
 * @throws {DataFormatError} naming the file and member; Node's errors when it cannot be read.
 * @example const W = toVectorOrMatrix(readNpz('w.npz').get('W')!, 'W') as Matrix
 */
export function readNpz(path: string, options: ZipOptions = {}): Map<string, NdArray> {
  return parseNpz(readFileSync(path), path, { ...options, share: true });
}
