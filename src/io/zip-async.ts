import { DataFormatError } from '../errors.js';
import {
  checkMember,
  DEFAULT_MAX_MEMBER_BYTES,
  type ZipEntry,
  type ZipOptions,
  zipEntries,
} from './zip-directory.js';

/**
 * {@link readZip} without Node: the same members and checks, deflated members inflated with the
 * web platform's `DecompressionStream('deflate-raw')` (browsers, Web Workers, Node ≥ 18), so it
 * is asynchronous. A deflate stream is read only up to its declared size (a zip bomb stops
 * there).
 * @param name the archive name used in error messages.
 * @throws {DataFormatError} naming the archive (and member) for anything malformed, encrypted,
 * corrupt or compressed with another method.
 * @example (await readZipAsync(new Uint8Array(await file.arrayBuffer()), file.name)).get('W.npy')
 */
export async function readZipAsync(
  bytes: Uint8Array,
  name: string,
  options: ZipOptions = {},
): Promise<Map<string, Uint8Array>> {
  const members = new Map<string, Uint8Array>();
  for (const entry of zipEntries(bytes, name, options.maxMemberBytes ?? DEFAULT_MAX_MEMBER_BYTES))
    members.set(entry.member, checkMember(entry, await inflate(entry, name), name));
  return members;
}

async function inflate(entry: ZipEntry, name: string): Promise<Uint8Array> {
  if (entry.method === 0) return entry.raw;
  const out = new Uint8Array(entry.size);
  let filled = 0;
  // Copy the compressed bytes: the stream may transfer or hold its input while `bytes` is shared.
  const input = new Blob([entry.raw.slice()]).stream();
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (filled + value.length > entry.size) {
        await reader.cancel();
        throw new DataFormatError(
          name,
          entry.place,
          `inflates to more than the ${entry.size} bytes it declares`,
        );
      }
      out.set(value, filled);
      filled += value.length;
    }
  } catch (error) {
    if (error instanceof DataFormatError) throw error;
    throw new DataFormatError(
      name,
      entry.place,
      `deflate stream is corrupt (${(error as Error).message})`,
    );
  }
  return out.subarray(0, filled);
}
