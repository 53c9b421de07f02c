import type { LayerRow } from '../../../src/diagnostics/model.js';
import { esdPlotSpec } from '../../../src/diagnostics/plots.js';
import { htmp } from '../../../src/rmt/laws/htmp.js';
import { marchenkoPastur } from '../../../src/rmt/laws/marchenko-pastur.js';

type Spec = ReturnType<typeof esdPlotSpec>;
type Row = { kind: string; x: number; y: number };

const POINTS = 160;

/**
 * The log–log ESD of a layer as `rmtkit diagnose --plots` draws it (esdPlotSpec: the empirical
 * density in logarithmic bins and the power-law fit over [xmin, λmax]), with the Marchenko–Pastur
 * fit (when the layer has one) and the HTMP fit (when it has κ) drawn over it as densities of λ
 * on the same axes, so the three fits can be compared on one plot.
 *
 * MP: λ/N ~ MP(M/N, σ²) with σ the fitted sigma_mp, scaled to the bulk's share (M − spikes)/M, on
 * the bulk [bulk_min, bulk_max] (docs/theory.md §10; as mpPlotSpec). HTMP: the
 * positive λ rescaled to mean 1 follow HTMP(γ, κ) with γ = min(N, M)/max(N, M) capped at 0.99 (as
 * fitHtmp fits it), so λ has density (n₊/n)·ρ(λ/m)/m with m their mean.
 * @example esdOverlaySpec(layer).layer.length // 3 + the MP and HTMP lines
 */
export function esdOverlaySpec(layer: LayerRow): Spec {
  const spec = esdPlotSpec(layer, layer.name) as Spec & {
    data: { values: Row[] };
    layer: object[];
  };
  const rows: Row[] = [];
  const kinds: string[] = [];
  const colors: string[] = [];
  const positive = layer.evals.filter((v) => v > 0);
  if (positive.length === 0) return spec;
  const lo = positive[0]!;
  const hi = positive[positive.length - 1]!;
  const { N, M } = layer;
  if (layer.sigma_mp !== undefined && layer.bulk_max !== undefined) {
    const kind = `MP fit σ = ${layer.sigma_mp.toPrecision(3)}`;
    const law = marchenkoPastur(M / N, layer.sigma_mp ** 2);
    const share = (M - (layer.num_spikes ?? 0)) / M;
    const from = Math.max(layer.bulk_min ?? 0, lo / 10);
    for (const x of logGrid(from, layer.bulk_max)) {
      const y = (share * law.density(x / N)) / N;
      if (y > 0 && Number.isFinite(y)) rows.push({ kind, x, y });
    }
    kinds.push(kind);
    colors.push('#2ca02c');
  }
  if (layer.kappa !== undefined) {
    const kind = `HTMP fit κ = ${layer.kappa.toPrecision(3)}`;
    const gamma = Math.min(0.99, Math.min(N, M) / Math.max(N, M));
    const law = htmp(gamma, layer.kappa);
    let mean = 0;
    for (const v of positive) mean += v / positive.length;
    const share = positive.length / layer.evals.length;
    for (const x of logGrid(lo, hi)) {
      const y = (share * law.density(x / mean)) / mean;
      if (y > 0 && Number.isFinite(y)) rows.push({ kind, x, y });
    }
    kinds.push(kind);
    colors.push('#9467bd');
  }
  if (rows.length === 0) return spec;
  spec.data.values.push(...rows);
  spec.layer.push({
    mark: { type: 'line', strokeWidth: 1.8 },
    transform: [{ filter: { field: 'kind', oneOf: kinds } }],
    encoding: {
      x: { field: 'x', type: 'quantitative' },
      y: { field: 'y', type: 'quantitative' },
      color: { field: 'kind', type: 'nominal', title: null },
    },
  });
  // One colour scale for every layer, so that the legend lists the ESD, the power law and both
  // overlays: the overlays are appended to the scale esdPlotSpec gives its first layer.
  const first = spec.layer[0] as {
    encoding?: { color?: { scale?: { domain?: string[]; range?: string[] } } };
  };
  const scale = first.encoding?.color?.scale;
  if (scale?.domain && scale.range) {
    scale.domain = [...scale.domain, ...kinds];
    scale.range = [...scale.range, ...colors];
    // The same encoding object as the other layers, so that Vega-Lite merges their legends.
    (spec.layer[spec.layer.length - 1] as { encoding: { color: object } }).encoding.color =
      first.encoding!.color!;
  }
  return spec;
}

/** POINTS + 1 points spaced evenly in log λ over [from, to]. */
function logGrid(from: number, to: number): number[] {
  if (!(from > 0 && to > from)) return [];
  const ratio = to / from;
  return Array.from({ length: POINTS + 1 }, (_, k) => from * ratio ** (k / POINTS));
}
