import { DataFormatError } from '../errors.js';
import type { LayerRow, ModelDiagnostics, SkippedLayer } from './model.js';
import { toWwRecord, WW_NAMES } from './ww/names.js';

/**
 * Columns of the per-layer report, in order, for the computed options.
 * @example reportColumns({ mpFit: true }).includes('mp_softrank') // true
 */
export function reportColumns(options: {
  mpFit?: boolean;
  randomize?: boolean;
  fixFingers?: boolean;
  tpl?: boolean;
  htmp?: boolean;
}): string[] {
  return [
    'N',
    'M',
    'norm',
    'log_norm',
    'spectral_norm',
    'log_spectral_norm',
    'stable_rank',
    'matrix_rank',
    'entropy',
    'alpha',
    'alpha_weighted',
    'log_alpha_norm',
    'xmin',
    'xmax',
    'D',
    'sigma',
    'num_pl_spikes',
    ...(options.tpl ? ['Lambda'] : []),
    ...(options.fixFingers ? ['num_fingers', 'raw_alpha'] : []),
    ...(options.mpFit ? ['sigma_mp', 'bulk_min', 'bulk_max', 'num_spikes', 'mp_softrank'] : []),
    ...(options.randomize
      ? [
          'rand_distance',
          'max_rand_eval',
          'ww_softrank',
          'ww_maxdist',
          'rand_sigma_mp',
          'rand_num_spikes',
        ]
      : []),
    ...(options.htmp ? ['kappa', 'htmp_distance'] : []),
    'phase',
    'warning',
  ];
}

/**
 * The JSON form of a result: the layer rows without their eigenvalue arrays and fit curves (each
 * layer keeps `traps`, the trapped eigenvalues), the summary, the skipped tensors.
 * @example JSON.stringify(jsonReport(result, columns))
 */
export function jsonReport(result: ModelDiagnostics, columns: readonly string[]): object {
  const layers = result.layers.map((l) => {
    const row: Record<string, unknown> = { file: l.file, name: l.name, shape: l.shape };
    for (const c of columns) row[c] = clean(l[c as keyof LayerRow]);
    if (l.traps) row.traps = l.traps;
    row.phase_evidence = l.phase_evidence;
    row.esd_method = l.esd_method;
    row.kind = l.kind;
    row.reading = l.reading;
    if (l.groups !== undefined) row.groups = l.groups;
    if (l.ww_reading !== undefined) row.ww_reading = l.ww_reading;
    row.ww = Object.fromEntries(Object.entries(toWwRecord(l.ww)).map(([k, v]) => [k, clean(v)]));
    return row;
  });
  return { layers, summary: result.summary, skipped: result.skipped };
}

/**
 * CSV text: a header (file, name, shape, the columns), one line per layer and a last line named
 * `summary` holding the means (empty where a metric is not averaged).
 * @example csvReport(result, columns).split('\n')[0]
 */
