// The native backend's queue of asynchronous jobs (src/linalg/backends/native/queue.ts), driven by
// fake jobs that finish when the test says so: how many run at once, in which order, and what a
// waiting job sees of its arguments.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NativeArg } from '../../src/linalg/backends/native/addon.js';
import { JobQueue } from '../../src/linalg/backends/native/queue.js';

/** Jobs that record their start and finish only when `finish(name)` is called. */
function fakeJobs() {
  const started: string[] = [];
  const seen = new Map<string, NativeArg[]>();
  const finishers = new Map<string, () => void>();
  const job = (name: string) => (args: NativeArg[]) => {
    started.push(name);
    seen.set(name, args);
    return new Promise<string>((resolve) => finishers.set(name, () => resolve(name)));
  };
  const finish = async (name: string) => {
    finishers.get(name)!();
    // Lets the queue's settlement handlers run.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, seen, job, finish };
}

describe('JobQueue', () => {
  it('runs one job at a time in call order with one lane', async () => {
    const { started, job, finish } = fakeJobs();
    const queue = new JobQueue(() => 1);
    const done = ['a', 'b', 'c'].map((name) => queue.run([], job(name)));
    assert.deepEqual(started, ['a']);
    await finish('a');
    assert.deepEqual(started, ['a', 'b']);
    await finish('b');
    await finish('c');
    assert.deepEqual(await Promise.all(done), ['a', 'b', 'c']);
    assert.equal(queue.size, 0);
  });

  it('runs up to lanes() jobs side by side and starts the waiting ones in call order', async () => {
    const { started, job, finish } = fakeJobs();
    let lanes = 2;
    const queue = new JobQueue(() => lanes);
    const done = ['a', 'b', 'c', 'd', 'e'].map((name) => queue.run([], job(name)));
    assert.deepEqual(started, ['a', 'b']);
    assert.equal(queue.size, 5);
    await finish('b');
    assert.deepEqual(started, ['a', 'b', 'c']);
    // Fewer lanes from now on (OpenBLAS back on every core): c must finish before d starts.
    lanes = 1;
    await finish('a');
    assert.deepEqual(started, ['a', 'b', 'c']);
    await finish('c');
    assert.deepEqual(started, ['a', 'b', 'c', 'd']);
    await finish('d');
    await finish('e');
    assert.deepEqual(await Promise.all(done), ['a', 'b', 'c', 'd', 'e']);
  });

  it('hands a running job the caller’s arrays and a waiting one a copy taken at call time', async () => {
    const { seen, job, finish } = fakeJobs();
    const queue = new JobQueue(() => 1);
    const first = new Float64Array([1, 2]);
    const second = new Float64Array([3, 4]);
    const done = [queue.run([first, 2], job('a')), queue.run([second, 2], job('b'))];
    second[0] = -1;
    await finish('a');
    assert.equal(seen.get('a')![0], first);
    assert.deepEqual(seen.get('b'), [new Float64Array([3, 4]), 2]);
    await finish('b');
    await Promise.all(done);
  });

  it('rejects a job that throws when started and frees its lane for the next', async () => {
    const { started, job, finish } = fakeJobs();
    const queue = new JobQueue(() => 1);
    const failing = queue.run([], () => {
      throw new Error('bad argument');
    });
    const next = queue.run([], job('b'));
    await assert.rejects(failing, /bad argument/);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, ['b']);
    await finish('b');
    assert.equal(await next, 'b');
  });
});
