import { DataFormatError } from '../errors.js';

/**
 * Splits one CSV line into fields: `'whitespace'` splits on runs of blanks; any other delimiter
 * honours RFC 4180 double quotes within the line ("a ""b""" → a "b"). Fields are not trimmed.
 * @throws {DataFormatError} at `line L column C` for an unterminated quote or text after one.
 * @example splitFields('1,"x, y",3', ',', 'a.csv', 1) // ['1', 'x, y', '3']
 */
export function splitFields(
  line: string,
  delimiter: string,
  file: string,
  lineNumber: number,
): string[] {
  if (delimiter === 'whitespace') return line.trim().split(/\s+/);
  if (!line.includes('"')) return line.split(delimiter);
  const fields: string[] = [];
  let k = 0;
  for (;;) {
    let field = '';
    while (k < line.length && line[k] === ' ') field += line[k++];
    if (line[k] === '"') {
      field = '';
      let closed = false;
      for (k++; k < line.length; k++) {
        if (line[k] !== '"') field += line[k];
        else if (line[k + 1] === '"') field += line[k++];
        else {
          closed = true;
          k++;
          break;
        }
      }
      while (k < line.length && line[k] === ' ') k++;
      if (!closed || (k < line.length && !line.startsWith(delimiter, k))) {
        const detail = closed
          ? 'unexpected text after a closing quote'
          : 'unterminated quoted field';
        throw new DataFormatError(file, `line ${lineNumber} column ${fields.length + 1}`, detail);
      }
    } else {
      const end = line.indexOf(delimiter, k);
      field += line.slice(k, end < 0 ? line.length : end);
      k = end < 0 ? line.length : end;
    }
    fields.push(field);
    if (k >= line.length) return fields;
    k += delimiter.length;
  }
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/**
 * True when a (trimmed) field reads as a number or as a NaN/infinity literal, i.e. is data
 * rather than a column name.
 * @example looksNumeric(' -1.5e3 ') // true; looksNumeric('height') // false
 */
export function looksNumeric(field: string): boolean {
  const t = field.trim();
  return NUMBER.test(t) || NON_FINITE.test(t);
}

/**
 * Parses one field as a finite double.
 * @throws {DataFormatError} at `line L column C`: `"abc" is not a number`, NaN/infinity
 *   literals, values beyond the float64 range, empty fields.
 * @example parseNumber('2.5', 'a.csv', 3, 1) // 2.5
 */
export function parseNumber(field: string, file: string, line: number, column: number): number {
  const t = field.trim();
  if (NUMBER.test(t)) {
    const value = Number(t);
    if (Number.isFinite(value)) return value;
    throw new DataFormatError(
      file,
      `line ${line} column ${column}`,
      `"${t}" is outside the float64 range`,
    );
  }
  const detail =
    t === ''
      ? 'empty field, expected a number'
      : NON_FINITE.test(t)
        ? `"${t}" is not a finite number (NaN and infinities are rejected)`
        : `"${t}" is not a number`;
  throw new DataFormatError(file, `line ${line} column ${column}`, detail);
}
