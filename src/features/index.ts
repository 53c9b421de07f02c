// Public surface of `features`: random features and random networks (docs/theory.md §15) —
// activations and their Hermite coefficients, the random-feature kernel, the LLC18 deterministic
// equivalent of random-feature ridge regression, its simulation, and the Mei–Montanari risk.

export { ACTIVATION_NAMES, type Activation, activation } from './activation.js';
export { type DeltaSolution, solveDelta } from './effective-ridge.js';
export { erf, erfc } from './erf.js';
export { gaussHermite, type QuadratureRule } from './gauss-hermite.js';
export { gaussianExpectation, type HermiteCoefficients, hermiteCoefficients } from './hermite.js';
export { featureKernel, type KernelOptions } from './kernel.js';
export { type MeiMontanariSetting, meiMontanariRisk } from './mei-montanari.js';
export { FEATURE_PARAMS } from './params.js';
export { type RandomFeaturesData, type RfSpectrum, rfSpectrum } from './rf-spectrum.js';
export { type RfTheoryPoint, rfTheory } from './rf-theory.js';
export { type RfSimulationPoint, simulateRandomFeatures } from './simulate.js';
