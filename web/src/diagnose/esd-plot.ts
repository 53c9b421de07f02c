import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CONFIG } from '../../../src/plot/curves.js';

/**
 * The plot width for a container `available` px wide: the container less the legend's room (the
 * legend goes under the plot below 560 px), between 240 and 720 px, so that a phone screen does
 * not scroll sideways.
 * @example plotWidth(1200) // 720
 */
export function plotWidth(available: number): number {
  return Math.max(240, Math.min(720, available - (available < 560 ? 40 : 260)));
}

/**
 * One layer's Vega-Lite ESD spec (esdOverlaySpec) drawn as an SVG document `width` px wide in the
 * project's plot style. It runs in the worker (Vega renders SVG without a DOM), so the page's
 * thread only inserts the finished SVG: compiling and rendering a plot of a few thousand marks
 * there would be a long task.
 * @example const svg = await renderEsdSvg(esdOverlaySpec(layer), plotWidth(800));
 */
export async function renderEsdSvg(spec: object, width: number): Promise<string> {
  const full = {
    ...(spec as TopLevelSpec),
    width,
    height: Math.round(width * 0.62),
    // The legend beside the plot, or under it where there is no room beside.
    config: { ...CONFIG, legend: { ...CONFIG.legend, orient: width < 420 ? 'bottom' : 'right' } },
  } as TopLevelSpec;
  const view = new View(parse(compile(full).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * A PNG of an SVG document at `scale`× its size (drawn on a canvas through an image).
 * @example download('esd.png', await svgToPng(svg, 2), 'image/png');
 */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
