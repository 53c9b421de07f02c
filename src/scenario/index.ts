export { byteLoader } from './byte-loader.js';
export {
  buildCovariance,
  COVARIANCE_KINDS,
  COVARIANCE_SYNTAX,
  type CovarianceKind,
  type CovarianceKindInfo,
  type CovarianceLoader,
  type CovarianceParam,
  type CovarianceSpec,
  covarianceTitle,
  type FileCovarianceKind,
  formatCovarianceSpec,
  NO_FILES,
  parseCovarianceSpec,
} from './covariance-spec.js';
export { parseDimension } from './dimension.js';
export { logGrid } from './grid.js';
export { type SsrTrialErrors, sampleCount, ssrTrial, ssrTrials } from './ssr-trial.js';
