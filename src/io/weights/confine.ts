import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { DataFormatError } from '../../errors.js';

/**
 * Reads a weight file that a model file names (a TF.js shard, an ONNX external-data location),
 * confined to the model's folder: the path must be relative, and after resolving `..` and every
 * symbolic link (realpath) it must still lie inside `folder`; it must be a regular file (not
 * /dev/zero, a FIFO or a socket — opened non-blocking so a FIFO cannot hang the reader); and only
 * `length` bytes at `offset` are read — the size the header declares — never the whole file when
 * less is needed. Without `length`, the bytes from `offset` to the end of the file are read, but
 * at most `atMost` of them.
 * @param model the model file, for error messages.
 * @throws {DataFormatError} naming the model file and the referenced path when the path leaves
 * the folder, is not a regular file, cannot be read, or holds fewer bytes than declared.
 * @example readConfined('models/m', 'group1-shard1of2.bin', 'models/m/model.json', { length: 4096 })
 */
export function readConfined(
  folder: string,
  path: string,
  model: string,
  range: { offset?: number; length?: number; atMost?: number } = {},
): Uint8Array {
  const place = `weight file '${path}'`;
  const fail = (detail: string): never => {
    throw new DataFormatError(model, place, detail);
  };
  if (path === '' || path.includes('\0')) fail('is not a valid path');
  if (isAbsolute(path)) fail("must be a path relative to the model's folder");
  let real: string;
  let root: string;
  try {
    root = realpathSync(folder);
    real = realpathSync(resolve(folder, path));
  } catch (error) {
    return fail(`cannot be read (${(error as { code?: string }).code ?? 'error'})`);
  }
  if (!real.startsWith(root.endsWith(sep) ? root : root + sep))
    fail("lies outside the model's folder (paths may not leave it, also not through links)");
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return fail(`cannot be read (${(error as { code?: string }).code ?? 'error'})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) fail('is not a regular file');
    const offset = range.offset ?? 0;
    if (!Number.isSafeInteger(offset) || offset < 0) fail(`has an invalid offset ${offset}`);
    const length =
      range.length ?? Math.min(Math.max(0, stat.size - offset), range.atMost ?? Infinity);
    if (!Number.isSafeInteger(length) || length < 0) fail(`has an invalid length ${length}`);
    if (offset + length > stat.size)
      fail(`needs ${length} bytes at offset ${offset}, the file holds ${stat.size}`);
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, out, done, Math.min(length - done, 1 << 24), offset + done);
      if (n === 0) fail(`ended after ${done} of ${length} bytes`);
      done += n;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}
