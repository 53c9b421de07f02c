// Public surface of `covariance`: the covariance models, the generic model constructors and the
// parameter constraints of the models. (`interval` itself is exported once, at the top level.)
export { COVARIANCE_PARAMS } from '../constraints.js';
export { ar1Covariance } from './ar1.js';
export { dataCovariance } from './data.js';
export { denseCovariance } from './dense.js';
export { diagonalCovariance } from './diagonal.js';
export { type CovarianceModel, limitModel, matrixModel } from './model.js';
export { powerLawCovariance } from './powerlaw.js';
export { spikedCovariance } from './spiked.js';
export { symbolSpectrum } from './symbol.js';
export { toeplitzCovariance } from './toeplitz.js';
