export { renderSvg, svgToPng, renderFigure, type VegaLiteSpec, type PngOptions } from './render.js';
export { curvesSpec, CONFIG, type CurveRow, type CurvesOptions } from './curves.js';
export { histogramSpec, type HistogramRow } from './histogram.js';
