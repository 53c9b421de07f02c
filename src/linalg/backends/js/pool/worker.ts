/**
 * Pool worker script (see pool.ts). Each message is a job: import the task's module (cached),
 * then claim chunks from the job's control block until none remain. A task that cannot be loaded
 * claims nothing, so the calling thread does the work; a failing chunk is marked for a rerun there.
 */
import { parentPort } from 'node:worker_threads';
import { chunkCount, claimChunks, type ParallelTask } from './protocol.js';

interface Job {
  module: string;
  name: string;
  control: Int32Array;
  buffers: Float64Array[];
  params: number[];
  context?: object;
}

const tasks = new Map<string, Promise<ParallelTask | undefined>>();

function load(module: string, name: string): Promise<ParallelTask | undefined> {
  const key = `${module}#${name}`;
  let task = tasks.get(key);
  if (!task) {
    task = import(module).then(
      (exports: Record<string, unknown>) => exports[name] as ParallelTask | undefined,
      () => undefined,
    );
    tasks.set(key, task);
  }
  return task;
}

parentPort?.on('message', (job: Job) => {
  void load(job.module, job.name).then((task) => {
    if (!task || typeof task.run !== 'function') return;
    claimChunks(
      job.control,
      chunkCount(job.control),
      (chunk) => task.run(chunk, job.buffers, job.params, job.context),
      true,
    );
  });
});
