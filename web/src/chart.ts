import { changeset, parse, truthy, View } from 'vega';
import { compile } from 'vega-lite';
import type { CurveRow } from '../../src/plot/curves.js';
import type { VegaLiteSpec } from '../../src/plot/render.js';
import { toCsv } from './views.js';

/**
 * One live plot: the Vega-Lite spec is compiled once, and each update replaces the rows of its
 * `table` data set in place (no re-parse), which keeps a slider move to a few milliseconds of
 * rendering. Hover tooltips are drawn by {@link showTooltip} into one shared element.
 * @example const chart = new Chart(div, errorVsAlpha.spec, tooltipBox); await chart.update(rows); await chart.png();
 */
export class Chart {
  readonly view: View;
  private rows: CurveRow[] = [];

  constructor(container: HTMLElement, spec: VegaLiteSpec, tooltip: HTMLElement) {
    const vg = compile(spec as Parameters<typeof compile>[0]).spec;
    this.view = new View(parse(vg), { renderer: 'canvas', container, hover: true });
    this.view.tooltip((_handler: unknown, event: MouseEvent, _item: unknown, value: unknown) =>
      showTooltip(tooltip, event, value),
    );
  }

  /** Replaces the plotted rows and resolves once the plot is redrawn. */
  async update(rows: CurveRow[]): Promise<void> {
    this.rows = rows;
    await this.view.change('table', changeset().remove(truthy).insert(rows)).runAsync();
  }

  /** The plot as a standalone SVG document. */
  svg(): Promise<string> {
    return this.view.toSVG();
  }

  /** The plot as a PNG data URL at twice the screen resolution. */
  png(): Promise<string> {
    return this.view.toImageURL('png', 2);
  }

  /** The plotted rows as CSV (theory curves and markers). */
  csv(): string {
    return toCsv(this.rows);
  }
}

/** Shows `value` (an object of field → formatted value) next to the pointer, or hides the box. */
function showTooltip(box: HTMLElement, event: MouseEvent, value: unknown): void {
  if (value === null || value === undefined || event === undefined) {
    box.hidden = true;
    return;
  }
  const entries =
    typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [['', value]];
  box.textContent = entries.map(([k, v]) => (k ? `${k}: ${String(v)}` : String(v))).join('\n');
  box.style.left = `${event.clientX + 12}px`;
  box.style.top = `${event.clientY + 12}px`;
  box.hidden = false;
}
