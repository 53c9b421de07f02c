import { interval } from '../constraints.js';

/**
 * Constraints of the RandNLA drivers' parameters, shared by the functions, the CLI and the tests.
 * The sketch size l = ⌈embedding·d⌉ must also exceed d, which depends on the data and is checked
 * where d is known.
 */
export const SKETCH_PARAMS = {
  embedding: interval(1, Infinity, '()'),
  tolerance: interval(0, 1, '()'),
  maxIterations: interval(1, Infinity, '[)', { integer: true }),
  rank: interval(1, Infinity, '[)', { integer: true }),
  oversample: interval(0, Infinity, '[)', { integer: true }),
  power: interval(0, Infinity, '[)', { integer: true }),
  seed: interval(0, Number.MAX_SAFE_INTEGER, '[]', { integer: true }),
  rcond: interval(0, 1, '[)'),
} as const;
