import { type CurveRow, curvesSpec } from '../../src/plot/curves.js';
import type { VegaLiteSpec } from '../../src/plot/render.js';
import type { CurvePoint, ErrorCurves, ExtraCurves } from './compute.js';

/**
 * An explorer view: a fixed Vega-Lite spec (data set `table`) and the rows it shows for a result.
 */
export interface ViewDef<R = ErrorCurves> {
  id: string;
  spec: VegaLiteSpec;
  rows(result: R): CurveRow[];
}

/**
 * The CLI figures' curve spec (src/plot/curves.ts) made live: its inline data become the named
 * data set `table` (updated in place on every slider move), and an invisible point layer on the
 * theory lines carries hover tooltips.
 * @example liveCurvesSpec({ title: 'Error vs α', xTitle: 'α', yTitle: 'error', seriesTitle: '' })
 */
export function liveCurvesSpec(options: Parameters<typeof curvesSpec>[1]): VegaLiteSpec {
  type Layer = { encoding: Record<string, unknown>; [key: string]: unknown };
  const spec = curvesSpec([], {
    width: 380,
    height: 240,
    ...options,
    liveData: true,
  }) as unknown as Record<string, unknown> & { layer: Layer[]; config: { legend: object } };
  spec.data = { name: 'table' };
  const { x, y } = spec.layer[0]!.encoding; // the theory lines' encodings, scales included
  spec.layer.push({
    transform: [{ filter: "datum.kind === 'theory'" }],
    mark: { type: 'point', opacity: 0, size: 80 },
    encoding: {
      x,
      y,
      tooltip: [
        { field: 'series', type: 'nominal', title: 'curve' },
        { field: 'x', type: 'quantitative', title: options.xTitle, format: '.4g' },
        { field: 'y', type: 'quantitative', title: options.yTitle, format: '.5g' },
      ],
    },
  });
  return spec as unknown as VegaLiteSpec;
}

function theoryRows(points: CurvePoint[], x: (p: CurvePoint) => number): CurveRow[] {
  const rows: CurveRow[] = [];
  for (const p of points) {
    if (p.genError !== null && p.genError > 0)
      rows.push({
        kind: 'theory',
        series: 'generalisation',
        x: x(p),
        y: p.genError,
        lo: null,
        hi: null,
      });
    if (p.trainError !== null && p.trainError > 0)
      rows.push({
        kind: 'theory',
        series: 'training',
        x: x(p),
        y: p.trainError,
        lo: null,
        hi: null,
      });
  }
  return rows;
}

const marker = (series: string, x: number): CurveRow => ({
  kind: 'marker',
  series,
  x,
  y: null,
  lo: null,
  hi: null,
});

/** Generalisation and training error vs α at the current λ, with the current α marked. */
export const errorVsAlpha: ViewDef = {
  id: 'vs-alpha',
  spec: liveCurvesSpec({
    title: 'Error vs α (current λ)',
    xTitle: 'α = n/d',
    yTitle: 'error per coordinate',
    seriesTitle: 'curve',
    xScale: 'log',
    yScale: 'log',
  }),
  rows: (r) => [...theoryRows(r.vsAlpha, (p) => p.alpha), marker('current α', r.current.alpha)],
};

/** Generalisation and training error vs λ at the current α, with the current λ (and λ*) marked. */
export const errorVsLambda: ViewDef = {
  id: 'vs-lambda',
  spec: liveCurvesSpec({
    title: 'Error vs λ (current α)',
    xTitle: 'λ',
    yTitle: 'error per coordinate',
    seriesTitle: 'curve',
    xScale: 'log',
    yScale: 'log',
  }),
  rows: (r) => [
    ...theoryRows(r.vsLambda, (p) => p.lambda),
    marker('current λ', r.lambda),
    ...(r.optimal ? [marker('optimal λ*', r.optimal.lambda)] : []),
  ],
};

/**
 * CSV of a view's rows (header from the first row's fields).
 * @example toCsv([{ kind: 'theory', series: 'training', x: 1, y: 0.5, lo: null, hi: null }])
 */
