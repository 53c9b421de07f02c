import { DataFormatError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import { parseCsv } from './csv-parse.js';
import { parseNpy } from './npy-parse.js';

/**
 * Reads a numeric data file from its bytes, the same way on the command line (bytes from disk)
 * and in the browser (bytes of a dropped file): a name ending in `.npy` is parsed as NumPy's
 * format, anything else as delimited text (CSV, TSV, whitespace; header row optional). A 1-D
 * array becomes one column. Every entry must be finite. With `share: true` an aligned
 * little-endian float64 `.npy` is viewed in place instead of copied: only for bytes the caller owns
 * and will not reuse (the explorer keeps dropped files and rebuilds models from them, so it
 * copies).
 * @throws {DataFormatError} naming the file and the row and column of a bad value.
 * @example parseMatrixFile(readFileSync('X.npy'), 'X.npy').rows
 */
export function parseMatrixFile(
  bytes: Uint8Array,
  name: string,
  options: { share?: boolean } = {},
): Matrix {
  const value = name.toLowerCase().endsWith('.npy')
    ? parseNpy(bytes, name, { share: options.share === true })
    : parseCsv(new TextDecoder().decode(bytes), name).matrix;
  const m = value instanceof Matrix ? value : Matrix.fromRowMajor(value.length, 1, value);
  for (let t = 0; t < m.data.length; t++) {
    if (!Number.isFinite(m.data[t]))
      throw new DataFormatError(
        name,
        `row ${Math.floor(t / m.cols) + 1} column ${(t % m.cols) + 1}`,
        `${m.data[t]} is not a finite number`,
      );
  }
  return m;
}

/**
 * The numbers of a matrix that holds one row or one column (variances, autocovariances).
 * @throws {DataFormatError} naming `name` for a matrix with several rows and columns.
 * @example vectorOf(parseMatrixFile(bytes, 'autocov.txt'), 'autocov.txt')
 */
export function vectorOf(m: Matrix, name: string): Float64Array {
  if (m.rows !== 1 && m.cols !== 1)
    throw new DataFormatError(
      name,
      '',
      `must hold one row or one column of numbers; shape is ${m.rows}×${m.cols}`,
    );
  return m.data;
}
