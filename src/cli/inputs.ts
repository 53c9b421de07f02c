import { readFileSync, statSync } from 'node:fs';
import { DataFormatError, InvalidArgumentError } from '../errors.js';
import { parseMatrixFile, vectorOf } from '../io/matrix-file.js';
import type { Matrix } from '../linalg/matrix.js';
import { memoryLimit } from './limits.js';
import { systemReason } from './system-errors.js';

/* Reading flags and data files for every command: one place for the one-line error texts. */

// Numeric flags are parsed where the explorer's forms can reach the same parser.
export { parseNumber } from '../constraints.js';

/**
 * Reads a 2-D data file: `.npy` or delimited text (header row optional), see
 * {@link parseMatrixFile}. Unreadable files and non-finite entries become one-line data errors
 * naming the file and place.
 * @throws {DataFormatError}
 * @example loadMatrix('X.npy')
 */
export function loadMatrix(file: string): Matrix {
  let bytes: Uint8Array;
  try {
    // A device or FIFO (/dev/zero, a pipe) would be read without end: only regular files, and
    // only those that fit the memory a command may plan for (RMTKIT_MAX_MEMORY).
    const info = statSync(file);
    if (!info.isFile()) throw new DataFormatError(file, '', 'is not a regular file');
    if (info.size > memoryLimit())
      throw new DataFormatError(
        file,
        '',
        `is ${info.size} bytes, more than the ${Math.floor(memoryLimit())} bytes a command may load (RMTKIT_MAX_MEMORY)`,
      );
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code) throw new DataFormatError(file, '', `cannot be read: ${systemReason(code)}`);
    throw error;
  }
  return parseMatrixFile(bytes, file, { share: true }); // fresh bytes: no copy of a large .npy
}

/**
 * Reads a 1-D sequence: a 1-D `.npy`, or a single row or column of a 2-D file.
 * @throws {DataFormatError} for a file with several rows and columns.
 * @example loadVector('autocov.txt')
 */
export function loadVector(file: string): Float64Array {
  return vectorOf(loadMatrix(file), file);
}

/**
 * Reads a data matrix and a vector of one value per row of it (targets, right-hand side).
 * @throws {InvalidArgumentError} naming `valuesFlag` when the lengths differ; {DataFormatError}
 *   for either file.
 * @example loadRowsAndValues('X.npy', '--targets', 'y.npy')
 */
export function loadRowsAndValues(
  dataFile: string,
  valuesFlag: string,
  valuesFile: string,
): { x: Matrix; y: Float64Array } {
  const x = loadMatrix(dataFile);
  const y = loadVector(valuesFile);
  if (y.length !== x.rows)
    throw new InvalidArgumentError(
      valuesFlag,
      `must have ${x.rows} values, one per row of ${dataFile}`,
      y.length,
    );
  return { x, y };
}
