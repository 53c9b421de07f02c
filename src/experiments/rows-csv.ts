import type { Row } from './types.js';

/**
 * CSV text (RFC 4180) of figure rows: the header is the union of the rows' fields in order of
 * first appearance, missing and null fields are empty, numbers use JavaScript's shortest
 * round-trip form, and text holding a comma, quote or line break is quoted.
 * @example rowsToCsv([{ x: 1, kind: 'theory' }, { x: 2, y: 0.5 }]) // 'x,kind,y\n1,theory,\n2,,0.5\n'
 */
export function rowsToCsv(rows: readonly Row[]): string {
  const fields: string[] = [];
  const seen = new Set<string>();
  for (const row of rows)
    for (const key of Object.keys(row)) if (!seen.has(key)) seen.add(key), fields.push(key);
  const lines = [fields.map(quote).join(',')];
  for (const row of rows) lines.push(fields.map((f) => cell(row[f])).join(','));
  return lines.join('\n') + '\n';
}

function cell(v: Row[string] | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v); // shortest round-trip form; NaN and ±Infinity as words
  return quote(String(v));
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
