import { inflateRawSync } from 'node:zlib';
import { DataFormatError } from '../errors.js';
import { crc32 } from './crc32.js';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

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
  try {
    return readMembers(bytes, name, options.maxMemberBytes ?? DEFAULT_MAX_MEMBER_BYTES);
  } catch (error) {
    // A field pointing past the end that a bound check above missed: still a data error.
    if (error instanceof RangeError && !(error as { code?: string }).code)
      throw new DataFormatError(name, '', `is truncated or damaged (${error.message})`);
    throw error;
  }
}

/** Limits for {@link readZip}. */
export interface ZipOptions {
  /**
   * The largest uncompressed member accepted, in bytes (default 2 GiB). A member declaring more
   * is refused before any inflating; a deflate stream producing more than its declared size is
   * stopped there.
   */
  maxMemberBytes?: number;
}

/** Default cap on one member's uncompressed size: 2 GiB. */
export const DEFAULT_MAX_MEMBER_BYTES = 2 ** 31;

function readMembers(bytes: Uint8Array, name: string, cap: number): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (place: string, detail: string): never => {
    throw new DataFormatError(name, place, detail);
  };
  const u64 = (at: number): number => {
    const v = view.getBigUint64(at, true);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? fail('', 'zip64 field too large') : Number(v);
  };
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) fail('', 'not a zip archive (no end-of-central-directory record)');
  let entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (
    (entries === 0xffff || offset === 0xffffffff) &&
    eocd >= 20 &&
    view.getUint32(eocd - 20, true) === ZIP64_LOCATOR
  ) {
    const at = u64(eocd - 12);
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD)
      fail('', 'bad zip64 end-of-central-directory record');
    entries = u64(at + 32);
    offset = u64(at + 48);
  }
  const members = new Map<string, Uint8Array>();
  for (let e = 0; e < entries; e++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL)
      fail('', `central directory entry ${e} is damaged`);
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const crc = view.getUint32(offset + 16, true);
    let compressed = view.getUint32(offset + 20, true);
    let size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let local = view.getUint32(offset + 42, true);
    if (offset + 46 + nameLength + extraLength > bytes.length)
      fail('', `central directory entry ${e} runs past the end of the file`);
    const member = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    // zip64 extended information (tag 0x0001) holds, in order, only the fields saturated at
    // 0xffffffff.
    for (let x = offset + 46 + nameLength; x + 4 <= offset + 46 + nameLength + extraLength; ) {
      const tag = view.getUint16(x, true);
      const length = view.getUint16(x + 2, true);
      if (x + 4 + length > offset + 46 + nameLength + extraLength)
        fail('', `central directory entry ${e}: extra field runs past its end`);
      if (tag === 0x0001) {
        let at = x + 4;
        const need =
          8 *
          (Number(size === 0xffffffff) +
            Number(compressed === 0xffffffff) +
            Number(local === 0xffffffff));
        if (length < need) fail('', `central directory entry ${e}: zip64 field is too short`);
        if (size === 0xffffffff) {
          size = u64(at);
          at += 8;
        }
        if (compressed === 0xffffffff) {
          compressed = u64(at);
          at += 8;
        }
        if (local === 0xffffffff) local = u64(at);
      }
      x += 4 + length;
    }
    offset += 46 + nameLength + extraLength + commentLength;
    if (member.endsWith('/')) continue;
    const place = `member '${member}'`;
    if (flags & 1) fail(place, 'is encrypted');
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL)
      fail(place, 'local header is damaged');
    if (size > cap)
      fail(place, `declares ${size} bytes uncompressed, more than the limit of ${cap} bytes`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length)
      fail(place, `truncated: expected ${compressed} bytes, found ${bytes.length - start}`);
    const raw = bytes.subarray(start, start + compressed);
    let data: Uint8Array;
    if (method === 0) {
      if (compressed !== size)
        fail(place, `is stored with ${compressed} bytes but declares ${size}`);
      data = raw;
    } else if (method === 8) {
      try {
        // Stop at the declared size: a small member cannot inflate into gigabytes (zip bomb).
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          return fail(place, `inflates to more than the ${size} bytes it declares`);
        return fail(place, `deflate stream is corrupt (${(error as Error).message})`);
      }
    } else
      return fail(
        place,
        `unsupported compression method ${method} (supported: 0 stored, 8 deflate)`,
      );
    if (data.length !== size)
      fail(place, `expected ${size} bytes after decompression, found ${data.length}`);
    if (crc32(data) !== crc) fail(place, 'CRC-32 mismatch (corrupt data)');
    members.set(member, data);
  }
  return members;
}
