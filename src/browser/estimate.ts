// The `estimate` namespace of the browser entry (src/browser.ts): everything but memdetLogdet,
// whose out-of-core factorisation keeps its blocks in files through node:fs.

export {
  type DensityOptions,
  densityConstraints,
  type SpectralDensity,
} from '../estimate/density.js';
export { type Estimate, type ProbeOptions, probeConstraints } from '../estimate/estimate.js';
export { type FlodanceOptions, flodance } from '../estimate/flodance.js';
export {
  type FlodanceFit,
  type FlodanceFitOptions,
  flodanceFit,
} from '../estimate/flodance-fit.js';
export { gaussQuadrature, type QuadratureRule } from '../estimate/gauss-quadrature.js';
export { type HutchPlusPlusOptions, hutchPlusPlus } from '../estimate/hutch-plus-plus.js';
export { hutchinson } from '../estimate/hutchinson.js';
export { jacksonCoefficients, type KpmOptions, kpmDensity } from '../estimate/kpm-density.js';
export { type LanczosResult, lanczos } from '../estimate/lanczos.js';
export {
  type LanczosRun,
  lanczosBlock,
  type Reorthogonalization,
} from '../estimate/lanczos-block.js';
export {
  type ExactLogDeterminant,
  LOGDET_STRUCTURES,
  type LogdetMethod,
  type LogdetStructure,
  logdet,
} from '../estimate/logdet.js';
export { type LogDeterminant, logdetCholesky } from '../estimate/logdet-cholesky.js';
export { powerTraces } from '../estimate/power-traces.js';
export { type ProbeKind, probeBlock } from '../estimate/probes.js';
export { type SlqOptions, slq } from '../estimate/slq.js';
export { type SlqDensityOptions, slqDensity } from '../estimate/slq-density.js';
export type { SpectralFunction } from '../estimate/spectral-function.js';
export { spectrumBounds } from '../estimate/spectrum-bounds.js';
