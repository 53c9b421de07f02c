import { InvalidArgumentError, NonFiniteError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';

/** Options of {@link formatCsv} and `writeCsv`. */
export interface CsvWriteOptions {
  /** Field separator (default ','). */
  delimiter?: string;
  /** Column names, one per column, written as the first row (quoted when needed). */
  header?: readonly string[];
}

/**
 * Delimited text for a Matrix (one line per row) or a Float64Array (one column). Numbers are
 * written in JavaScript's shortest round-trip form (and −0 as `-0`), so `parseCsv` and
 * `numpy.loadtxt` read back exactly the same doubles.
 * @throws {NonFiniteError} naming 'array' and the entry for NaN/±Infinity (the reader rejects
 * them).
 * @throws {InvalidArgumentError} naming 'header' when its length differs from the column count,
 *   or 'delimiter' when it is empty or holds a quote, a line break, a digit, '.', '+', '-' or 'e'.
 * @example formatCsv(Matrix.fromRows([[1, 2.5]]), { header: ['a', 'b'] }) // 'a,b\n1,2.5\n'
 */
export function formatCsv(array: Matrix | Float64Array, options: CsvWriteOptions = {}): string {
  const { delimiter = ',', header } = options;
  if (delimiter === '' || /["\r\n\d.+\-eE]/.test(delimiter)) {
    throw new InvalidArgumentError(
      'delimiter',
      'must be non-empty and free of quotes, line breaks and number characters',
      delimiter,
    );
  }
  const m = array instanceof Matrix ? array : Matrix.fromRowMajor(array.length, 1, array);
  const lines: string[] = [];
  if (header) {
    if (header.length !== m.cols)
      throw new InvalidArgumentError(
        'header',
        `must have one name per column (${m.cols})`,
        header.length,
      );
    lines.push(header.map((h) => quote(h, delimiter)).join(delimiter));
  }
  const row = new Array<string>(m.cols);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const x = m.data[i * m.cols + j]!;
      if (!Number.isFinite(x)) throw new NonFiniteError('array', i, j, x);
      row[j] = Object.is(x, -0) ? '-0' : String(x);
    }
    lines.push(row.join(delimiter));
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** Quotes a header name when it holds the delimiter, a quote, a line break or edge blanks. */
function quote(name: string, delimiter: string): string {
  const needs =
    name.includes(delimiter) || /["\r\n]/.test(name) || name.trim() !== name || name === '';
  return needs ? `"${name.replace(/"/g, '""')}"` : name;
}
