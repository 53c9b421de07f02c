import {
  type AsyncKernels,
  type Backend,
  KERNEL_NAMES,
  type KernelName,
  type Kernels,
} from '../../kernels.js';
import type { NativeAddon, NativeArg } from './addon.js';
import { translateNativeError } from './errors.js';
import { JobQueue } from './queue.js';
import { NATIVE_SPECS } from './specs.js';

type AnyParams = Parameters<Kernels[KernelName]>;
type Spec = { args(...p: AnyParams): NativeArg[]; result(raw: unknown, ...p: AnyParams): unknown };

/**
 * Builds the native backend (priority 10, above JS) around a loaded addon: synchronous kernels
 * call OpenBLAS/LAPACK on the JS thread; `asyncKernels` run them on the libuv pool one at a time,
 * or one per core while OpenBLAS is fixed at one thread (see {@link JobQueue} and `asyncLanes`),
 * on copies of their inputs; `borrowingAsyncKernels` the same reading the inputs in place.
 * The addon also holds one lock around every multi-threaded BLAS/LAPACK job, so a synchronous call
 * made while such an async job runs waits for it. LAPACK failures become
 * NotPositiveDefiniteError / ConvergenceError.
 * @throws nothing itself; the kernels throw the typed errors above.
 * @example const backend = createNativeBackend(addon); backend.kernels.eigvalsh!(a)
 */
export function createNativeBackend(addon: NativeAddon): Backend {
  const lanes = () => concurrentJobs(addon);
  const queue = new JobQueue(lanes);
  const kernels: Record<string, unknown> = {};
  const asyncKernels: Record<string, unknown> = {};
  const borrowingAsyncKernels: Record<string, unknown> = {};
  for (const name of KERNEL_NAMES) {
    const spec = NATIVE_SPECS[name] as unknown as Spec;
    const sync = addon[name];
    const runAsync = addon[`${name}Async`] as (...args: NativeArg[]) => Promise<unknown>;
    kernels[name] = (...params: AnyParams) => {
      let raw: unknown;
      try {
        raw = sync(...spec.args(...params));
      } catch (error) {
        throw translateNativeError(error, name);
      }
      return spec.result(raw, ...params);
    };
    const queued =
      (run: (...args: NativeArg[]) => Promise<unknown>, borrowed: boolean) =>
      (...params: AnyParams) =>
        queue
          .run(spec.args(...params), (args) => run(...args), borrowed)
          .then(
            (raw) => spec.result(raw, ...params),
            (error: unknown) => {
              throw translateNativeError(error, name);
            },
          );
    asyncKernels[name] = queued(runAsync, false);
    // Builds from before the borrowing variants lack them: those callers get the copying one.
    const runBorrowed = addon[`${name}AsyncBorrowed`];
    if (runBorrowed) borrowingAsyncKernels[name] = queued(runBorrowed, true);
  }
  const info = addon.info();
  return {
    name: 'native',
    priority: 10,
    kernels: kernels as unknown as Kernels,
    asyncKernels: asyncKernels as unknown as AsyncKernels,
    borrowingAsyncKernels: borrowingAsyncKernels as unknown as AsyncKernels,
    details: {
      openblas: info.config,
      openblasCore: info.corename,
      openblasThreads: info.threads,
      blasThreadsPerCall: info.threadsPerCall ?? false,
      mallocTuned: info.mallocTuned ?? false,
      blasSpin: info.blasSpin ?? false,
      blasIdleCores: info.blasIdleCores ?? false,
    },
    asyncLanes: lanes,
    parallelFlops: (kernel) => info.parallelFlops?.[kernel],
    ...(addon.setThreads
      ? { setThreads: (threads) => fromNative(addon.setThreads!(toNative(threads))) }
      : {}),
  };
}

// The addon's setThreads speaks 0 for "each call chooses"; the Backend interface says 'auto'.
const toNative = (threads: number | 'auto') => (threads === 'auto' ? 0 : threads);
const fromNative = (setting: number): number | 'auto' => (setting === 0 ? 'auto' : setting);

type Os = { availableParallelism?: () => number };
const os = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:os') as Os | undefined;
const cores = Math.max(1, os?.availableParallelism?.() ?? 1);

/**
 * How many jobs the addon runs side by side right now: one per core while a pthreads OpenBLAS is
 * fixed at one thread (setThreads(1) or OPENBLAS_NUM_THREADS=1: each job then computes on its
 * calling thread alone, native/blas_threads.h), else one (a job may use every core).
 */
function concurrentJobs(addon: NativeAddon): number {
  const info = addon.info();
  return info.parallel === 1 && info.threadsPerCall === false && info.threads === 1 ? cores : 1;
}
