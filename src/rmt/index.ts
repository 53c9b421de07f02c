// Public surface of `rmt`: population spectra, the Silverstein (generalised Marchenko–Pastur)
// toolkit, Ledoit–Péché overlaps, the deformed law of B + T^{1/2} W T^{1/2}, the limiting laws
// and the Kolmogorov distance. Solver internals are imported by file path.

export { type DeformedComponent, type DeformedLaw, deformedLaw } from './deformed/law.js';
export { diagonalPencil, generalPencil, type Pencil } from './deformed/pencil.js';
export type { PencilPoint } from './deformed/root.js';
export { distributionDistance, kolmogorovDistance } from './kolmogorov.js';
export * from './laws/index.js';
export { ledoitPecheOverlap, ledoitPecheTop } from './ledoit-peche.js';
export { type Population, population } from './population.js';
export {
  type SampleSpectrumLaw,
  type SpectrumComponent,
  type SpectrumNodes,
  sampleSpectrumLaw,
} from './sample-spectrum.js';
export { type StieltjesValue, sampleStieltjes } from './silverstein.js';
export { type SampleSupport, sampleSpectrumSupport } from './silverstein-edges.js';
export {
  type CoordinateWeights,
  diagonalSpectrum,
  eigenSpectrum,
  type SpectralForm,
} from './spectral-form.js';
export { type StieltjesGrid, sampleStieltjesOnGrid } from './stieltjes-grid.js';
export { type SpectrumVerification, verifySpectrum } from './verify-spectrum.js';
