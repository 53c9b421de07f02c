export { SSR_PARAMS, interval, type Interval, type Bounds } from './params.js';
export { solveKappa, dfPerDimension, type Solution } from './kappa.js';
export { coordinateRatio, irreducibleRatio } from './coordinate-ratio.js';
export { ssrTheory, irreducibleError, grid, type TheoryPoint } from './theory.js';
export { optimalLambda, type OptimalLambda } from './optimal.js';
export { fitSsr, fitSsrAsync, type SsrOptions } from './estimator.js';
export { makeFit, ssrMatrix, type SsrFit, type SsrRegime } from './ssr-fit.js';
export { ridgeless, type RidgelessParts } from './ridgeless.js';
export { populationError } from './population-error.js';
