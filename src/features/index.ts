// Public surface of `features`: random features and random networks (docs/theory.md §15) —
// activations and their Hermite coefficients, the random-feature kernel, the LLC18 deterministic
// equivalent of random-feature ridge regression, its simulation, the Mei–Montanari risk, the
// linearised kernel, conjugate-kernel and NTK recursions, and the HTMP ridge scaling law.

export {
  ACTIVATION_NAMES,
  type Activation,
  type ActivationSpec,
  activation,
} from './activation.js';
export type { PairKernel } from './closed-form-kernels.js';
export {
  type CkCoefficients,
  ckCoefficients,
  type DeepKernels,
  deepKernels,
  normalizedActivation,
} from './deep-kernel.js';
export { derivativePairKernel } from './derivative-kernels.js';
export { type DeltaSolution, solveDelta } from './effective-ridge.js';
export { erf, erfc } from './erf.js';
export { gaussHermite, type QuadratureRule } from './gauss-hermite.js';
export { gaussianExpectation, type HermiteCoefficients, hermiteCoefficients } from './hermite.js';
export {
  type HtmpRidgePoint,
  htmpRidgeExponent,
  htmpRidgeLoss,
  simulateHtmpRidge,
} from './htmp-scaling.js';
export { featureKernel, type KernelOptions } from './kernel.js';
export {
  conjugateKernelLaw,
  linearizedConjugateKernel,
  linearizedKernel,
} from './linearized-kernel.js';
export { type MeiMontanariSetting, meiMontanariRisk } from './mei-montanari.js';
export { type NestedFitPoint, simulateNestedFeatures } from './nested-simulation.js';
export { FEATURE_PARAMS } from './params.js';
export { type PopulationOptions, populationData } from './population-data.js';
export {
  ckRemainderNorm,
  kolmogorovBound,
  layerMapSeries,
  quadraticConjugateKernel,
} from './quadratic-kernel.js';
export { type RandomFeaturesData, type RfSpectrum, rfSpectrum } from './rf-spectrum.js';
export { type RfTheoryPoint, rfTheory } from './rf-theory.js';
export { type RfSimulationPoint, simulateRandomFeatures } from './simulate.js';
