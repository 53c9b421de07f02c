// Public surface of `free`: free decompression (seed 004, arXiv 2506.11994; docs/theory.md §14).
// A free-form fit of a small matrix's spectrum, its Stieltjes transform on both sheets, and the
// characteristics that carry it to a larger (or smaller) matrix.
export { type CharacteristicRoot, characteristicRoot } from './characteristics.js';
export { type CompressedSpectrum, compressSpectrum } from './compress-spectrum.js';
export {
  COMPRESSION_TOLERANCE,
  type CompressionCheck,
  compressionCheck,
} from './compression-check.js';
export {
  compress,
  type Decompression,
  decompress,
  GLUE_TOLERANCE,
  MOMENT_TOLERANCE,
} from './decompress.js';
export { totalVariation } from './distance.js';
export { type FreeForm, type FreeFormOptions, freeForm } from './free-form.js';
export { fitGlue, type Glue } from './glue.js';
export { fromJoukowski, type StieltjesSheets, toJoukowski } from './joukowski.js';
export { lawSheets } from './law-sheets.js';
export {
  decompressOutliers,
  decompressSpiked,
  type SpikedDecompression,
} from './outliers.js';
export { type ResizedDensity, type ResizeOptions, resizeDensity } from './resize.js';
export { type SpectralFunctions, spectralFunctions } from './spectral-functions.js';
export type { SpectralInput } from './spectral-sample.js';
export { detectSupport } from './support.js';
