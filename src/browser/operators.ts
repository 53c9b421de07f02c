// The `operators` namespace of the browser entry (src/browser.ts): every operator but the
// file-backed npyRowBlockOperator, which reads a .npy file through node:fs.

export { choleskyInverseOperator } from '../operators/cholesky-inverse-operator.js';
export { gramOperator } from '../operators/gram-operator.js';
export {
  asOperator,
  denseOperator,
  type LinearOperator,
  transposeOperator,
  vectorOperator,
} from '../operators/linear-operator.js';
export { type NormEstimate, spectralNormEstimate } from '../operators/norm-estimate.js';
