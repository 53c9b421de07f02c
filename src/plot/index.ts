export { CONFIG, type CurveRow, type CurvesOptions, curvesSpec } from './curves.js';
export { type HistogramRow, histogramSpec } from './histogram.js';
export { type PngOptions, renderFigure, renderSvg, svgToPng, type VegaLiteSpec } from './render.js';
