// Asynchronous native kernels with borrowed inputs (`nameAsyncBorrowed`, borrowingAsyncKernels):
// the same results as the copying ones, the caller's arrays read in place and never modified, a
// waiting job handed the arrays themselves, and a buffer transferred mid-job reported.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NativeArg } from '../../src/linalg/backends/native/addon.js';
import { JobQueue } from '../../src/linalg/backends/native/queue.js';
import type { AsyncKernels } from '../../src/linalg/kernels.js';
import { native, nativeSuite, randomMatrix, randomSymmetric } from './native-setup.js';

function borrowing(): Partial<AsyncKernels> {
  const kernels = native().borrowingAsyncKernels;
  assert.ok(kernels, 'the addon has no borrowing variants: rebuild it (npm rebuild rmtkit)');
  return kernels;
}

describe('native async kernels with borrowed inputs', nativeSuite, () => {
  it('return exactly what the copying variants return, and leave the inputs as they were', async () => {
    const { asyncKernels: copying } = native();
    const b = borrowing();
    const tall = randomMatrix(40, 17, 1);
    const wide = randomMatrix(9, 30, 2);
    const sym = randomSymmetric(12, 3);
    const before = [tall.data.slice(), wide.data.slice(), sym.data.slice()];
    for (const [x, outer] of [
      [tall, false],
      [wide, true],
      [tall, true],
    ] as const)
      assert.deepStrictEqual(
        await b.gramEigvalsh!(x, 1, outer, false),
        await copying.gramEigvalsh!(x, 1, outer, false),
      );
    assert.deepStrictEqual(await b.gram!(tall, 0.5), await copying.gram!(tall, 0.5));
    assert.deepStrictEqual(
      await b.gemm!(wide, wide, false, true, 2),
      await copying.gemm!(wide, wide, false, true, 2),
    );
    assert.deepStrictEqual(await b.eigh!(sym), await copying.eigh!(sym));
    assert.deepStrictEqual(await b.svd!(wide), await copying.svd!(wide));
    assert.deepStrictEqual([tall.data, wide.data, sym.data], before);
  });

  it('reject, naming the cause, when an input buffer is transferred while the job runs', async () => {
    const x = randomMatrix(2000, 600, 4);
    const pending = borrowing().gramEigvalsh!(x, 1, false, false);
    // The transferred memory stays alive in `moved` until the job has ended.
    const moved = structuredClone(x.data.buffer, { transfer: [x.data.buffer] });
    await assert.rejects(pending, /detached \(transferred\) while the job read it/);
    assert.equal(moved.byteLength, 2000 * 600 * 8);
  });
});

describe('JobQueue with borrowed jobs', () => {
  it('hands a waiting borrowed job its arrays themselves, a waiting copying job a snapshot', async () => {
    const queue = new JobQueue(() => 1);
    const seen: NativeArg[][] = [];
    let release = () => {};
    const blocker = queue.run([], () => new Promise<void>((resolve) => (release = resolve)));
    const data = new Float64Array([1, 2, 3]);
    const record = (args: NativeArg[]) => {
      seen.push(args);
      return Promise.resolve();
    };
    const borrowed = queue.run([data, 3], record, true);
    const copied = queue.run([data, 3], record);
    release();
    await Promise.all([blocker, borrowed, copied]);
    assert.equal(seen[0]![0], data);
    assert.notEqual(seen[1]![0], data);
    assert.deepStrictEqual(seen[1]![0], data);
  });
});
