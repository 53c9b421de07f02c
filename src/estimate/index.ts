// Public surface of `estimate`: matrix-free spectral estimation (docs/theory.md §13): Lanczos and
// Gauss quadrature, stochastic Lanczos quadrature for tr f(A), Hutchinson and Hutch++ traces,
// spectral densities (SLQ, kernel polynomial method) and exact log-determinants (Cholesky, LDLᵀ,
// LU).
export { type DensityOptions, densityConstraints, type SpectralDensity } from './density.js';
export { type Estimate, type ProbeOptions, probeConstraints } from './estimate.js';
export { type FlodanceOptions, flodance } from './flodance.js';
export { type FlodanceFit, type FlodanceFitOptions, flodanceFit } from './flodance-fit.js';
export { gaussQuadrature, type QuadratureRule } from './gauss-quadrature.js';
export { type HutchPlusPlusOptions, hutchPlusPlus } from './hutch-plus-plus.js';
export { hutchinson } from './hutchinson.js';
export { jacksonCoefficients, type KpmOptions, kpmDensity } from './kpm-density.js';
export { type LanczosResult, lanczos } from './lanczos.js';
export { type LanczosRun, lanczosBlock, type Reorthogonalization } from './lanczos-block.js';
export {
  type ExactLogDeterminant,
  LOGDET_STRUCTURES,
  type LogdetMethod,
  type LogdetStructure,
  logdet,
} from './logdet.js';
export { type LogDeterminant, logdetCholesky } from './logdet-cholesky.js';
export { type MemdetOptions, type MemdetResult, type MemdetStep, memdetLogdet } from './memdet.js';
export { powerTraces } from './power-traces.js';
export { type ProbeKind, probeBlock } from './probes.js';
export { type SlqOptions, slq } from './slq.js';
export { type SlqDensityOptions, slqDensity } from './slq-density.js';
export type { SpectralFunction } from './spectral-function.js';
export { spectrumBounds } from './spectrum-bounds.js';
