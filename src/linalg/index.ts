// Public surface of `linalg` (see src/index.ts): the dense kernels, their result types and the
// backend switches. `Matrix` is exported once, at the top level. Internals (argument checks,
// the kernel table, backend objects, the JS backend's SIMD switch) are imported by file path.

export type { GramEigvalshOptions } from './api.js';
export {
  cholesky,
  choleskySolve,
  eigh,
  eighAsync,
  eigvalsh,
  eigvalshAsync,
  gram,
  gramAsync,
  gramEigvalsh,
  gramEigvalshAsync,
  ldlLogdet,
  lstsqQr,
  luLogdet,
  matmul,
  matmulAsync,
  matvec,
  qr,
  qrPivoted,
  qrR,
  solveSpd,
  spdInverse,
  spdInverseAsync,
  svd,
  svdAsync,
  triangularSolve,
} from './api.js';
export {
  availableBackends,
  backend,
  backendDetails,
  nativeUnavailableReason,
  setBackend,
  setBlasThreads,
} from './backend.js';
export type { BackendName, Eigh, Qr, QrPivoted, SignedLogdet, Svd } from './kernels.js';
