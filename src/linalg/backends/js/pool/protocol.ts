/**
 * The shared-memory protocol between `parallelFor` (pool.ts) and the pool workers (worker.ts).
 * A job's control block is an Int32Array in a SharedArrayBuffer:
 * [next chunk to claim, chunks finished, failed flag per chunk...].
 * Any thread claims chunks with `Atomics.add` until none remain; the caller waits on the
 * finished count, so a worker that is still starting up is never waited for.
 */

/**
 * The body of a parallel task: processes one chunk, writing only that chunk's part of the buffers.
 * `context` is the optional shared object of the job (a shared WebAssembly.Memory), as received
 * by this thread.
 */
export type TaskBody = (
  chunk: number,
  buffers: readonly Float64Array[],
  params: readonly number[],
  context?: object,
) => void;

/** A task that pool workers can import: `module` exports the task object under `name`. */
export interface ParallelTask {
  readonly module: string;
  readonly name: string;
  readonly run: TaskBody;
}

const NEXT = 0;
const DONE = 1;
const HEADER = 2;

/** A fresh control block for `count` chunks. */
export function createControl(count: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (HEADER + count)));
}

/** The number of chunks a control block was created for. */
export function chunkCount(control: Int32Array): number {
  return control.length - HEADER;
}

/**
 * Claims and runs chunks until none remain. On the calling thread (`record` false) an error stops
 * further claims by everyone, waits for the chunks in progress elsewhere, and is rethrown; in a
 * worker (`record` true) the chunk is marked failed, counted as finished, and left for the caller
 * to rerun.
 * @throws the first error of `run` when `record` is false.
 */
export function claimChunks(
  control: Int32Array,
  count: number,
  run: (chunk: number) => void,
  record = false,
): void {
  for (;;) {
    const chunk = Atomics.add(control, NEXT, 1);
    if (chunk >= count) return;
    try {
      run(chunk);
    } catch (error) {
      if (!record) {
        // Stop further claims, then let the chunks already claimed elsewhere finish: they write
        // into work buffers that the caller's next kernel will reuse.
        const claimed = Math.min(count, Atomics.exchange(control, NEXT, count));
        waitAll(control, claimed - 1);
        throw error;
      }
      Atomics.store(control, HEADER + chunk, 1);
    }
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

/**
 * Blocks the calling thread until all `count` chunks are finished (Atomics.wait is allowed on
 * Node's main thread).
 */
export function waitAll(control: Int32Array, count: number): void {
  for (;;) {
    const done = Atomics.load(control, DONE);
    if (done >= count) return;
    Atomics.wait(control, DONE, done);
  }
}

/** The chunks a worker failed on, to be rerun by the caller. */
export function failedChunks(control: Int32Array, count: number): number[] {
  const failed: number[] = [];
  for (let chunk = 0; chunk < count; chunk++)
    if (Atomics.load(control, HEADER + chunk) !== 0) failed.push(chunk);
  return failed;
}
