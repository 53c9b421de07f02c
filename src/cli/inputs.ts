import { DataFormatError, InvalidArgumentError } from '../errors.js';
import { readCsv, readNpy } from '../io/index.js';
import { Matrix } from '../linalg/matrix.js';
import type { Interval } from '../constraints.js';

/* Reading flags and data files for every command: one place for the one-line error texts. */

/**
 * Parses a numeric flag and checks it against a constraint; errors name the flag.
 * @throws {InvalidArgumentError} naming `flag`.
 * @example parseNumber('--lambda', '0.1', SSR_PARAMS.lambda) // 0.1
 */
export function parseNumber(flag: string, text: string, constraint: Interval): number {
  const value = text.trim() === '' ? NaN : Number(text);
  if (Number.isNaN(value)) throw new InvalidArgumentError(flag, `must be a number (${constraint.describe().replace('must be ', '')})`, text);
  if (!Number.isFinite(value)) throw new InvalidArgumentError(flag, 'must be finite', text);
  return constraint.check(flag, value);
}

/**
 * Reads a 2-D data file: `.npy` or delimited text (header row optional). Unreadable files and
 * non-finite entries become one-line data errors naming the file and place.
 * @throws {DataFormatError}
 * @example loadMatrix('X.npy')
 */
export function loadMatrix(file: string): Matrix {
  const value = readAny(file);
  const m = value instanceof Matrix ? value : Matrix.fromRowMajor(value.length, 1, value);
  for (let t = 0; t < m.data.length; t++) {
    if (!Number.isFinite(m.data[t])) throw new DataFormatError(file, `row ${Math.floor(t / m.cols) + 1} column ${(t % m.cols) + 1}`, `${m.data[t]} is not a finite number`);
  }
  return m;
}

/**
 * Reads a 1-D sequence: a 1-D `.npy`, or a single row or column of a 2-D file.
 * @throws {DataFormatError} for a file with several rows and columns.
 * @example loadVector('autocov.txt')
 */
export function loadVector(file: string): Float64Array {
  const m = loadMatrix(file);
  if (m.rows !== 1 && m.cols !== 1) throw new DataFormatError(file, '', `must hold one row or one column of numbers; shape is ${m.rows}×${m.cols}`);
  return m.data;
}

function readAny(file: string): Float64Array | Matrix {
  try {
    return file.toLowerCase().endsWith('.npy') ? readNpy(file) : readCsv(file).matrix;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code) throw new DataFormatError(file, '', `cannot be read (${code})`);
    throw error;
  }
}
