import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';

// vega, vega-lite and resvg take about a second to load: they are loaded on the first render,
// not when a command that may never draw starts (`rmtkit --version` stays fast).
const require = createRequire(import.meta.url);

/** A Vega-Lite specification (any top-level view: single, layered, concatenated, faceted). */
export type VegaLiteSpec = TopLevelSpec;

/** Options of {@link renderPng}. */
export interface PngOptions {
  /** Pixel density: 2 gives a crisp image on high-DPI screens (default 2). */
  scale?: number;
  /** Background behind transparent areas (default white, so the PNG reads on dark pages too). */
  background?: string;
}

// Vega's SVG asks for the generic `sans-serif`; resvg maps generic families to concrete fonts
// itself, so name one that Debian's fonts-dejavu-core provides. Without it text is dropped from
// the PNG (the SVG is unaffected: browsers pick their own sans-serif).
const FONT = {
  loadSystemFonts: true,
  defaultFontFamily: 'DejaVu Sans',
  sansSerifFamily: 'DejaVu Sans',
};

/**
 * Renders a Vega-Lite spec to a standalone SVG document in Node: vega-lite compiles it to a
 * Vega spec, a headless Vega `View` (no DOM, renderer 'none') lays it out and `toSVG` serialises
 * the scenegraph. Data must be inline (`data: { values }`): nothing is fetched.
 * @throws {Error} from vega-lite or vega for an invalid spec (the message names the problem).
 * @example const svg = await renderSvg({ data: { values: [{ x: 1, y: 2 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  return withLaidOutView(spec, (view) => view.toSVG());
}

/**
 * Compiles a Vega-Lite spec, lays it out in a headless Vega `View` (no DOM, renderer 'none'),
 * hands the view to `use` and finalises it afterwards, whatever `use` does.
 * @throws {Error} from vega-lite or vega for an invalid spec.
 * @example await withLaidOutView(spec, (view) => view.scenegraph())
 */
export async function withLaidOutView<T>(
  spec: VegaLiteSpec,
  use: (view: import('vega').View) => T | Promise<T>,
): Promise<T> {
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    await view.runAsync();
    return await use(view);
  } finally {
    view.finalize();
  }
}

/**
 * Rasterises an SVG document (e.g. from {@link renderSvg}) to PNG bytes with resvg (a Rust SVG
 * renderer, no browser, no system libraries beyond fonts).
 * @throws {Error} from resvg for malformed SVG.
 * @example writeFileSync('figure.png', svgToPng(await renderSvg(spec)));
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const { scale = 2, background = 'white' } = options;
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, background, font: FONT });
  return resvg.render().asPng();
}

/**
 * Renders a Vega-Lite spec to both an SVG document and PNG bytes (the PNG is the rasterised SVG,
 * so the two always show the same picture).
 * @throws {Error} from vega-lite, vega or resvg for an invalid spec.
 * @example const { svg, png } = await renderFigure(spec);
 */
export async function renderFigure(
  spec: VegaLiteSpec,
  options: PngOptions = {},
): Promise<{ svg: string; png: Uint8Array }> {
  const svg = await renderSvg(spec);
  return { svg, png: svgToPng(svg, options) };
}
