/**
 * rmtkit: random-matrix theory of machine learning.
 * `import { Matrix, linalg, ssr, covariance } from 'rmtkit'`.
 *
 * This file and the namespaces' index.ts files define the public API; `api/rmtkit.api.md` is its
 * checked-in report (`npm run api` updates it, `npm run api:check` compares). `Matrix`, the error
 * classes and the constraint helper `interval` are exported here, once; everything else lives in
 * one namespace.
 */

export { type Bounds, type Interval, interval } from './constraints.js';
export * as covariance from './covariance/index.js';
export * as diagnostics from './diagnostics/index.js';
export {
  ConvergenceError,
  DataFormatError,
  InvalidArgumentError,
  KernelMissingError,
  NonFiniteError,
  NotPositiveDefiniteError,
  VerificationError,
} from './errors.js';
export * as estimate from './estimate/index.js';
export * as features from './features/index.js';
export * as free from './free/index.js';
export * as io from './io/index.js';
export * as linalg from './linalg/index.js';
export { Matrix, type MatrixLike } from './linalg/matrix.js';
export * as operators from './operators/index.js';
export * as pca from './pca/index.js';
export * as random from './random/index.js';
export * as rmt from './rmt/index.js';
export * as scenario from './scenario/index.js';
export * as sketch from './sketch/index.js';
export * as ssl from './ssl/index.js';
export * as ssr from './ssr/index.js';
export * as stats from './stats/index.js';
