import { type AxisScale, paddedDomain, tickFormat, tickValues } from './axes.js';
import type { VegaLiteSpec } from './render.js';

/** One row of a theory-vs-simulation figure (long format: one table for all layers). */
export interface CurveRow {
  [field: string]: string | number | boolean | null;
  /**
   * `theory` (a line), `simulation` (a point with an error bar) or `marker` (a vertical rule at x).
   */
  kind: 'theory' | 'simulation' | 'marker';
  /** The legend entry (colour), e.g. `λ = 0.1`. */
  series: string;
  x: number;
  /** Curve value (theory, marker: null) or simulation mean. */
  y: number | null;
  /** Simulation mean ± one standard error (null for theory rows). */
  lo: number | null;
  hi: number | null;
}

/**
 * A simulation row from a mean and its standard error: the point at the mean, the error bar
 * ± one standard error, the trial count kept for the CSV; `extra` adds facet fields.
 * @example simulationRow('SSL', 100, meanError([0.1, 0.12]), { panel: 'n' })
 */
export function simulationRow(
  series: string,
  x: number,
  m: { mean: number; stderr: number; n: number },
  extra: Partial<CurveRow> = {},
): CurveRow {
  return {
    kind: 'simulation',
    series,
    x,
    y: m.mean,
    lo: m.mean - m.stderr,
    hi: m.mean + m.stderr,
    trials: m.n,
    ...extra,
  } as CurveRow;
}

/** Options of {@link curvesSpec}. */
export interface CurvesOptions {
  title: string;
  xTitle: string;
  yTitle: string;
  /** Legend title of the `series` field. */
  seriesTitle: string;
  xScale?: 'linear' | 'log';
  yScale?: 'linear' | 'log';
  /** Fields of the rows that split the figure into columns / rows of panels. */
  column?: string;
  row?: string;
  /** Panel size in pixels (default 260 × 200). */
  width?: number;
  height?: number;
  /** Each panel gets its own y scale (default true when faceted). */
  independentY?: boolean;
  /**
   * The rows arrive later, streamed into the view (the explorer): Vega then takes the domains and
   * ticks from them instead of fixing them from the rows given here.
   */
  liveData?: boolean;
}

/**
 * A Vega-Lite spec of theory curves (lines) over simulation means (points) with ±1 standard
 * error bars and optional vertical marker rules (e.g. λ*, a threshold), coloured by `series`,
 * optionally split into a grid of panels by `column` and `row` fields of the rows. Each axis gets
 * a domain padded around all of its data and at least three labelled ticks (src/plot/axes.ts), so
 * no point or error bar touches the frame; the x axis is shared by all panels, the y axis too
 * unless `independentY`.
 * @example curvesSpec(rows, { title: 'Error vs α', xTitle: 'α = n/d', yTitle: 'L_gen', seriesTitle: 'λ' })
 */
export function curvesSpec(rows: readonly CurveRow[], options: CurvesOptions): VegaLiteSpec {
  const { xScale = 'linear', yScale = 'linear' } = options;
  const panels = splitPanels(rows, options.row, options.column);
  const live = options.liveData ?? false;
  const xDomain = live
    ? undefined
    : paddedDomain(
        rows.map((r) => r.x),
        xScale,
      );
  const independentY = options.independentY ?? true;
  const sharedY = live ? undefined : paddedDomain(rows.flatMap(yValues), yScale);
  const specs = panels.map((panel) =>
    panelSpec(
      panel.rows,
      options,
      xDomain,
      independentY && !live ? paddedDomain(panel.rows.flatMap(yValues), yScale) : sharedY,
      panel.title,
    ),
  );
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    config: CONFIG,
  };
  if (options.column === undefined && options.row === undefined) {
    return { ...base, ...specs[0] } as VegaLiteSpec;
  }
  const columns =
    options.column === undefined ? 1 : new Set(rows.map((r) => r[options.column!])).size;
  return { ...base, columns, concat: specs } as unknown as VegaLiteSpec;
}

/** The y values a panel must show: curve values and both ends of every error bar. */
function yValues(row: CurveRow): number[] {
  return [row.y, row.lo, row.hi].filter((v): v is number => v !== null);
}

/** Rows grouped by their (row, column) field values, in order of first appearance. */
function splitPanels(
  rows: readonly CurveRow[],
  rowField: string | undefined,
  columnField: string | undefined,
): { title: string | undefined; rows: CurveRow[] }[] {
  const panels = new Map<string, CurveRow[]>();
  for (const r of rows) {
    const key = [rowField, columnField]
      .filter((f): f is string => f !== undefined)
      .map((f) => String(r[f]))
      .join(' · ');
    const list = panels.get(key);
    if (list) list.push(r);
    else panels.set(key, [r]);
  }
  if (panels.size === 0) panels.set('', []);
  const titled = rowField !== undefined || columnField !== undefined;
  return [...panels].map(([key, list]) => ({ title: titled ? key : undefined, rows: list }));
}

/**
 * One panel: the four layers over its own rows, with explicit domains and tick values unless live.
 */
function panelSpec(
  rows: readonly CurveRow[],
  options: CurvesOptions,
  xDomain: [number, number] | undefined,
  yDomain: [number, number] | undefined,
  title: string | undefined,
): Record<string, unknown> {
  const { xScale = 'linear', yScale = 'linear', width = 260, height = 200 } = options;
  const x = axisEncoding('x', options.xTitle, xScale, xDomain);
  const y = axisEncoding('y', options.yTitle, yScale, yDomain);
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: options.seriesTitle,
    sort: null,
  };
  const only = (kind: string) => [{ filter: `datum.kind === '${kind}'` }];
  const layer = [
    {
      transform: only('theory'),
      mark: { type: 'line' as const, strokeWidth: 1.6, clip: true },
      encoding: { x, y, color, order: { field: 'x', type: 'quantitative' as const } },
    },
    {
      transform: only('simulation'),
      mark: { type: 'rule' as const, clip: true },
      encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
    },
    {
      transform: only('simulation'),
      mark: { type: 'point' as const, filled: true, size: 28, clip: true },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: 'x', type: 'quantitative' as const },
          { field: 'y', type: 'quantitative' as const, format: '.4g' },
          { field: 'series', type: 'nominal' as const },
        ],
      },
    },
    {
      transform: only('marker'),
      mark: { type: 'rule' as const, strokeDash: [4, 3] },
      encoding: { x, color },
    },
  ];
  const panel: Record<string, unknown> = { width, height, data: { values: rows }, layer };
  if (title !== undefined) panel.title = { text: title, fontSize: 12, anchor: 'middle' };
  return panel;
}

/** A quantitative encoding with an explicit domain, tick values and label format. */
function axisEncoding(
  field: string,
  title: string,
  scale: AxisScale,
  domain: [number, number] | undefined,
) {
  const base = { field, type: 'quantitative' as const, title };
  if (domain === undefined) {
    // Live data: Vega's own nice domain and ticks, recomputed as rows arrive.
    const live =
      scale === 'log' ? { type: scale, nice: true } : { type: scale, nice: true, zero: false };
    return { ...base, scale: live, axis: {} };
  }
  const values = tickValues(domain, scale);
  return {
    ...base,
    scale:
      scale === 'log'
        ? { type: scale, domain, nice: false }
        : { type: scale, domain, nice: false, zero: false },
    axis: { values, format: tickFormat(values) },
  };
}

/** Shared look: readable fonts, light grid, no chart border. */
export const CONFIG = {
  font: 'DejaVu Sans, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
  header: { labelFontSize: 12 },
  title: { fontSize: 14, anchor: 'start' as const },
};
