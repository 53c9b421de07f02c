import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml as esc, htmlPage } from '../html.js';
import type { LayerRow, ModelDiagnostics } from './model.js';
import { esdPlotSpec, mpPlotSpec } from './plots.js';
import { formatValue, skippedSummary } from './report.js';

/** Options of {@link diagnosticsHtml}. */
export interface HtmlReportOptions {
  /** The per-layer table's columns (reportColumns). */
  columns: readonly string[];
  /**
   * Renders a Vega-Lite spec to an SVG document (src/plot/render.ts's renderSvg in Node, a
   * browser's vega in the explorer); the report embeds it as a data URI.
   */
  render: (spec: TopLevelSpec) => Promise<string>;
  /** The command or source shown under the title. */
  command?: string;
}

/**
 * One self-contained HTML page of a diagnosis: the per-layer table (each name linking to its
 * section), the summary means, the skipped tensors grouped by reason, then per layer its phase
 * with the evidence and its ESD plot (esdPlotSpec) and, when the layer has an MP fit, the MP plot
 * (mpPlotSpec). Figures are SVG data URIs (so their internal ids cannot collide); the page loads
 * no script, style sheet, font or image from anywhere else.
 * @example writeFileSync('report.html', await diagnosticsHtml(result, { columns, render: renderSvg }))
 */
export async function diagnosticsHtml(
  result: ModelDiagnostics,
  options: HtmlReportOptions,
): Promise<string> {
  const { columns, render } = options;
  const shown = columns.filter((c) => c !== 'N' && c !== 'M');
  const rows = result.layers.map((l, k) => [
    `<a href="#layer-${k + 1}">${esc(l.name)}</a>`,
    `${l.N}×${l.M}`,
    ...shown.map((c) => esc(formatValue(l[c as keyof LayerRow]))),
  ]);
  const summary = result.summary as unknown as Record<string, number | undefined>;
  rows.push([
    `<b>summary (mean of ${result.summary.num_layers})</b>`,
    '',
    ...shown.map((c) => esc(formatValue(summary[c]))),
  ]);
  const sections: string[] = [];
  for (const [k, layer] of result.layers.entries()) sections.push(await section(layer, k, render));
  const skipped = skippedSummary(result.skipped);
  const body = [
    `<h1>rmtkit diagnose</h1>`,
    `<p class="meta">${options.command ? `<code>${esc(options.command)}</code> · ` : ''}${result.layers.length} layers, ${result.skipped.length} tensors skipped · ${esc(new Date().toISOString())}</p>`,
    `<h2>Layers</h2>`,
    table(['layer', 'N×M', ...shown], rows),
    `<p class="meta">Columns as in <code>rmtkit diagnose</code> (docs/diagnostics.md); NaN where a fit failed.</p>`,
    ...(skipped.length > 0
      ? [`<h2>Skipped tensors</h2><ul>${skipped.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`]
      : []),
    `<h2>Spectra</h2>`,
    ...sections,
  ].join('\n');
  return htmlPage('rmtkit diagnose report', STYLE, body);
}

async function section(
  layer: LayerRow,
  k: number,
  render: HtmlReportOptions['render'],
): Promise<string> {
  const figures = [await render(esdPlotSpec(layer, layer.name))];
  if (layer.sigma_mp !== undefined && layer.spike_threshold !== undefined)
    figures.push(await render(mpPlotSpec(layer, layer.name)));
  const evidence = layer.phase_evidence.map((e) => `<li>${esc(e)}</li>`).join('');
  return `<section id="layer-${k + 1}"><h3>${k + 1}. ${esc(layer.name)} <small>${esc(layer.file)} · ${layer.shape.join('×')} · α = ${esc(formatValue(layer.alpha))} · ${esc(layer.phase)}${layer.warning ? ` · ${layer.warning}` : ''}</small></h3>
<ul class="evidence">${evidence}</ul>
${figures.map((svg, f) => `<img alt="${esc(`${layer.name} ${f === 0 ? 'ESD' : 'MP fit'}`)}" src="data:image/svg+xml;base64,${base64(svg)}">`).join('\n')}</section>`;
}

function table(head: string[], rows: string[][]): string {
  return `<div class="table"><table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((v) => `<td>${v}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}

/** Base64 of the UTF-8 bytes, with btoa (Node and browsers alike; no Buffer). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const STYLE = `body{font-family:system-ui,'DejaVu Sans',sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45;overflow-wrap:anywhere}
.table{max-width:100%;overflow-x:auto}table{border-collapse:collapse;margin:.6em 0;font-size:.85em}
td,th{border:1px solid #ddd;padding:.2em .45em;text-align:right;white-space:nowrap}td:first-child,th:first-child{text-align:left}th{background:#f4f4f4}
h2{margin-top:2em;border-bottom:1px solid #ddd}h3 small{font-weight:normal;color:#666;font-size:.75em}
section img{max-width:49%;height:auto;vertical-align:top}.meta{color:#666;font-size:.9em}.evidence{font-size:.85em;color:#444}`;
