import { DataFormatError } from '../errors.js';
import { crc32 } from './crc32.js';

// The zip container without decompression, so that one reader of the central directory serves
// both the synchronous readZip (node:zlib, zip.ts) and readZipAsync (DecompressionStream,
// zip-async.ts, which the browser entry uses).

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Limits for readZip and readZipAsync. */
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

/** One member of an archive as stored: its bytes still compressed when `method` is 8. */
export interface ZipEntry {
  member: string;
  /** `member 'name'`, for error messages. */
  place: string;
  /** 0 stored, 8 deflate (others are refused by {@link zipEntries}). */
  method: 0 | 8;
  raw: Uint8Array;
  /** Declared uncompressed size and CRC-32. */
  size: number;
  crc: number;
}

/**
 * The members of a zip archive (PKWARE APPNOTE), located through the central directory, with
 * zip64 sizes and offsets, not yet decompressed; directory entries are skipped. Stored members
 * must declare their stored length; a member declaring more than `cap` bytes is refused.
 * @throws {DataFormatError} naming the archive (and member) for anything malformed, encrypted,
 * over the cap or compressed with a method other than 0 and 8.
 * @example zipEntries(bytes, 'w.npz', 2 ** 31).map((e) => e.member)
 */
export function zipEntries(bytes: Uint8Array, name: string, cap: number): ZipEntry[] {
  try {
    return walkDirectory(bytes, name, cap);
  } catch (error) {
    // A field pointing past the end that a bound check above missed: still a data error.
    if (error instanceof RangeError && !(error as { code?: string }).code)
      throw new DataFormatError(name, '', `is truncated or damaged (${error.message})`);
    throw error;
  }
}

/**
 * Checks a member's decompressed bytes against its declared size and CRC-32.
 * @throws {DataFormatError} naming the archive and member.
 * @example checkMember(entry, inflated, 'w.npz')
 */
export function checkMember(entry: ZipEntry, data: Uint8Array, name: string): Uint8Array {
  if (data.length !== entry.size)
    throw new DataFormatError(
      name,
      entry.place,
      `expected ${entry.size} bytes after decompression, found ${data.length}`,
    );
  if (crc32(data) !== entry.crc)
    throw new DataFormatError(name, entry.place, 'CRC-32 mismatch (corrupt data)');
  return data;
}

function walkDirectory(bytes: Uint8Array, name: string, cap: number): ZipEntry[] {
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
  const members: ZipEntry[] = [];
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
    if (method === 0 && compressed !== size)
      fail(place, `is stored with ${compressed} bytes but declares ${size}`);
    if (method !== 0 && method !== 8)
      fail(place, `unsupported compression method ${method} (supported: 0 stored, 8 deflate)`);
    members.push({ member, place, method: method as 0 | 8, raw, size, crc });
  }
  return members;
}
