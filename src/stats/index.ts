export { histogram, type Histogram } from './histogram.js';
export { meanError, type MeanError } from './mean-error.js';
