// Public surface of `ssr`: the masked-SSR estimator, its theory (errors, optimal λ, spectrum of
// Â, BBP transition) and the comparison with PCA. Building blocks (the fit assembly, the
// ridgeless limits, the coordinate ratios) are imported by file path.

export { type BbpPoint, type BbpTheory, bbpTheory } from './bbp.js';
export { type BbpSample, bbpSimulation } from './bbp-empirical.js';
export { bbpLocalizedTheory } from './bbp-localized.js';
export { comparePca, type PcaComparison } from './compare-pca.js';
export { fitSsr, fitSsrAsync, type SsrOptions } from './estimator.js';
export { type Solution, solveKappa } from './kappa.js';
export { type OptimalLambda, optimalLambda } from './optimal.js';
export { SSR_PARAMS } from './params.js';
export { populationError } from './population-error.js';
export { type SsrEigen, ssrEigen } from './spectrum.js';
export type { SpectrumCurve } from './spectrum-map.js';
export { type SsrSymmetricOperator, ssrSymmetricOperator } from './spectrum-operator.js';
export {
  type SsrSpectrumEstimate,
  type SsrSpectrumSlqOptions,
  ssrSpectrumSlq,
} from './spectrum-slq.js';
export {
  type SpectrumMethod,
  type SsrSpectrumTheory,
  ssrSpectrumTheory,
} from './spectrum-theory.js';
export type { SsrFit, SsrRegime } from './ssr-fit.js';
export { irreducibleError, ssrTheory, type TheoryPoint } from './theory.js';
