/**
 * rmtkit for browsers and Web Workers: `import { linalg, diagnostics, io } from 'rmtkit'` under a
 * bundler's `browser` condition (package.json `exports`) resolves here. It holds everything that
 * does not need Node: linear algebra on the JS/WebAssembly backend (the native addon cannot load
 * in a page), the theories, the random-matrix laws, the estimators, weight diagnostics, and the
 * readers that take bytes (`io.parseOnnx`, `io.parseSafetensors`, `io.parseShardedSafetensors`,
 * `io.parseTfjs`, `io.parseNpy`, `io.parseNpzAsync`, `io.readWeightBytes` for a set of dropped
 * files). Left out: whatever opens files by path (`io.readNpy`, `io.readWeightFile`, …),
 * `operators.npyRowBlockOperator`, `estimate.memdetLogdet`, the CLI, plots rendered to files,
 * sweeps and the server. No module reachable from here imports a `node:*` module
 * (test/web/browser-entry.test.ts bundles it and checks).
 */

export * as estimate from './browser/estimate.js';
export * as io from './browser/io.js';
export * as operators from './browser/operators.js';
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
export * as features from './features/index.js';
export * as free from './free/index.js';
export * as linalg from './linalg/index.js';
export { Matrix, type MatrixLike } from './linalg/matrix.js';
export * as pca from './pca/index.js';
export * as random from './random/index.js';
export * as rmt from './rmt/index.js';
export * as scenario from './scenario/index.js';
export * as sketch from './sketch/index.js';
export * as ssl from './ssl/index.js';
export * as ssr from './ssr/index.js';
export * as stats from './stats/index.js';
