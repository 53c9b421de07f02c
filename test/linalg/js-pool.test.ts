// The worker pool of the JS backend (src/linalg/backends/js/pool/pool.ts): chunks really run on
// more than one thread, the serial fallbacks, and error handling (a chunk that fails only in a
// worker is redone on the calling thread; a chunk that always fails throws there).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threadId } from 'node:worker_threads';
import {
  allocate,
  isShared,
  parallelFor,
  setThreads,
  threads,
} from '../../src/linalg/backends/js/pool/pool.js';
import {
  failInWorkers,
  failOnChunk,
  recordThread,
  recordThreadInContext,
} from './js-pool-probe.js';

function withThreads<T>(count: number, body: () => T): T {
  const previous = setThreads(count);
  try {
    return body();
  } finally {
    setThreads(previous);
  }
}

describe('JS worker pool', () => {
  it('allocates SharedArrayBuffer-backed arrays only when asked', () => {
    assert.equal(isShared(allocate(4, true)), true);
    assert.equal(isShared(allocate(4, false)), false);
    assert.equal(allocate(3, true).length, 3);
  });

  it('runs chunks on a worker thread as well as the calling thread when two threads are set', () => {
    const out = allocate(16, true).fill(-1);
    withThreads(2, () => parallelFor(recordThread, out.length, [out], []));
    assert.ok(
      out.every((id) => id >= 0),
      'every chunk ran',
    );
    assert.ok(new Set(out).size >= 2, `threads seen: ${[...new Set(out)].join(', ')}`);
  });

  it('hands the job context (a shared WebAssembly.Memory) to every thread', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    const out = new Float64Array(memory.buffer, 0, 16).fill(-1);
    withThreads(2, () => parallelFor(recordThreadInContext, out.length, [], [out.length], memory));
    assert.ok(
      out.every((id) => id >= 0),
      'every chunk ran',
    );
    assert.ok(new Set(out).size >= 2, `threads seen: ${[...new Set(out)].join(', ')}`);
  });

  it('stays on the calling thread with one thread or with unshared buffers', () => {
    const one = allocate(6, true).fill(-1);
    withThreads(1, () => parallelFor(failInWorkers, one.length, [one], []));
    assert.deepEqual(Array.from(one), [1, 2, 3, 4, 5, 6]);
    const unshared = new Float64Array(6);
    withThreads(2, () => parallelFor(failInWorkers, unshared.length, [unshared], []));
    assert.deepEqual(Array.from(unshared), [1, 2, 3, 4, 5, 6]);
    assert.equal(threadId, 0);
  });

  it('redoes on the calling thread the chunks that failed in a worker', () => {
    const out = allocate(64, true);
    withThreads(2, () => {
      parallelFor(recordThread, 4, [allocate(4, true).fill(-1)], []); // the worker is up
      parallelFor(failInWorkers, out.length, [out], []);
    });
    assert.deepEqual(
      Array.from(out),
      Array.from({ length: 64 }, (_, c) => c + 1),
    );
  });

  it('throws the error of a chunk that fails wherever it runs', () => {
    const out = allocate(32, true);
    assert.throws(
      () => withThreads(2, () => parallelFor(failOnChunk, out.length, [out], [17])),
      /chunk 17 is bad/,
    );
    assert.throws(
      () => withThreads(1, () => parallelFor(failOnChunk, out.length, [out], [3])),
      RangeError,
    );
  });

  it('reports the thread count and clamps it to at least one', () => {
    withThreads(0, () => assert.equal(threads(), 1));
    withThreads(3, () => assert.equal(threads(), 3));
  });
});
