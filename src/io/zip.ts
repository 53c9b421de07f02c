import { inflateRawSync } from 'node:zlib';
import { DataFormatError } from '../errors.js';
import {
  checkMember,
  DEFAULT_MAX_MEMBER_BYTES,
  type ZipEntry,
  type ZipOptions,
  zipEntries,
} from './zip-directory.js';

export { DEFAULT_MAX_MEMBER_BYTES, type ZipOptions } from './zip-directory.js';

/**
 * The members of a zip archive (PKWARE APPNOTE), located through the central directory, with
 * zip64 sizes and offsets (numpy's `savez` forces zip64 entries): name → uncompressed bytes.
 * Stored (method 0) and deflated (method 8) members are supported; each is checked against its
 * size and CRC-32. Directory entries are skipped.
 * @param name the archive name used in error messages.
 * @throws {DataFormatError} naming the archive (and member) for anything malformed, encrypted
 *   or compressed with another method.
 * @example readZip(readFileSync('w.npz'), 'w.npz').get('W.npy')
 */
export function readZip(
  bytes: Uint8Array,
  name: string,
  options: ZipOptions = {},
): Map<string, Uint8Array> {
  const members = new Map<string, Uint8Array>();
  for (const entry of zipEntries(bytes, name, options.maxMemberBytes ?? DEFAULT_MAX_MEMBER_BYTES))
    members.set(entry.member, checkMember(entry, inflate(entry, name), name));
  return members;
}

/** A member's uncompressed bytes, inflating at most its declared size (a zip bomb stops there). */
function inflate(entry: ZipEntry, name: string): Uint8Array {
  if (entry.method === 0) return entry.raw;
  try {
    return inflateRawSync(entry.raw, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new DataFormatError(
        name,
        entry.place,
        `inflates to more than the ${entry.size} bytes it declares`,
      );
    throw new DataFormatError(
      name,
      entry.place,
      `deflate stream is corrupt (${(error as Error).message})`,
    );
  }
}
