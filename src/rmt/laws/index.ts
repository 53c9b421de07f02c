// The limiting spectral laws and the types they use. Special functions, quadrature rules and
// samplers behind them are imported by file path.
export type { Atom, SpectralLaw } from './law.js';
export type { Complex } from './complex.js';
export { wigner } from './wigner.js';
export { marchenkoPastur, type MarchenkoPastur } from './marchenko-pastur.js';
export { kestenMcKay } from './kesten-mckay.js';
export { wachter } from './wachter.js';
export { meixner } from './meixner.js';
export { htmp } from './htmp.js';
