import { DataFormatError, InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import { looksNumeric, parseNumber, splitFields } from './csv-fields.js';

/** Options of {@link parseCsv} and `readCsv`. */
export interface CsvReadOptions {
  /**
   * Field separator; default: ',' if the first row has a comma, else tab, else ';', else runs of
   * blanks ('whitespace').
   */
  delimiter?: string;
  /**
   * Whether the first row names the columns; 'auto' (default): when it has a non-empty, non-numeric
   * field.
   */
  header?: 'auto' | boolean;
  /**
   * Lines starting with this prefix are skipped (default '#', as numpy.savetxt writes); null keeps
   * them.
   */
  comments?: string | null;
}

/** A numeric table: the values as an n×d Matrix and, when present, the column names. */
export interface CsvTable {
  matrix: Matrix;
  header?: string[];
}

/**
 * Parses delimited text into a Matrix of doubles. Empty lines and comment lines are skipped;
 * line numbers in errors count every physical line from 1. Handles `\r\n`, a UTF-8 BOM and
 * double-quoted fields.
 * @param file the name used in error messages.
 * @throws {DataFormatError} `data.csv line 17: expected 64 values, found 63`;
 *   `data.csv line 5 column 3: "abc" is not a number`; NaN/inf text and empty fields likewise.
 * @throws {InvalidArgumentError} naming 'delimiter' or 'header' for a bad option.
 * @example parseCsv('x,y\n1,2\n3,4\n', 'pts.csv') // { matrix: 2×2, header: ['x', 'y'] }
 */
export function parseCsv(text: string, file: string, options: CsvReadOptions = {}): CsvTable {
  const { header = 'auto', comments = '#' } = options;
  if (header !== 'auto' && header !== true && header !== false)
    throw new InvalidArgumentError('header', "must be 'auto', true or false", header);
  if (
    options.delimiter !== undefined &&
    (options.delimiter === '' || /["\r\n]/.test(options.delimiter))
  ) {
    throw new InvalidArgumentError(
      'delimiter',
      'must be a non-empty string without quotes or line breaks',
      options.delimiter,
    );
  }
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  const isData = (line: string) =>
    line.trim() !== '' &&
    (comments === null || comments === '' || !line.trimStart().startsWith(comments));
  const first = lines.findIndex(isData);
  if (first < 0) return { matrix: Matrix.zeros(0, 0) };
  const delimiter = options.delimiter ?? detectDelimiter(lines[first]!);
  let names: string[] | undefined;
  let start = first;
  const firstFields = splitFields(lines[first]!, delimiter, file, first + 1);
  if (header === true || (header === 'auto' && looksLikeHeader(firstFields))) {
    names = firstFields.map((f) => f.trim());
    start = first + 1;
  }
  let cols = names?.length ?? -1;
  const values: number[] = [];
  let rows = 0;
  for (let l = start; l < lines.length; l++) {
    const line = lines[l]!;
    if (!isData(line)) continue;
    const fields = splitFields(line, delimiter, file, l + 1);
    if (cols < 0) cols = fields.length;
    if (fields.length !== cols) {
      const basis = names ? ' (one per header column)' : '';
      throw new DataFormatError(
        file,
        `line ${l + 1}`,
        `expected ${cols} values${basis}, found ${fields.length}`,
      );
    }
    for (let c = 0; c < cols; c++) values.push(parseNumber(fields[c]!, file, l + 1, c + 1));
    rows++;
  }
  const matrix = Matrix.fromRowMajor(rows, Math.max(cols, 0), Float64Array.from(values));
  return names ? { matrix, header: names } : { matrix };
}

/**
 * Whether a first row is a header in 'auto' mode: some field is not a number, and no field is a
 * malformed number (`0x10`, `1_000`, `1e`, `-.`: it starts like a number), which is a data error
 * at line 1, not a column name.
 */
function looksLikeHeader(fields: readonly string[]): boolean {
  const named = fields.filter((f) => f.trim() !== '' && !looksNumeric(f));
  return named.length > 0 && named.every((f) => !/^[+-]?[\d.]/.test(f.trim()));
}

function detectDelimiter(line: string): string {
  for (const d of [',', '\t', ';']) if (line.includes(d)) return d;
  return 'whitespace';
}
