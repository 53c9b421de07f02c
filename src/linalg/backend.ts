import { InvalidArgumentError, KernelMissingError } from '../errors.js';
import { jsBackend } from './backends/js/index.js';
import { loadNativeBackend } from './backends/native/load.js';
import type { AsyncKernels, Backend, BackendName, KernelName, Kernels } from './kernels.js';

/**
 * Backend selection: the native (OpenBLAS/LAPACKE) backend when its addon loads, else pure JS.
 * `RMTKIT_BACKEND=js|native` forces one; forcing `native` without the addon is an error.
 */

const native = loadNativeBackend();
const backends: Backend[] = [jsBackend, ...(native.backend ? [native.backend] : [])];

let active: Backend = pickInitial();

function pickInitial(): Backend {
  const forced = typeof process !== 'undefined' ? process.env?.RMTKIT_BACKEND : undefined;
  if (forced === undefined || forced === '')
    return [...backends].sort((a, b) => b.priority - a.priority)[0]!;
  return findBackend(forced, 'RMTKIT_BACKEND');
}

function findBackend(name: string, argument: string): Backend {
  if (name !== 'js' && name !== 'native')
    throw new InvalidArgumentError(argument, "must be 'js' or 'native'", name);
  const found = backends.find((b) => b.name === name);
  if (!found) {
    throw new InvalidArgumentError(
      argument,
      `asks for the native backend, which is unavailable (${native.reason}); install libopenblas-dev and liblapacke-dev, then run npm rebuild`,
      name,
    );
  }
  return found;
}

/** The name of the backend that runs kernels now. */
export function backend(): BackendName {
  return active.name;
}

/** Names of the backends that loaded in this process, highest priority first. */
export function availableBackends(): BackendName[] {
  return [...backends].sort((a, b) => b.priority - a.priority).map((b) => b.name);
}

/** Why the native backend is unavailable, or undefined when it loaded. */
export function nativeUnavailableReason(): string | undefined {
  return native.backend ? undefined : native.reason;
}

/** Makes `name` the active backend for every later call; returns the previous one. */
export function setBackend(name: BackendName): BackendName {
  const previous = active.name;
  active = findBackend(name, 'backend');
  return previous;
}

/** The backend object itself (for the conformance suite and benchmarks). */
export function getBackend(name: BackendName): Backend {
  return findBackend(name, 'backend');
}

/** The active implementation of a kernel. @throws {KernelMissingError} */
export function kernel<K extends KernelName>(name: K, on: Backend = active): Kernels[K] {
  const k = on.kernels[name];
  if (!k) throw new KernelMissingError(name, on.name);
  return k as Kernels[K];
}

/** The asynchronous implementation, or a promise around the synchronous one. */
export function asyncKernel<K extends KernelName>(name: K, on: Backend = active): AsyncKernels[K] {
  const k = on.asyncKernels?.[name];
  if (k) return k as AsyncKernels[K];
  const sync = kernel(name, on) as (...args: unknown[]) => unknown;
  return ((...args: unknown[]) =>
    new Promise((resolve, reject) => {
      defer(() => {
        try {
          resolve(sync(...args));
        } catch (error) {
          reject(error);
        }
      });
    })) as unknown as AsyncKernels[K];
}

/**
 * {@link asyncKernel} reading its input arrays in place where the backend can (the native one
 * otherwise copies them when the call is made): the caller must neither modify nor transfer those
 * arrays until the promise settles. The same results, bit for bit.
 * @example await borrowingAsyncKernel('gramEigvalsh')(w, 1, false, false)
 */
export function borrowingAsyncKernel<K extends KernelName>(
  name: K,
  on: Backend = active,
): AsyncKernels[K] {
  return (on.borrowingAsyncKernels?.[name] as AsyncKernels[K] | undefined) ?? asyncKernel(name, on);
}

// setImmediate is Node's; browsers and Web Workers (src/browser.ts) have only setTimeout.
const defer: (run: () => void) => void =
  typeof setImmediate === 'function' ? setImmediate : (run) => setTimeout(run, 0);

/**
 * How many asynchronous kernel calls the active backend runs at once right now: the native
 * backend one per core while OpenBLAS is fixed at one thread (setBlasThreads(1) or
 * OPENBLAS_NUM_THREADS=1), else 1. Independent work can keep that many calls in flight.
 * @example const inFlight = asyncLanes();
 */
export function asyncLanes(): number {
  return active.asyncLanes?.() ?? 1;
}

/**
 * The operation count from which a call of `kernel` on the active backend takes every thread
 * under the default threading (one thread below it): 0 where calls do not choose per size (the JS
 * backend), so that no call is taken to run on one thread.
 * @example parallelFlops('eigvalsh') // 2e9 on the native backend
 */
export function parallelFlops(kernel: string): number {
  return active.parallelFlops?.(kernel) ?? 0;
}

/** A description of the active backend for `rmtkit info` and reports. */
export function backendDetails(): Record<string, string | number | boolean> {
  return { backend: active.name, ...(active.details ?? {}) };
}

/**
 * Fixes how many threads the native backend's OpenBLAS uses, process-wide (for example 1 while k
 * worker threads each run their own trials), or with 'auto' returns to the default: each call
 * chooses one thread or all from its size, unless OPENBLAS_NUM_THREADS fixed the count
 * (docs/performance.md, "Threads per call"). Returns the previous setting, or undefined when the
 * native backend is not loaded (the JS backend runs one thread per worker by itself).
 * @example const previous = setBlasThreads(1); try { … } finally { if (previous) setBlasThreads(previous); }
 */
export function setBlasThreads(threads: number | 'auto'): number | 'auto' | undefined {
  if (threads !== 'auto' && (!Number.isInteger(threads) || threads < 1))
    throw new InvalidArgumentError('threads', "must be an integer ≥ 1 or 'auto'", threads);
  return native.backend?.setThreads?.(threads);
}
