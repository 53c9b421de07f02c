export { Matrix, assertFinite, assertSquare, assertSymmetric } from './matrix.js';
export * from './api.js';
export { backend, availableBackends, setBackend, getBackend, backendDetails, nativeUnavailableReason, setBlasThreads } from './backend.js';
export { setSimdEnabled, simdAvailable } from './backends/js/simd/tile.js';
export type { Eigh, Svd, Qr, Kernels, KernelName, Backend, BackendName } from './kernels.js';
export { KERNELS, KERNEL_NAMES } from './kernels.js';
