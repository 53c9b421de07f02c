// The limiting spectral laws and the types they use. Special functions, quadrature rules and
// samplers behind them are imported by file path.

export { chiralBlock } from './chiral-block.js';
export type { Complex } from './complex.js';
export { compoundFreePoisson } from './compound-free-poisson.js';
export { deformedMarchenkoPastur } from './deformed-marchenko-pastur.js';
export { deformedWigner } from './deformed-wigner.js';
export type { FreeLaw } from './free-law.js';
export { freeLevy } from './free-levy.js';
export { fussCatalan } from './fuss-catalan.js';
export { htmp } from './htmp.js';
export { kestenMcKay } from './kesten-mckay.js';
export type { Atom, SpectralLaw } from './law.js';
export { type MarchenkoPastur, marchenkoPastur } from './marchenko-pastur.js';
export { meixner } from './meixner.js';
export { wachter } from './wachter.js';
export { wigner } from './wigner.js';
