import { escapeHtml } from '../../src/html.js';
import type { Chart } from './chart.js';

export { escapeHtml } from '../../src/html.js';

/**
 * The SVG/PNG/CSV buttons of a figure (`[data-export]` buttons in its figcaption) save `chart`
 * as `<name>.svg`, `<name>.png` (2× resolution) or `<name>.csv` (the plotted rows).
 * @example wireExports(figure, chart, 'vs-alpha')
 */
export function wireExports(figure: HTMLElement, chart: Chart, name: string): void {
  figure.querySelector('figcaption')!.addEventListener('click', async (event) => {
    const kind = (event.target as HTMLElement).dataset.export;
    if (kind === 'svg')
      download(
        `${name}.svg`,
        URL.createObjectURL(new Blob([await chart.svg()], { type: 'image/svg+xml' })),
      );
    else if (kind === 'png') download(`${name}.png`, await chart.png());
    else if (kind === 'csv')
      download(`${name}.csv`, URL.createObjectURL(new Blob([chart.csv()], { type: 'text/csv' })));
  });
}

/** The figcaption markup of the three export buttons, labelled for screen readers. */
export function exportButtons(title: string): string {
  return ['svg', 'png', 'csv']
    .map(
      (kind) =>
        `<button type="button" data-export="${kind}" aria-label="${kind.toUpperCase()} of ${escapeHtml(title)}">${kind.toUpperCase()}</button>`,
    )
    .join('');
}

function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}
