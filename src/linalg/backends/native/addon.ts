import type { KernelName } from '../../kernels.js';

/** An argument of a raw addon call: row-major data, a dimension, a flag or a scalar. */
export type NativeArg = Float64Array | number | boolean;

/** What `info()` of the addon reports about the linked OpenBLAS. */
export interface NativeInfo {
  /**
   * `openblas_get_config()`, e.g. 'OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell
   * MAX_THREADS=64'.
   */
  config: string;
  /** The CPU kernel set OpenBLAS selected (OPENBLAS_CORETYPE overrides it). */
  corename: string;
  /** `openblas_get_num_threads()`. */
  threads: number;
  /**
   * Whether each call chooses its own OpenBLAS thread count from its size (native/blas_threads.h):
   * false with a count fixed by `setThreads` or OPENBLAS_NUM_THREADS, or a library other than a
   * pthreads OpenBLAS.
   */
  threadsPerCall?: boolean;
  /** OpenBLAS's thread count during the last kernel call (0: the library is not OpenBLAS). */
  lastCallThreads?: number;
  /** `openblas_get_parallel()`: 0 sequential, 1 pthreads, 2 OpenMP. */
  parallel: number;
  /**
   * Whether glibc was told to reuse freed memory for large arrays (native/memory.h;
   * RMTKIT_MALLOC_TUNING=0 turns it off).
   */
  mallocTuned?: boolean;
  /**
   * Whether OpenBLAS's waits were redirected from sched_yield to a user-space spin
   * (native/blas_spin.h; only with RMTKIT_BLAS_SPIN=1, docs/performance.md).
   */
  blasSpin?: boolean;
  /**
   * Whether RMTKIT_BLAS_IDLE=1 lets calls below their threshold, and LAPACK calls above it, take
   * the idle cores.
   */
  blasIdleCores?: boolean;
  /**
   * The order from which eigvalsh reduces to tridiagonal form in two stages (dense to band to
   * tridiagonal, native/two_stage.h) instead of dsyevd's one.
   */
  eigvalshTwoStageFrom?: number;
  /**
   * Per kernel, the operation count from which a call takes every OpenBLAS thread under the
   * per-call rule (below it, one thread): native/calls.cc's thresholds.
   */
  parallelFlops?: Record<string, number>;
}

/**
 * The raw `build/Release/rmtkit.node` module (native/addon.cc): every kernel as `name(...)` and
 * `nameAsync(...)` taking Float64Arrays with explicit dimensions (signatures in native/calls.cc),
 * and, in builds since they were added, `nameAsyncBorrowed(...)` reading the arrays in place,
 * returning fresh Float64Arrays or objects of them. LAPACK failures throw an Error with
 * `code: 'ERR_RMTKIT_LAPACK'`, `routine` and `info`.
 * @example addon.eigvalsh(new Float64Array([2, 1, 1, 2]), 2) // Float64Array [1, 3]
 */
export type NativeAddon = {
  [K in KernelName | `${KernelName}Async`]: (...args: NativeArg[]) => unknown;
} & {
  [K in `${KernelName}AsyncBorrowed`]?: (...args: NativeArg[]) => Promise<unknown>;
} & {
  info(): NativeInfo;
  /**
   * Fixes OpenBLAS's thread count (process-wide), or with 0 returns to choosing it per call;
   * returns the previous setting in the same terms.
   */
  setThreads?(threads: number): number;
};

/** The shape of a LAPACK failure thrown by the addon. */
export interface NativeLapackError extends Error {
  code: 'ERR_RMTKIT_LAPACK';
  routine: string;
  info: number;
}

/**
 * Checks that a loaded module has every export rmtkit needs (an outdated build would not).
 * @throws {Error} naming the first missing export.
 * @example assertNativeAddon(require('./build/Release/rmtkit.node'))
 */
export function assertNativeAddon(
  module: unknown,
  kernels: readonly KernelName[],
): asserts module is NativeAddon {
  const exports = module as Record<string, unknown>;
  for (const name of [...kernels, ...kernels.map((k) => `${k}Async`), 'info']) {
    if (typeof exports?.[name] !== 'function')
      throw new Error(`the addon lacks '${name}' (an outdated build? run npm rebuild rmtkit)`);
  }
}
