export { fitPca, type PcaFit } from './estimator.js';
export { pcaPopulationError, ar1PcaError, pcaFiniteCurve, pcaFiniteError } from './theory.js';
export { ar1GammaStar, crossing } from './boundary.js';
