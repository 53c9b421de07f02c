// The native addon's job lock across threads: while OpenBLAS's count is fixed at one thread, each
// job runs on its caller's thread alone, so jobs of several worker threads (a sweep's workers)
// run side by side; with more threads they run one at a time, as before.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { setBlasThreads } from '../../src/linalg/backend.js';
import { native, nativeSuite } from './native-setup.js';

const addon = join(fileURLToPath(new URL('../../', import.meta.url)), 'build/Release/rmtkit.node');

// Worker 'long' raises flag 0, runs one large Gram (9·10⁹ operations: a quarter of a second or
// more on one thread) and reports how long it took, then raises flag 1. Worker 'short' runs 4 × 4
// Grams from flag 0 to flag 1 and reports the longest one. One job at a time, one of its calls
// waits for the large Gram to finish (about its whole duration); side by side, none waits.
const SCRIPT = `
const { workerData, parentPort } = require('node:worker_threads');
const addon = require(workerData.addon);
const flags = new Int32Array(workerData.flags);
if (workerData.role === 'long') {
  const n = 4000, d = 1500;
  const x = new Float64Array(n * d);
  for (let i = 0; i < x.length; i++) x[i] = Math.sin(i);
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
  const start = performance.now();
  addon.gram(x, n, d, 1 / n);
  const took = performance.now() - start;
  Atomics.store(flags, 1, 1);
  parentPort.postMessage(took);
} else {
  const x = new Float64Array(16).fill(1);
  Atomics.wait(flags, 0, 0);
  let longest = 0;
  while (Atomics.load(flags, 1) === 0) {
    const start = performance.now();
    addon.gram(x, 4, 4, 1);
    longest = Math.max(longest, performance.now() - start);
  }
  parentPort.postMessage(longest);
}`;

/**
 * The duration of one worker's large Gram and the longest small Gram another worker ran
 * meanwhile, in milliseconds.
 */
async function smallCallsDuringLargeOne(): Promise<{ large: number; longestSmall: number }> {
  const flags = new SharedArrayBuffer(8);
  const start = (role: string) =>
    new Promise<number>((resolve, reject) => {
      const worker = new Worker(SCRIPT, { eval: true, workerData: { addon, flags, role } });
      worker.once('message', (value: number) => {
        void worker.terminate();
        resolve(value);
      });
      worker.once('error', reject);
    });
  const [large, longestSmall] = await Promise.all([start('long'), start('short')]);
  return { large, longestSmall };
}

describe('native backend across worker threads', nativeSuite, () => {
  it('runs jobs of two threads side by side while the count is fixed at one thread, one at a time with two', async () => {
    native();
    const before = setBlasThreads(1);
    try {
      const sideBySide = await smallCallsDuringLargeOne();
      assert.ok(
        sideBySide.longestSmall < sideBySide.large / 2,
        `a small call took ${sideBySide.longestSmall} ms beside a ${sideBySide.large} ms job`,
      );
      setBlasThreads(2);
      const oneAtATime = await smallCallsDuringLargeOne();
      assert.ok(
        oneAtATime.longestSmall > oneAtATime.large / 2,
        `no small call waited for the ${oneAtATime.large} ms two-thread job (longest ${oneAtATime.longestSmall} ms)`,
      );
    } finally {
      if (before !== undefined) setBlasThreads(before);
    }
  });
});
