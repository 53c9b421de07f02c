// Parallel tasks for test/linalg/js-pool.test.ts. They live in their own module because pool
// workers import a task's module by URL (importing a test file would run its tests there).
import { threadId } from 'node:worker_threads';
import { defineTask } from '../../src/linalg/backends/js/pool/pool.js';

/**
 * Writes the thread id into out[chunk]; the chunk then waits (up to 20 s) until some other chunk
 * has been taken by a different thread, so a second thread always gets work once it starts.
 */
export const recordThread = defineTask(import.meta.url, 'recordThread', (chunk, [out]) => {
  record(out!, chunk);
});

/**
 * {@link recordThread} into the job's context, a shared WebAssembly.Memory, instead of a buffer.
 */
export const recordThreadInContext = defineTask(
  import.meta.url,
  'recordThreadInContext',
  (chunk, _buffers, [count], context) => {
    record(new Float64Array((context as { buffer: ArrayBufferLike }).buffer, 0, count!), chunk);
  },
);

function record(out: Float64Array, chunk: number): void {
  out[chunk] = threadId;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (let c = 0; c < out.length; c++) if (out[c]! >= 0 && out[c] !== threadId) return;
  }
}

/**
 * Fails on every worker thread, succeeds on the calling one: out[chunk] = chunk + 1. Each chunk
 * first spins for 2 ms so that a running worker surely claims some of them.
 */
export const failInWorkers = defineTask(import.meta.url, 'failInWorkers', (chunk, [out]) => {
  const until = performance.now() + 2;
  while (performance.now() < until);
  if (threadId !== 0) throw new Error('worker-only failure');
  out![chunk] = chunk + 1;
});

/** Fails on chunk params[0] wherever it runs; other chunks set out[chunk] = 1. */
export const failOnChunk = defineTask(import.meta.url, 'failOnChunk', (chunk, [out], [bad]) => {
  if (chunk === bad) throw new RangeError(`chunk ${chunk} is bad`);
  out![chunk] = 1;
});
