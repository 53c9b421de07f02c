import type { TopLevelSpec } from 'vega-lite';
import { marchenkoPastur } from '../rmt/laws/marchenko-pastur.js';
import { histogram } from '../stats/histogram.js';
import type { LayerDiagnostics } from './layer.js';

type Row = { kind: string; x: number; y: number; lo?: number; hi?: number };
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * Vega-Lite spec of the ESD on log–log axes: the empirical density of λ in 60 logarithmic bins
 * (and of the randomised W when present), the fitted power-law density
 * (n_tail/n)·(α − 1)/xmin·(λ/xmin)^{−α} over [xmin, λmax] and a rule at xmin — WeightWatcher's
 * "Log-Log ESD" panel. Render it with plot/render.ts.
 * @example renderSvg(esdPlotSpec(layer, 'fc1'))
 */
export function esdPlotSpec(layer: LayerDiagnostics, name: string): TopLevelSpec {
  const rows: Row[] = [...logHistogram(layer.evals, 'ESD')];
  if (layer.rand_evals) rows.push(...logHistogram(layer.rand_evals, 'randomized ESD'));
  const { alpha, xmin, xmax, fit } = layer;
  const fitLabel = `power law α = ${alpha.toFixed(2)}`;
  if (fit.status === 'success') {
    const scale = fit.n / layer.evals.length;
    for (let k = 0; k <= 40; k++) {
      const x = xmin * (xmax / xmin) ** (k / 40);
      rows.push({ kind: fitLabel, x, y: ((scale * (alpha - 1)) / xmin) * (x / xmin) ** -alpha });
    }
  }
  const subtitle =
    fit.status === 'success'
      ? `log–log ESD: α = ${alpha.toFixed(3)} ± ${layer.sigma.toFixed(3)}, D = ${layer.D.toFixed(3)}, xmin = ${xmin.toPrecision(4)}`
      : 'log–log ESD: power-law fit failed';
  const color = {
    field: 'kind',
    type: 'nominal' as const,
    title: null,
    scale: {
      domain: ['ESD', 'randomized ESD', fitLabel],
      range: ['#1f77b4', '#ff7f0e', '#d62728'],
    },
  };
  return {
    $schema: SCHEMA,
    title: { text: shorten(name), subtitle },
    width: 420,
    height: 280,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'line', point: true, strokeWidth: 1 },
        transform: [{ filter: "datum.kind === 'ESD' || datum.kind === 'randomized ESD'" }],
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: { type: 'log' }, title: 'eigenvalue λ' },
          y: { field: 'y', type: 'quantitative', scale: { type: 'log' }, title: 'density' },
          color,
          order: { field: 'x', type: 'quantitative' },
        },
      },
      {
        mark: { type: 'line', strokeDash: [6, 3], strokeWidth: 2 },
        transform: [{ filter: "indexof(datum.kind, 'power law') === 0" }],
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          color,
        },
      },
      ...(fit.status === 'success'
        ? [
            {
              mark: { type: 'rule' as const, color: '#555', strokeDash: [2, 2] },
              data: { values: [{ x: xmin }] },
              encoding: { x: { field: 'x', type: 'quantitative' as const } },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}

/**
 * Vega-Lite spec of the Marchenko–Pastur fit: a histogram of λ up to 1.2× the spike threshold,
 * the MP density of the fitted σ (λ/N ~ MP(M/N, σ²), scaled to the bulk's share) and rules at the
 * bulk edge and the Tracy–Widom spike threshold; the title counts the spikes beyond.
 * @throws {Error} if the layer has no MP fit (diagnose with mpFit: true).
 * @example renderSvg(mpPlotSpec(layer, 'fc1'))
 */
export function mpPlotSpec(layer: LayerDiagnostics, name: string): TopLevelSpec {
  const {
    sigma_mp: sigma,
    bulk_min: bulkMin,
    bulk_max: bulkMax,
    num_spikes: spikes,
    spike_threshold: threshold,
  } = layer;
  if (
    sigma === undefined ||
    bulkMin === undefined ||
    bulkMax === undefined ||
    spikes === undefined ||
    threshold === undefined
  )
    throw new Error('mpPlotSpec needs a layer diagnosed with mpFit: true');
  const { N, M, evals } = layer;
  const top = Math.min(evals[evals.length - 1]!, 1.2 * threshold);
  const bins = 60;
  const { width, counts } = histogram(evals, { bins, range: [0, top], outside: 'drop' });
  const rows: Row[] = [];
  for (let b = 0; b < bins; b++)
    rows.push({
      kind: 'ESD',
      lo: b * width,
      hi: (b + 1) * width,
      x: (b + 0.5) * width,
      y: counts[b]! / (M * width),
    });
  const law = marchenkoPastur(M / N, sigma ** 2);
  const share = (M - spikes) / M;
  for (let k = 0; k <= 200; k++) {
    const x = bulkMin + ((bulkMax - bulkMin) * k) / 200;
    rows.push({ kind: 'MP fit', x, y: (share * law.density(x / N)) / N });
  }
  return {
    $schema: SCHEMA,
    title: {
      text: shorten(name),
      subtitle: `MP fit: σ = ${sigma.toPrecision(4)}, ${spikes} spike${spikes === 1 ? '' : 's'} beyond the TW threshold, mp_softrank = ${layer.mp_softrank!.toFixed(3)}`,
    },
    width: 420,
    height: 280,
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'ESD'" }],
        mark: { type: 'rect', color: '#9ecae1', stroke: '#6baed6', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'lo', type: 'quantitative', title: 'eigenvalue λ' },
          x2: { field: 'hi' },
          y: { field: 'y', type: 'quantitative', title: 'density' },
          y2: { datum: 0 },
        },
      },
      {
        transform: [{ filter: "datum.kind === 'MP fit'" }],
        mark: { type: 'line', color: '#d62728', strokeWidth: 1.6 },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
        },
      },
      {
        data: {
          values: [
            { x: bulkMax, label: 'bulk edge' },
            { x: threshold, label: 'TW threshold' },
          ],
        },
        mark: { type: 'rule', strokeDash: [4, 3] },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          color: {
            field: 'label',
            type: 'nominal',
            title: null,
            scale: { domain: ['bulk edge', 'TW threshold'], range: ['#555', '#2ca02c'] },
          },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Long tensor names keep their last 60 characters (the layer part). */
function shorten(name: string): string {
  return name.length > 60 ? `…${name.slice(-59)}` : name;
}

/** Density of the positive values in 60 logarithmic bins, at the bins' geometric centres. */
function logHistogram(values: Float64Array, kind: string): Row[] {
  const logs = values.filter((v) => v > 0).map(Math.log);
  if (logs.length === 0) return [];
  const bins = 60;
  const { lo, width: step, counts } = histogram(logs, { bins });
  const rows: Row[] = [];
  for (let b = 0; b < bins; b++) {
    if (counts[b] === 0) continue;
    const a = Math.exp(lo + b * step);
    const c = Math.exp(lo + (b + 1) * step);
    rows.push({ kind, x: Math.sqrt(a * c), y: counts[b]! / (values.length * (c - a)) });
  }
  return rows;
}
