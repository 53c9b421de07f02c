import type { NdArray } from './ndarray.js';
import { parseNpyArray } from './npy-parse.js';
import { readZipAsync } from './zip-async.js';
import type { ZipOptions } from './zip-directory.js';

/**
 * {@link parseNpz} without Node (browsers, Web Workers): the same arrays, with deflated members
 * (`savez_compressed`) inflated by `DecompressionStream`, hence asynchronous.
 * @param name the archive name used in error messages (members are named `archive.npz/W.npy`).
 * @param options.share let arrays share memory with `bytes` (see parseNpyArray).
 * @throws {DataFormatError} for a malformed archive or member (see readZipAsync, parseNpyArray).
 * @example (await parseNpzAsync(bytes, 'weights.npz')).get('fc1')?.shape // [256, 784]
 */
export async function parseNpzAsync(
  bytes: Uint8Array,
  name: string,
  options: { share?: boolean } & ZipOptions = {},
): Promise<Map<string, NdArray>> {
  const arrays = new Map<string, NdArray>();
  for (const [member, data] of await readZipAsync(bytes, name, options)) {
    if (!member.endsWith('.npy')) continue;
    arrays.set(member.slice(0, -4), parseNpyArray(data, `${name}/${member}`, options));
  }
  return arrays;
}
