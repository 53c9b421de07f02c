import { formatValue } from '../../../src/diagnostics/report.js';

/**
 * The per-layer table: one row per layer with the CLI's JSON column names as headers. Each header
 * is a button that sorts by that column (again: the other way), announced through `aria-sort`;
 * each layer name is a button that selects the layer's plot.
 */
export interface LayerTable {
  element: HTMLTableElement;
  /** Redraws with new rows (keeps the sort column). */
  show(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): void;
}

/**
 * Creates the table; `onSelect(k)` is called with the index (in the given rows) of a chosen layer.
 * @example const table = layerTable((k) => plot(k)); table.show(report.layers, columns);
 */
export function layerTable(onSelect: (index: number) => void): LayerTable {
  const element = document.createElement('table');
  element.className = 'diagnose-table';
  let rows: ReadonlyArray<Record<string, unknown>> = [];
  let columns: readonly string[] = [];
  let sortBy: string | null = null;
  let descending = false;
  const render = () => {
    const order = rows.map((_, k) => k);
    if (sortBy !== null) {
      const key = sortBy;
      order.sort((a, b) => compare(rows[a]![key], rows[b]![key]) * (descending ? -1 : 1));
    }
    const head = document.createElement('thead');
    const headRow = head.insertRow();
    for (const c of columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.setAttribute(
        'aria-sort',
        c === sortBy ? (descending ? 'descending' : 'ascending') : 'none',
      );
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = c;
      button.title = `sort by ${c}`;
      button.addEventListener('click', () => {
        descending = sortBy === c ? !descending : false;
        sortBy = c;
        render();
      });
      th.append(button);
      headRow.append(th);
    }
    const body = document.createElement('tbody');
    for (const k of order) {
      const tr = body.insertRow();
      for (const c of columns) {
        const td = tr.insertCell();
        const value = rows[k]![c];
        if (c === 'name') {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'layer-name';
          button.textContent = String(value);
          button.title = `plot the ESD of ${String(value)}`;
          button.addEventListener('click', () => onSelect(k));
          td.append(button);
        } else {
          td.textContent = format(value);
          if (typeof value === 'number') {
            td.className = 'number';
            td.title = String(value);
          }
        }
      }
    }
    element.replaceChildren(head, body);
  };
  return {
    element,
    show(newRows, newColumns) {
      rows = newRows;
      columns = newColumns;
      if (sortBy !== null && !columns.includes(sortBy)) sortBy = null;
      render();
    },
  };
}

/** Numbers before text, nulls (NaN in the CLI) last; numbers numerically, text by locale. */
function compare(a: unknown, b: unknown): number {
  const rank = (v: unknown) => (typeof v === 'number' ? 0 : v === null || v === undefined ? 2 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''), undefined, { numeric: true });
}

/** As the CLI's text table (formatValue), shapes as 64×3×3. */
function format(v: unknown): string {
  return Array.isArray(v) ? v.join('×') : formatValue(v);
}