export function toCsv(rows: readonly CurveRow[]): string {
  const fields = ['kind', 'series', 'x', 'y', 'lo', 'hi'];
  const cell = (v: unknown) =>
    v === null || v === undefined
      ? ''
      : /[",\n]/.test(String(v))
        ? `"${String(v).replace(/"/g, '""')}"`
        : String(v);
  return (
    [fields.join(','), ...rows.map((r) => fields.map((f) => cell(r[f])).join(','))].join('\n') +
    '\n'
  );
}

/** BBP: squared overlap of Â's top eigenvector with the spike vs θ, with θ_c = 1/√α marked. */
export const bbpView: ViewDef<ExtraCurves> = {
  id: 'bbp',
  spec: liveCurvesSpec({
    title: 'BBP: spike overlap vs θ (Σ = I + θuuᵀ, current α, λ)',
    xTitle: 'θ',
    yTitle: 'overlap (vᵀu)²',
    seriesTitle: 'curve',
  }),
  rows: (r) => [
    ...r.bbp.points.map(
      (p): CurveRow => ({
        kind: 'theory',
        series: 'overlap',
        x: p.theta,
        y: p.overlap,
        lo: null,
        hi: null,
      }),
    ),
    marker('threshold θ_c', r.bbp.threshold),
  ],
};

/** SSR vs PCA: PCA's error with the top γd components against SSR's error, crossing γ* marked. */
export const pcaView: ViewDef<ExtraCurves> = {
  id: 'pca',
  spec: liveCurvesSpec({
    title: 'SSR vs PCA error vs γ (current model, α, λ)',
    xTitle: 'γ (fraction of components)',
    yTitle: 'error per coordinate',
    seriesTitle: 'curve',
  }),
  rows: (r) => [
    ...r.pca.points.map(
      (p): CurveRow => ({
        kind: 'theory',
        series: 'PCA',
        x: p.gamma,
        y: p.error,
        lo: null,
        hi: null,
      }),
    ),
    ...[r.pca.points[0]!.gamma, 1].map(
      (x): CurveRow => ({
        kind: 'theory',
        series: 'SSR',
        x,
        y: r.pca.ssrError,
        lo: null,
        hi: null,
      }),
    ),
    ...(Number.isFinite(r.pca.gammaStar) ? [marker('γ*', r.pca.gammaStar)] : []),
  ],
};

/** Spectral density of Â (theory) with its bulk edges and outliers marked. */
export const spectrumViewDef: ViewDef<ExtraCurves> = {
  id: 'spectrum',
  spec: liveCurvesSpec({
    title: 'Spectral density of Â (current model, α, λ)',
    xTitle: 'eigenvalue a of Â',
    yTitle: 'density',
    seriesTitle: 'curve',
  }),
  rows: ({ spectrum: s }) => [
    ...s.points.map(
      (p): CurveRow => ({
        kind: 'theory',
        series: `density (${s.method}${s.deltaSpread > 1e-6 ? `, Δ spread ${(100 * s.deltaSpread).toPrecision(2)} %` : ''})`,
        x: p.x,
        y: p.density,
        lo: null,
        hi: null,
      }),
    ),
    ...s.edges.flatMap(([lo, hi]) =>
      hi > lo ? [marker('bulk edge', lo), marker('bulk edge', hi)] : [],
    ),
    ...s.outliers.map((x) => marker('outlier', x)),
  ],
};

/** The AR(1) phase diagram γ*(ρ): at α = ∞ and at the current α with λ*; below a line SSR wins. */
export const diagramView: ViewDef<ExtraCurves & { rho: number | null }> = {
  id: 'diagram',
  spec: liveCurvesSpec({
    title: 'AR(1) phase diagram: PCA beats SSR above γ*(ρ)',
    xTitle: 'AR(1) correlation ρ',
    yTitle: 'γ* (fraction of components)',
    seriesTitle: 'curve',
  }),
  rows: ({ diagram, rho }) => [
    ...diagram.points.map(
      (p): CurveRow => ({
        kind: 'theory',
        series: 'α = ∞',
        x: p.rho,
        y: p.population,
        lo: null,
        hi: null,
      }),
    ),
    ...diagram.points.map(
      (p): CurveRow => ({
        kind: 'theory',
        series: 'current α, λ*',
        x: p.rho,
        y: p.finite,
        lo: null,
        hi: null,
      }),
    ),
    ...(rho !== null && rho >= 0 ? [marker('current ρ', rho)] : []),
  ],
};
