import { CONFIG } from './curves.js';
import type { VegaLiteSpec } from './render.js';

/** One row of a histogram-over-density figure. */
export interface HistogramRow {
  [field: string]: string | number | null;
  /**
   * `histogram` (a bar from lo to hi of height y), `density` (a point x, y of the theory line) or
   * `marker` (a rule at x).
   */
  kind: 'histogram' | 'density' | 'marker';
  x: number | null;
  lo: number | null;
  hi: number | null;
  y: number | null;
}

/**
 * A Vega-Lite spec of a normalised histogram (bars from `lo` to `hi`, height = density) with a
 * theoretical density curve on top and optional dashed marker rules, faceted by `column` when
 * given.
 * @example histogramSpec(rows, { title: 'Spectrum of Â', xTitle: 'eigenvalue a', yTitle: 'density' })
 */
export function histogramSpec(
  rows: readonly HistogramRow[],
  options: {
    title: string;
    xTitle: string;
    yTitle: string;
    column?: string;
    width?: number;
    height?: number;
  },
): VegaLiteSpec {
  const { width = 320, height = 200 } = options;
  const only = (kind: string) => [{ filter: `datum.kind === '${kind}'` }];
  const xq = (field: string) => ({
    field,
    type: 'quantitative' as const,
    title: options.xTitle,
    scale: { zero: false },
  });
  const layer = [
    {
      transform: only('histogram'),
      mark: { type: 'rect' as const, color: '#9ecae1', stroke: '#6baed6', strokeWidth: 0.5 },
      encoding: {
        x: xq('lo'),
        x2: { field: 'hi' },
        y: { field: 'y', type: 'quantitative' as const, title: options.yTitle },
        y2: { datum: 0 },
      },
    },
    {
      transform: only('density'),
      mark: { type: 'line' as const, color: '#d62728', strokeWidth: 1.6 },
      encoding: {
        x: xq('x'),
        y: { field: 'y', type: 'quantitative' as const },
        order: { field: 'x', type: 'quantitative' as const },
      },
    },
    {
      transform: only('marker'),
      mark: { type: 'rule' as const, color: '#555', strokeDash: [4, 3] },
      encoding: { x: xq('x') },
    },
  ];
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    data: { values: rows as HistogramRow[] },
    config: CONFIG,
  };
  const inner = { width, height, layer };
  if (!options.column) return { ...base, ...inner } as VegaLiteSpec;
  return {
    ...base,
    facet: { column: { field: options.column, type: 'nominal', title: null, sort: null } },
    spec: inner,
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as VegaLiteSpec;
}
