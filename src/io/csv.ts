import { readFileSync, writeFileSync } from 'node:fs';
import type { Matrix } from '../linalg/matrix.js';
import { type CsvWriteOptions, formatCsv } from './csv-format.js';
import { type CsvReadOptions, type CsvTable, parseCsv } from './csv-parse.js';

/**
 * Reads a delimited numeric text file (CSV, TSV, numpy.savetxt output) as a Matrix plus the
 * column names when the first row is a header. See {@link parseCsv} for the options.
 * @throws {DataFormatError} naming the file, line and column (`data.csv line 17: expected 64
 *   values, found 63`); Node's errors when the file cannot be read.
 * @example const { matrix, header } = readCsv('data.csv', { header: 'auto' })
 */
export function readCsv(path: string, options: CsvReadOptions = {}): CsvTable {
  return parseCsv(readFileSync(path, 'utf8'), path, options);
}

/**
 * Writes a Matrix (or a Float64Array as one column) as delimited text; see {@link formatCsv}.
 * @throws {NonFiniteError} for NaN/±Infinity entries; {@link InvalidArgumentError} for a bad
 * header.
 * @example writeCsv('out.csv', X, { header: ['x1', 'x2'] })
 */
export function writeCsv(
  path: string,
  array: Matrix | Float64Array,
  options: CsvWriteOptions = {},
): void {
  writeFileSync(path, formatCsv(array, options));
}
