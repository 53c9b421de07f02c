/**
 * Worker threads, for the two worker pools: the JS linear-algebra pool
 * (linalg/backends/js/pool/) and the trial pool (experiments/pool.ts).
 *
 * This module is the lowest layer: it imports nothing from the rest of src/ and no `node:*`
 * module statically (the type import below is erased), because the explorer's browser bundle
 * includes the linear-algebra pool. It finds `node:worker_threads` through
 * `process.getBuiltinModule`; where that is missing (browser, Web Worker, Node < 20.16)
 * {@link workerThreads} is undefined and {@link spawnWorker} throws.
 *
 * Why a bootstrap: workers run the compiled .js files from dist/, or the .ts sources when the
 * caller runs under tsx (tests, `node --import tsx`). Node 20 does not apply `--import tsx` to a
 * worker's modules, so a worker started on a .ts file could not load it. Every worker therefore
 * starts on a small script (BOOTSTRAP below) that registers tsx's loader first (only for a
 * .ts entry) and then imports the entry module.
 */
import type * as WorkerThreadsModule from 'node:worker_threads';

/**
 * A worker thread (Node's `Worker`), as {@link spawnWorker} returns it.
 * @example const workers: Worker[] = [];
 */
export type Worker = WorkerThreadsModule.Worker;

/**
 * Options of {@link spawnWorker}: Node's worker options but `eval` and `workerData`, which it sets.
 * @example spawnWorker(entry, {}, { resourceLimits: { maxOldGenerationSizeMb: 512 } })
 */
export type SpawnOptions = Omit<WorkerThreadsModule.WorkerOptions, 'eval' | 'workerData'>;

type Builtins = { getBuiltinModule?: (id: string) => unknown };

/**
 * `node:worker_threads`, or undefined where the runtime does not provide it (see the module note).
 * @example const inWorker = workerThreads !== undefined && !workerThreads.isMainThread;
 */
export const workerThreads: typeof WorkerThreadsModule | undefined = builtin('node:worker_threads');

// Runs in the worker as CommonJS (eval). workerData.tsx is the URL of tsx's ESM API when the
// entry is a .ts file, else undefined.
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
(workerData.tsx ? import(workerData.tsx).then((api) => api.register()) : Promise.resolve()).then(() => import(workerData.entry));`;

/**
 * The URL of worker script `name` (a path relative to `moduleUrl`, without extension): the .ts
 * file when `moduleUrl` is a .ts source (running under tsx), else the compiled .js file.
 * @example const entry = workerEntry(import.meta.url, './worker'); // …/worker.ts or …/worker.js
 */
export function workerEntry(moduleUrl: string, name: string): string {
  return new URL(`${name}${moduleUrl.endsWith('.ts') ? '.ts' : '.js'}`, moduleUrl).href;
}

/**
 * Starts a worker thread that imports the module at `entry` (a URL from {@link workerEntry}),
 * after registering tsx's loader when `entry` is a .ts file. The worker sees `workerData` with
 * two more keys the bootstrap reads, `entry` and `tsx` (the resolved tsx API, or undefined).
 * @throws {Error} where worker threads are unavailable, or when `entry` is a .ts file and
 * `tsx` cannot be resolved.
 * @example
 * const worker = spawnWorker(workerEntry(import.meta.url, './worker'));
 * worker.once('message', (ready) => worker.terminate());
 */
export function spawnWorker(
  entry: string,
  workerData: Record<string, unknown> = {},
  options: SpawnOptions = {},
): Worker {
  if (workerThreads === undefined)
    throw new Error('worker threads are unavailable in this runtime');
  const tsx = entry.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : undefined;
  return new workerThreads.Worker(BOOTSTRAP, {
    ...options,
    eval: true,
    workerData: { ...workerData, entry, tsx },
  });
}

function builtin<T>(id: string): T | undefined {
  try {
    const proc = (globalThis as { process?: Builtins }).process;
    return proc?.getBuiltinModule?.(id) as T | undefined;
  } catch {
    return undefined;
  }
}
