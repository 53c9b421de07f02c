// Public surface of `operators`: the linear-operator interface consumed by the matrix-free
// algorithms (sketching, LSQR, Lanczos, trace estimation) and its constructors.

export { choleskyInverseOperator } from './cholesky-inverse-operator.js';
export { gramOperator } from './gram-operator.js';
export {
  asOperator,
  denseOperator,
  type LinearOperator,
  transposeOperator,
  vectorOperator,
} from './linear-operator.js';
export { type NormEstimate, spectralNormEstimate } from './norm-estimate.js';
export { type NpyRowBlockOptions, npyRowBlockOperator } from './npy-row-block-operator.js';
