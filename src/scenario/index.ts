export {
  parseCovarianceSpec,
  formatCovarianceSpec,
  covarianceTitle,
  buildCovariance,
  COVARIANCE_KINDS,
  COVARIANCE_SYNTAX,
  NO_FILES,
  type CovarianceSpec,
  type CovarianceKind,
  type CovarianceKindInfo,
  type CovarianceParam,
  type CovarianceLoader,
  type FileCovarianceKind,
} from './covariance-spec.js';
export { parseDimension } from './dimension.js';
export { sampleCount, ssrTrial, ssrTrials, type SsrTrialErrors } from './ssr-trial.js';
export { logGrid } from './grid.js';
export { byteLoader } from './byte-loader.js';
