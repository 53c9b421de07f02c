export { philox4x32 } from './philox.js';
export { seedToId, hashString, childId, type Seed, type StreamId } from './seed.js';
export { RandomStream, randomStream } from './stream.js';
export { choiceWithoutReplacement, permutation } from './shuffle.js';
export { gaussianMatrix, sampleWithFactor, sampleWithCovariance } from './gaussian.js';
export { covarianceFactor } from './covariance-factor.js';
export * from '../covariance/index.js';
