import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { DataFormatError } from '../errors.js';

/**
 * The scratch folder of an out-of-core log-determinant (memdet.ts): one raw little-endian float64
 * file per tile of the Cholesky factor, `L-i-j.f64`, and `progress.json`, replaced atomically
 * (write a temporary file, fsync, rename, fsync the folder) only after the tiles it counts are
 * fsynced. A kill at any point leaves either the previous progress file or the new one, never a
 * progress file that counts a tile not yet on disk.
 */

/** The identity of the input file a scratch folder belongs to. */
export interface MemdetInput {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The content of `progress.json`. */
export interface MemdetProgress {
  format: 'rmtkit-memdet/1';
  input: MemdetInput;
  n: number;
  blockSize: number;
  /** Block columns of the factor completed, 0 … blocks. */
  stepsDone: number;
  /** 2 Σ ln L_ii over the completed block columns. */
  logAbsDet: number;
}

const PROGRESS = 'progress.json';

/** The progress file of a scratch folder, or undefined when there is none. */
export function readProgress(scratch: string): MemdetProgress | undefined {
  const file = join(scratch, PROGRESS);
  if (!existsSync(file)) return undefined;
  let parsed: MemdetProgress;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as MemdetProgress;
  } catch (e) {
    throw new DataFormatError(file, '', `scratch progress file does not parse: ${String(e)}`);
  }
  if (parsed?.format !== 'rmtkit-memdet/1')
    throw new DataFormatError(file, '', 'scratch progress file is not an rmtkit memdet file');
  return parsed;
}

/** Replaces `progress.json` atomically and durably. */
export function writeProgress(scratch: string, progress: MemdetProgress): void {
  const file = join(scratch, PROGRESS);
  const temp = `${file}.tmp`;
  writeDurably(temp, new TextEncoder().encode(`${JSON.stringify(progress, null, 2)}\n`));
  renameSync(temp, file);
  syncFolder(scratch);
}

function tilePath(scratch: string, i: number, j: number): string {
  return join(scratch, `L-${i}-${j}.f64`);
}

/** Writes tile (i, j) of the factor and fsyncs it. */
export function writeTile(scratch: string, i: number, j: number, data: Float64Array): void {
  writeDurably(
    tilePath(scratch, i, j),
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  );
}

/**
 * Reads tile (i, j) of the factor into `into` (which must hold exactly its entries).
 * @throws {DataFormatError} naming the tile file when it is missing or short.
 */
export function readTile(scratch: string, i: number, j: number, into: Float64Array): Float64Array {
  const file = tilePath(scratch, i, j);
  const bytes = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new DataFormatError(file, '', 'scratch tile is missing; remove the scratch folder');
  }
  try {
    let done = 0;
    while (done < bytes.length) {
      const got = readSync(fd, bytes, done, bytes.length - done, done);
      if (got === 0)
        throw new DataFormatError(
          file,
          '',
          `scratch tile is short: ${done} of ${bytes.length} bytes; remove the scratch folder`,
        );
      done += got;
    }
  } finally {
    closeSync(fd);
  }
  return into;
}

/** Removes tile files (i, j) for i ≥ j over `blocks` block rows. */
export function removeTiles(scratch: string, blocks: number): void {
  for (let j = 0; j < blocks; j++)
    for (let i = j; i < blocks; i++) rmSync(tilePath(scratch, i, j), { force: true });
}

function writeDurably(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, 'w');
  try {
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
