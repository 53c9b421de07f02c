/**
 * rmtkit: random-matrix theory of machine learning.
 * `import { Matrix, linalg } from 'rmtkit'`.
 */
export { Matrix } from './linalg/matrix.js';
export * as linalg from './linalg/index.js';
export * as random from './random/index.js';
export * as io from './io/index.js';
export * as ssr from './ssr/index.js';
export * as pca from './pca/index.js';
export * as rmt from './rmt/index.js';
export * as diagnostics from './diagnostics/index.js';
export * from './errors.js';
