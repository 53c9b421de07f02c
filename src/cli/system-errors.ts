import { DataFormatError } from '../errors.js';

/**
 * An operating-system or SQLite failure on a path the user gave (`--out` in a missing folder, a
 * directory, a read-only file, a full disk, a damaged results.sqlite) as a one-line
 * DataFormatError naming the path; anything else unchanged.
 * @example asDataError(enoent).message // '/nonexistent/A.npy: cannot open: no such file or directory (ENOENT)'
 */
export function asDataError(error: unknown): unknown {
  const e = error as { code?: unknown; syscall?: unknown; path?: unknown; message?: unknown };
  if (typeof e !== 'object' || e === null || typeof e.code !== 'string') return error;
  if (e.code.startsWith('SQLITE_'))
    return new DataFormatError(
      'result store',
      '',
      `${e.code}: ${String(e.message)}; move the damaged results.sqlite away to start afresh`,
    );
  if (!/^E[A-Z]+$/.test(e.code) || typeof e.path !== 'string') return error;
  const call = typeof e.syscall === 'string' ? e.syscall : 'use';
  return new DataFormatError(e.path, '', `cannot ${call}: ${systemReason(e.code)}`);
}

/** Operating-system error codes in words. */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a parent is not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'already exists',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/**
 * An operating-system error code in words, with the code: what a one-line error about a path
 * says ("no such file or directory (ENOENT)").
 * @example systemReason('EACCES') // 'permission denied (EACCES)'
 */
export function systemReason(code: string): string {
  return `${SYSTEM_REASONS[code] ?? 'failed'} (${code})`;
}
