// Public surface of `linalg` (see src/index.ts): the dense kernels, their result types and the
// backend switches. `Matrix` is exported once, at the top level. Internals (argument checks,
// the kernel table, backend objects, the JS backend's SIMD switch) are imported by file path.
export {
  matmul,
  matmulAsync,
  gram,
  gramAsync,
  cholesky,
  choleskySolve,
  solveSpd,
  spdInverse,
  spdInverseAsync,
  eigvalsh,
  eigvalshAsync,
  eigh,
  eighAsync,
  svd,
  svdAsync,
  qr,
} from './api.js';
export { backend, availableBackends, setBackend, backendDetails, nativeUnavailableReason, setBlasThreads } from './backend.js';
export type { Eigh, Svd, Qr, BackendName } from './kernels.js';