export function csvReport(result: ModelDiagnostics, columns: readonly string[]): string {
  const lines = [['file', 'name', 'shape', ...columns].map(csvField).join(',')];
  for (const l of result.layers)
    lines.push(
      [l.file, l.name, l.shape.join('x'), ...columns.map((c) => l[c as keyof LayerRow])]
        .map(csvField)
        .join(','),
    );
  const s = result.summary as Record<string, number | undefined>;
  lines.push(['', 'summary', '', ...columns.map((c) => s[c])].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * CSV of WeightWatcher's details columns only (`--columns ww`): file, then WeightWatcher's names
 * in its order, those computed for some layer; empty where a layer lacks one, `NaN` for None.
 * @example wwCsvReport(result).split('\n')[0] // 'file,layer_id,name,N,M,rf,Q,…'
 */
export function wwCsvReport(result: ModelDiagnostics): string {
  const rows = result.layers.map((l) => toWwRecord(l.ww));
  const names = wwReportColumns(result);
  const lines = [['file', ...names].map(csvField).join(',')];
  result.layers.forEach((l, k) => {
    lines.push([l.file, ...names.map((n) => rows[k]![n])].map(csvField).join(','));
  });
  return `${lines.join('\n')}\n`;
}

/**
 * WeightWatcher's column names that some layer of `result` has, in its order: the columns of
 * {@link wwCsvReport} after `file` (Lambda only with a TPL fit, num_fingers with clip_xmax, …).
 * @example wwReportColumns(result).includes('Lambda')
 */
export function wwReportColumns(result: ModelDiagnostics): string[] {
  const rows = result.layers.map((l) => toWwRecord(l.ww));
  return Object.values(WW_NAMES).filter((n) => rows.some((r) => n in r));
}

/**
 * Columns given up first when a table must fit a terminal: derived or secondary quantities before
 * the ones a reader compares across layers (α, α-weighted, the phase, the warning, which go last).
 */
const DROP_ORDER = [
  'raw_alpha',
  'rand_sigma_mp',
  'rand_num_spikes',
  'max_rand_eval',
  'ww_maxdist',
  'bulk_min',
  'bulk_max',
  'htmp_distance',
  'xmax',
  'xmin',
  'sigma',
  'norm',
  'spectral_norm',
  'log_alpha_norm',
  'matrix_rank',
  'num_pl_spikes',
  'num_fingers',
  'Lambda',
  'D',
  'sigma_mp',
  'num_spikes',
  'ww_softrank',
  'log_norm',
  'log_spectral_norm',
  'entropy',
  'mp_softrank',
  'rand_distance',
  'kappa',
  'stable_rank',
  'warning',
  'alpha_weighted',
  'phase',
];

/** Longest layer name shown in a table that must fit a width (the rest is elided at the front). */
const NAME_WIDTH = 36;

/**
 * A fixed-width text table: layer name, N×M and the columns (4 significant digits), then a
 * `summary (mean)` row. With `width` (a terminal's columns) the table fits it: the prefix all layer
 * names share is printed once above it, long names are elided at the front, and the least
 * essential columns are left out (named in a last line) until the lines fit.
 * @example console.log(textTable(result, columns, { width: process.stdout.columns }))
 */
export function textTable(
  result: ModelDiagnostics,
  columns: readonly string[],
  options: { width?: number } = {},
): string {
  const { width } = options;
  const prefix = width === undefined ? '' : sharedPrefix(result.layers.map((l) => l.name));
  const nameWidth = width === undefined ? 48 : NAME_WIDTH;
  const name = (full: string) => {
    const n = full.slice(prefix.length);
    return n.length > nameWidth ? `…${n.slice(-(nameWidth - 1))}` : n;
  };
  const s = result.summary as Record<string, number | undefined>;
  const cells = (c: string) => [
    c,
    ...result.layers.map((l) => formatValue(l[c as keyof LayerRow])),
    formatValue(s[c]),
  ];
  const lead = [
    [
      'layer',
      ...result.layers.map((l) => name(l.name)),
      `summary (mean of ${result.summary.num_layers})`,
    ],
    ['N×M', ...result.layers.map((l) => `${l.N}×${l.M}`), ''],
  ];
  let shown = columns.filter((c) => c !== 'N' && c !== 'M').map(cells);
  const columnWidth = (col: string[]) => Math.max(...col.map((v) => v.length));
  const total = () => [...lead, ...shown].reduce((sum, col) => sum + columnWidth(col) + 2, -2);
  const hidden: string[] = [];
  if (width !== undefined) {
    const order = (c: string) => {
      const k = DROP_ORDER.indexOf(c);
      return k < 0 ? DROP_ORDER.length : k;
    };
    const byDrop = [...shown].sort((a, b) => order(a[0]!) - order(b[0]!));
    for (const col of byDrop) {
      if (total() <= width || shown.length <= 1) break;
      shown = shown.filter((c) => c !== col);
      hidden.push(col[0]!);
    }
  }
  const table = [...lead, ...shown];
  const widths = table.map(columnWidth);
  const lines: string[] = [];
  if (prefix) lines.push(`layer names below continue ${prefix}`);
  for (let r = 0; r < table[0]!.length; r++) {
    lines.push(
      table
        .map((col, k) => (k === 0 ? col[r]!.padEnd(widths[k]!) : col[r]!.padStart(widths[k]!)))
        .join('  ')
        .trimEnd(),
    );
  }
  if (hidden.length > 0) {
    lines.push(
      `${hidden.length} more column${hidden.length === 1 ? '' : 's'} (${hidden.join(', ')}): widen the terminal, or use --json or --csv`,
    );
  }
  return lines.join('\n');
}

/**
 * The longest prefix of every name that ends at a separator (`/`, `.`, `_`, `:`), when there are
 * at least two names; '' otherwise.
 */
function sharedPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  let k = 0;
  const first = names[0]!;
  while (k < first.length && names.every((n) => n[k] === first[k])) k++;
  const cut = Math.max(...['/', '.', '_', ':'].map((sep) => first.lastIndexOf(sep, k - 1)));
  return cut < 0 ? '' : first.slice(0, cut + 1);
}

/**
 * Skipped tensors grouped by the kind of reason (the text before any shape or count), each group
 * with its count and up to `examples` names: readable even when a model has hundreds of biases
 * and shape constants.
 * @example skippedSummary(result.skipped, 3)
 */
export function skippedSummary(skipped: readonly SkippedLayer[], examples = 3): string[] {
  const groups = new Map<string, SkippedLayer[]>();
  for (const s of skipped) {
    const kind = s.reason.replace(/\s*[(:].*$/, '');
    groups.set(kind, [...(groups.get(kind) ?? []), s]);
  }
  const out: string[] = [];
  for (const [kind, list] of groups) {
    const shown = list.slice(0, examples).map((s) => `${s.name} (${s.reason})`);
    out.push(
      `skipped ${list.length} tensor${list.length === 1 ? '' : 's'}: ${kind} — ${shown.join('; ')}${list.length > examples ? `; … ${list.length - examples} more` : ''}`,
    );
  }
  return out;
}

function clean(v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

/**
 * A table cell: integers below 1e7 as they are, other numbers to 4 significant digits, NaN for
 * a non-finite number, empty for a missing value.
 * @example formatValue(3.14159) // '3.142'
 */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number')
    return Number.isInteger(v) && Math.abs(v) < 1e7
      ? String(v)
      : Number.isFinite(v)
        ? v.toPrecision(4)
        : 'NaN';
  return String(v);
}

function csvField(v: unknown): string {
  if (v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const text = String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rejects a diagnosis without any layer (the CLI's exit 2, the explorer's error line), naming
 * `source` and up to four reasons the tensors were skipped for.
 * @throws {DataFormatError} naming `source` when `result` has no layer.
 * @example requireLayers(await diagnoseModel(files), 'model.onnx')
 */
export function requireLayers(result: ModelDiagnostics, source: string): void {
  if (result.layers.length > 0) return;
  const reasons = [...new Set(result.skipped.map((s) => s.reason.replace(/ \(.*$/, '')))];
  throw new DataFormatError(
    source,
    '',
    `has no diagnosable layer (${result.skipped.length} tensors skipped: ${reasons.slice(0, 4).join('; ')})`,
  );
}
