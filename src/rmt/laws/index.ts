// The limiting spectral laws and the types they use. Special functions, quadrature rules and
// samplers behind them are imported by file path.

export type { Complex } from './complex.js';
export { htmp } from './htmp.js';
export { kestenMcKay } from './kesten-mckay.js';
export type { Atom, SpectralLaw } from './law.js';
export { type MarchenkoPastur, marchenkoPastur } from './marchenko-pastur.js';
export { meixner } from './meixner.js';
export { wachter } from './wachter.js';
export { wigner } from './wigner.js';
