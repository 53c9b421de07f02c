/**
 * A small persistent pool of worker threads for the JS kernels, with a synchronous `parallelFor`.
 *
 * How it works: the caller's thread and `threads() − 1` workers claim chunk indices 0..count−1 from
 * a shared atomic counter, so a core slowed down by other processes simply takes fewer chunks.
 * The calling thread works too and then blocks in `Atomics.wait` until every chunk is done, which
 * keeps the kernels synchronous. Inputs and outputs live in SharedArrayBuffer-backed Float64Arrays
 * (see {@link allocate}); workers are `unref()`'d so they never keep a process alive.
 *
 * Without worker_threads or SharedArrayBuffer (browser, Web Worker, inside a pool worker, Node
 * without `process.getBuiltinModule`) everything runs on the calling thread with the same results.
 *
 * Reuse from another kernel file (e.g. eigen updates):
 * ```ts
 * export const scaleRows = defineTask(import.meta.url, 'scaleRows', (chunk, [m], [cols, factor]) => {
 *   for (let j = 0; j < cols!; j++) m![chunk * cols! + j]! *= factor!;
 * });
 * const m = allocate(rows * cols, wantsParallel(rows * cols * 100)); // shared when worth it
 * parallelFor(scaleRows, rows, [m], [cols, 2]);
 * ```
 * The task must be exported under `name` from the module at `module`: workers import it by URL.
 * A task must only write disjoint parts of the buffers for different chunks.
 */
import type * as OsModule from 'node:os';
import {
  spawnWorker,
  type Worker,
  workerEntry,
  workerThreads,
} from '../../../../platform/worker.js';
import {
  claimChunks,
  createControl,
  failedChunks,
  type ParallelTask,
  type TaskBody,
  waitAll,
} from './protocol.js';

export type { ParallelTask, TaskBody } from './protocol.js';

/**
 * Below this many floating-point operations a kernel stays on one thread (a hand-off costs ~25 µs;
 * 2e6 flops ≈ 0.5 ms of work).
 */
export const PARALLEL_MIN_FLOPS = 2e6;

type Builtins = { getBuiltinModule?: (id: string) => unknown };
const proc = (globalThis as { process?: Builtins & { env?: Record<string, string | undefined> } })
  .process;
const os = builtin<typeof OsModule>('node:os');
const supported =
  workerThreads !== undefined &&
  workerThreads.isMainThread &&
  typeof SharedArrayBuffer === 'function' &&
  typeof Atomics === 'object';
// worker.ts next to this file: the .ts source under tsx, else the compiled .js (see
// platform/worker.ts).
const entry = workerEntry(import.meta.url, './worker');

let threadCount = supported ? initialThreads() : 1;
const workers: Worker[] = [];
let spawnFailed = false;

/**
 * Declares a chunked task that pool workers can run; `module` is the `import.meta.url` of the
 * file that exports the returned object under `name`.
 * @example export const fill = defineTask(import.meta.url, 'fill', (chunk, [out]) => { out![chunk] = chunk; });
 */
export function defineTask(module: string, name: string, run: TaskBody): ParallelTask {
  return { module, name, run };
}

/**
 * Runs `task.run(chunk, buffers, params, context)` for every chunk in 0..count−1 on all threads and
 * returns when all are done; `context`, when given, must be shareable (a shared
 * WebAssembly.Memory). Runs serially when the pool is unavailable, when count < 2, or when any
 * buffer is not SharedArrayBuffer-backed. A chunk that fails in a worker is rerun on the calling
 * thread, so its error (if any) surfaces here.
 * @throws whatever `task.run` throws on the calling thread.
 * @example parallelFor(fill, 8, [allocate(8, true)], [])
 */
export function parallelFor(
  task: ParallelTask,
  count: number,
  buffers: readonly Float64Array[],
  params: readonly number[],
  context?: object,
): void {
  const helpers = count > 1 && buffers.every(isShared) ? startWorkers() : [];
  if (helpers.length === 0) {
    for (let chunk = 0; chunk < count; chunk++) task.run(chunk, buffers, params, context);
    return;
  }
  const control = createControl(count);
  const job = { module: task.module, name: task.name, control, buffers, params, context };
  for (let w = 0; w < Math.min(helpers.length, count - 1); w++) helpers[w]!.postMessage(job);
  claimChunks(control, count, (chunk) => task.run(chunk, buffers, params, context));
  waitAll(control, count);
  for (const chunk of failedChunks(control, count)) task.run(chunk, buffers, params, context);
}

/** Whether a job of `flops` floating-point operations should be split across threads. */
export function wantsParallel(flops: number): boolean {
  return threadCount > 1 && flops >= PARALLEL_MIN_FLOPS;
}

/** A zeroed Float64Array, SharedArrayBuffer-backed when `shared` and the pool is supported. */
export function allocate(length: number, shared: boolean): Float64Array {
  return shared && supported
    ? new Float64Array(new SharedArrayBuffer(length * 8))
    : new Float64Array(length);
}

/** Whether SharedArrayBuffer storage (and so the pool) is available in this thread. */
export function canShare(): boolean {
  return supported;
}

/** Whether `array` lives in a SharedArrayBuffer (and can be handed to workers without copying). */
export function isShared(array: Float64Array): boolean {
  return supported && array.buffer instanceof SharedArrayBuffer;
}

/**
 * The number of threads kernels use, the calling thread included (1 where workers are unavailable).
 */
export function threads(): number {
  return threadCount;
}

/**
 * Sets the number of threads (calling thread included) for later kernels; returns the previous
 * value. Values above 1 are ignored where workers are unavailable. Env: `RMTKIT_THREADS`.
 * @example const before = setThreads(1); try { gram(x, 1) } finally { setThreads(before) }
 */
export function setThreads(count: number): number {
  const previous = threadCount;
  threadCount = supported ? Math.max(1, Math.floor(count)) : 1;
  return previous;
}

function startWorkers(): Worker[] {
  if (!supported || threadCount < 2) return [];
  while (workers.length < threadCount - 1 && !spawnFailed) {
    let worker: Worker;
    try {
      worker = spawnWorker(entry);
    } catch {
      // No worker here (tsx not resolvable from the .ts sources): the calling thread does the work.
      spawnFailed = true;
      break;
    }
    worker.unref();
    // A worker that cannot start or crashes leaves its chunks to the others; drop it from the pool.
    worker.on('error', () => {
      spawnFailed = true;
      removeWorker(worker);
    });
    worker.on('exit', () => removeWorker(worker));
    workers.push(worker);
  }
  return workers.slice(0, threadCount - 1);
}

function removeWorker(worker: Worker): void {
  const index = workers.indexOf(worker);
  if (index >= 0) workers.splice(index, 1);
}

function initialThreads(): number {
  const forced = Number(proc?.env?.RMTKIT_THREADS);
  if (Number.isInteger(forced) && forced >= 1) return forced;
  return os?.availableParallelism?.() ?? os?.cpus().length ?? 1;
}

function builtin<T>(id: string): T | undefined {
  try {
    return proc?.getBuiltinModule?.(id) as T | undefined;
  } catch {
    return undefined;
  }
}
