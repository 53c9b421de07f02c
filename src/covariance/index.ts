// Public surface of `covariance`: the covariance models, the generic model constructors and the
// parameter constraints of the models. (`interval` itself is exported once, at the top level.)
export { COVARIANCE_PARAMS } from '../constraints.js';
export { matrixModel, limitModel, type CovarianceModel } from './model.js';
export { symbolSpectrum } from './symbol.js';
export { ar1Covariance } from './ar1.js';
export { spikedCovariance } from './spiked.js';
export { diagonalCovariance } from './diagonal.js';
export { denseCovariance } from './dense.js';
export { toeplitzCovariance } from './toeplitz.js';
export { powerLawCovariance } from './powerlaw.js';
export { dataCovariance } from './data.js';
