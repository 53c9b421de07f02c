export { type Histogram, histogram } from './histogram.js';
export { type MeanError, meanError } from './mean-error.js';
export { normalCdf } from './normal-cdf.js';
