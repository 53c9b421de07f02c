import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderFigure, renderSvg } from '../../src/plot/render.js';

const spec = {
  width: 200,
  height: 120,
  data: {
    values: [
      { x: 1, y: 2 },
      { x: 2, y: 3 },
      { x: 3, y: 2.5 },
    ],
  },
  mark: 'line' as const,
  encoding: {
    x: { field: 'x', type: 'quantitative' as const, title: 'α = n/d' },
    y: { field: 'y', type: 'quantitative' as const },
  },
};

describe('plot/render', () => {
  it('renders a Vega-Lite spec to an SVG document with its axis title', async () => {
    const svg = await renderSvg(spec);
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svg.includes('α = n/d'));
    assert.ok(svg.includes('<path'), 'the line mark is drawn as a path');
  });

  it('rasterises the same figure to a PNG of the requested pixel density', async () => {
    const { png } = await renderFigure(spec, { scale: 2 });
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    // The SVG is the plot area plus axes and padding; at scale 2 the PNG is twice its size.
    const svg = await renderSvg(spec);
    const svgWidth = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    const svgHeight = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    assert.equal(width, Math.round(2 * svgWidth));
    assert.equal(height, Math.round(2 * svgHeight));
  });

  it('rejects an invalid spec with the library error', async () => {
    await assert.rejects(renderSvg({ data: { values: [] }, mark: 'nonsense' } as never));
  });
});
