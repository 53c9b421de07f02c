export { ar1GammaStar, crossing } from './boundary.js';
export { fitPca, type PcaFit } from './estimator.js';
export { ar1PcaError, pcaFiniteCurve, pcaFiniteError, pcaPopulationError } from './theory.js';
