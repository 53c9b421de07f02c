// Public surface of `rmt`: population spectra, the Silverstein (generalised Marchenko–Pastur)
// toolkit, Ledoit–Péché overlaps, the deformed law of B + T^{1/2} W T^{1/2}, the limiting laws
// and the Kolmogorov distance. Solver internals are imported by file path.
export { population, type Population } from './population.js';
export { diagonalSpectrum, eigenSpectrum, type SpectralForm, type CoordinateWeights } from './spectral-form.js';
export { sampleStieltjes, type StieltjesValue } from './silverstein.js';
export { sampleStieltjesOnGrid, type StieltjesGrid } from './stieltjes-grid.js';
export { sampleSpectrumSupport, type SampleSupport } from './silverstein-edges.js';
export { sampleSpectrumLaw, type SampleSpectrumLaw, type SpectrumComponent, type SpectrumNodes } from './sample-spectrum.js';
export { ledoitPecheOverlap, ledoitPecheTop } from './ledoit-peche.js';
export { deformedLaw, type DeformedLaw, type DeformedComponent } from './deformed/law.js';
export { diagonalPencil, generalPencil, type Pencil } from './deformed/pencil.js';
export type { PencilPoint } from './deformed/root.js';
export * from './laws/index.js';
export { kolmogorovDistance } from './kolmogorov.js';
