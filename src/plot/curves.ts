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
}

/**
 * A Vega-Lite spec of theory curves (lines) over simulation means (points) with ±1 standard
 * error bars and optional vertical marker rules (e.g. λ*, a threshold), coloured by `series`,
 * optionally faceted into a grid of panels by `column` and `row` fields of the rows.
 * @example curvesSpec(rows, { title: 'Error vs α', xTitle: 'α = n/d', yTitle: 'L_gen', seriesTitle: 'λ' })
 */
export function curvesSpec(rows: readonly CurveRow[], options: CurvesOptions): VegaLiteSpec {
  const { xScale = 'linear', yScale = 'linear', width = 260, height = 200 } = options;
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: options.xTitle,
    scale: xScale === 'log' ? { type: xScale, nice: false } : { type: xScale, zero: false },
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    title: options.yTitle,
    scale: yScale === 'log' ? { type: yScale, nice: false } : { type: yScale, zero: false },
  };
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
  const faceted = options.column !== undefined || options.row !== undefined;
  const inner = { width, height, layer };
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    data: { values: rows as CurveRow[] },
    config: CONFIG,
  };
  if (!faceted) return { ...base, ...inner } as VegaLiteSpec;
  const facet: Record<string, unknown> = {};
  if (options.column)
    facet.column = { field: options.column, type: 'nominal', title: null, sort: null };
  if (options.row) facet.row = { field: options.row, type: 'nominal', title: null, sort: null };
  const independent = options.independentY ?? true;
  return {
    ...base,
    facet,
    spec: inner,
    resolve: { scale: { y: independent ? 'independent' : 'shared' }, axis: { x: 'independent' } },
  } as VegaLiteSpec;
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
