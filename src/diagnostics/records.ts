import type { LayerRow, ModelDiagnostics } from './model.js';
import { reportColumns } from './report.js';

/** One layer as a flat record of scalars: what `console.table`, arquero or danfo.js take. */
export type LayerRecord = Record<string, string | number | null>;

/**
 * The per-layer table as an array of flat records (file, name, shape as `NxM`, then the report's
 * columns), without the eigenvalue arrays, fit curves and nested blocks: ready for
 * `console.table(toRecords(result))`, `aq.from(…)` or `new dfd.DataFrame(…)`. Columns default
 * to every metric any layer carries (the report's columns for all options); pass `columns` to
 * choose. Non-finite numbers become null, as in the JSON.
 * @example console.table(diagnostics.toRecords(await diagnostics.diagnoseModel(['model.onnx'])))
 */
export function toRecords(
  result: ModelDiagnostics,
  columns: readonly string[] = presentColumns(result),
): LayerRecord[] {
  return result.layers.map((l) => {
    const record: LayerRecord = { file: l.file, name: l.name, shape: l.shape.join('x') };
    for (const c of columns) record[c] = scalar(l[c as keyof LayerRow]);
    return record;
  });
}

/**
 * The same table column by column, `{ name: [...], alpha: [...] }`: the layout of
 * `aq.table(…)`, `new dfd.DataFrame(…)` or a Vega-Lite data source with `fold`.
 * @example diagnostics.toColumns(result).alpha
 */
export function toColumns(
  result: ModelDiagnostics,
  columns: readonly string[] = presentColumns(result),
): Record<string, Array<string | number | null>> {
  const records = toRecords(result, columns);
  const names = ['file', 'name', 'shape', ...columns];
  return Object.fromEntries(names.map((c) => [c, records.map((r) => r[c] ?? null)]));
}

/** The report's columns (all options) that at least one layer carries. */
function presentColumns(result: ModelDiagnostics): string[] {
  const all = reportColumns({
    mpFit: true,
    randomize: true,
    fixFingers: true,
    tpl: true,
    htmp: true,
  });
  return all.filter((c) => result.layers.some((l) => l[c as keyof LayerRow] !== undefined));
}

function scalar(v: unknown): string | number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}
