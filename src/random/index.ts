// Public surface of `random`: seeded streams and Gaussian samplers. The Philox generator, the
// seed hashing and the shuffles behind `RandomStream` are imported by file path; the covariance
// models live in `covariance`.

export { covarianceFactor } from './covariance-factor.js';
export { gaussianMatrix, sampleWithCovariance, sampleWithFactor } from './gaussian.js';
export type { Seed, StreamId } from './seed.js';
export { RandomStream, randomStream } from './stream.js';
