// Public surface of `ssr`: the masked-SSR estimator, its theory (errors, optimal λ, spectrum of
// Â, BBP transition) and the comparison with PCA. Building blocks (the fit assembly, the
// ridgeless limits, the coordinate ratios) are imported by file path.
export { SSR_PARAMS } from './params.js';
export { solveKappa, type Solution } from './kappa.js';
export { ssrTheory, irreducibleError, type TheoryPoint } from './theory.js';
export { optimalLambda, type OptimalLambda } from './optimal.js';
export { fitSsr, fitSsrAsync, type SsrOptions } from './estimator.js';
export type { SsrFit, SsrRegime } from './ssr-fit.js';
export { populationError } from './population-error.js';
export { ssrEigen, type SsrEigen } from './spectrum.js';
export { ssrSpectrumTheory, type SsrSpectrumTheory, type SpectrumMethod } from './spectrum-theory.js';
export type { SpectrumCurve } from './spectrum-map.js';
export { bbpTheory, type BbpPoint, type BbpTheory } from './bbp.js';
export { bbpLocalizedTheory } from './bbp-localized.js';
export { bbpSimulation, type BbpSample } from './bbp-empirical.js';
export { comparePca, type PcaComparison } from './compare-pca.js';
