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

  private width = 0;

  /**
   * Compiles `spec` for `container`: its width follows the container (autosize `fit-x`, kept up
   * to date by a ResizeObserver, so a phone screen never scrolls sideways), the legend sits to
   * the right of the plot, or above it when the container is narrower than 460 px, and the colours
   * follow the page's light or dark scheme. Until the first {@link update} the container shows a
   * loading message instead of empty axes.
   */
  constructor(container: HTMLElement, spec: VegaLiteSpec, tooltip: HTMLElement) {
    container.classList.add('loading');
    const vg = compile(
      themed(spec, container.clientWidth) as unknown as Parameters<typeof compile>[0],
    ).spec;
    this.view = new View(parse(vg), { renderer: 'canvas', container, hover: true });
    this.view.tooltip((_handler: unknown, event: MouseEvent, _item: unknown, value: unknown) =>
      showTooltip(tooltip, event, value),
    );
    const fit = () => {
      const width = Math.floor(container.clientWidth);
      if (width > 0 && width !== this.width) {
        this.width = width;
        void this.view.width(width).runAsync();
      }
    };
    fit();
    new ResizeObserver(fit).observe(container);
  }

  /** Replaces the plotted rows and resolves once the plot is redrawn. */
  async update(rows: CurveRow[]): Promise<void> {
    this.rows = rows;
    await this.view.change('table', changeset().remove(truthy).insert(rows)).runAsync();
    (this.view.container() as HTMLElement | null)?.classList.remove('loading');
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

const LIGHT = { text: '#222', grid: '#e6e6e6', domain: '#888' };
const DARK = { text: '#e4e4e4', grid: '#3a3a3a', domain: '#aaa' };

/**
 * `spec` with a transparent background, text and grid colours of the page's colour scheme,
 * autosize `fit-x` (the width is set from the container) and its legend placed beside the plot
 * (above it on a narrow screen); `available` is the container's width in pixels (0: unknown).
 */
function themed(spec: VegaLiteSpec, available: number): Record<string, unknown> {
  const narrow = available > 0 && available < 460;
  const s = spec as unknown as Record<string, unknown> & { config?: Record<string, any> };
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  const c = dark ? DARK : LIGHT;
  const config = s.config ?? {};
  return {
    ...s,
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    background: 'transparent',
    config: {
      ...config,
      axis: {
        ...config.axis,
        labelColor: c.text,
        titleColor: c.text,
        gridColor: c.grid,
        domainColor: c.domain,
        tickColor: c.domain,
      },
      legend: {
        ...config.legend,
        labelColor: c.text,
        titleColor: c.text,
        orient: narrow ? 'top' : 'right',
        direction: narrow ? 'horizontal' : 'vertical',
        ...(narrow ? { columns: 1 } : {}),
        labelLimit: narrow ? Math.max(120, available - 60) : 220,
      },
      // A long title wraps nowhere: limit it to the container so that it cannot widen the page.
      title: {
        ...config.title,
        color: c.text,
        ...(available > 0 ? { limit: available - 10 } : {}),
      },
    },
  };
}
