// Asynchronous native kernels: same results as the synchronous ones, off the JS thread, one job
// at a time (one per core while OpenBLAS is fixed at one thread), inputs snapshotted at call time.

import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { NotPositiveDefiniteError } from '../../src/errors.js';
import { setBlasThreads } from '../../src/linalg/backend.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { native, nativeSuite, randomMatrix, randomSpd, randomSymmetric } from './native-setup.js';

const EPS = 2.220446049250313e-16;

describe('native async kernels', nativeSuite, () => {
  it('return exactly what the synchronous kernels return, for every kernel', async () => {
    const { kernels: k, asyncKernels: ak } = native();
    const a = randomMatrix(5, 7, 1);
    const b = randomMatrix(7, 4, 2);
    const spd = randomSpd(6, 3);
    const l = k.cholesky!(spd);
    const rhs = randomMatrix(6, 3, 4);
    const sym = randomSymmetric(8, 5);
    assert.deepStrictEqual(
      await ak.gemm!(a, b, false, false, 1.5),
      k.gemm!(a, b, false, false, 1.5),
    );
    assert.deepStrictEqual(await ak.gemm!(a, a, true, false, 1), k.gemm!(a, a, true, false, 1));
    assert.deepStrictEqual(await ak.gemm!(b, a, true, true, -1), k.gemm!(b, a, true, true, -1));
    assert.deepStrictEqual(await ak.gram!(b, 1 / 7), k.gram!(b, 1 / 7));
    assert.deepStrictEqual(await ak.cholesky!(spd), l);
    assert.deepStrictEqual(await ak.choleskySolve!(l, rhs), k.choleskySolve!(l, rhs));
    assert.deepStrictEqual(await ak.spdInverse!(spd), k.spdInverse!(spd));
    assert.deepStrictEqual(await ak.eigvalsh!(sym), k.eigvalsh!(sym));
    assert.deepStrictEqual(await ak.eigh!(sym), k.eigh!(sym));
    for (const m of [a, b]) {
      assert.deepStrictEqual(await ak.svd!(m), k.svd!(m));
      assert.deepStrictEqual(await ak.qr!(m), k.qr!(m));
      assert.deepStrictEqual(await ak.qrPivoted!(m), k.qrPivoted!(m));
      assert.deepStrictEqual(await ak.qrR!(m), k.qrR!(m));
    }
    const x = randomMatrix(7, 1, 12).data;
    const u = randomMatrix(5, 1, 13).data;
    assert.deepStrictEqual(await ak.gemv!(a, x, false, 2), k.gemv!(a, x, false, 2));
    assert.deepStrictEqual(await ak.gemv!(a, u, true, -1), k.gemv!(a, u, true, -1));
    for (const [upper, trans, left] of [
      [true, false, true],
      [false, true, false],
    ] as const) {
      const t = upper ? l.transpose() : l;
      const rhs2 = left ? rhs : rhs.transpose();
      assert.deepStrictEqual(
        await ak.trsm!(t, rhs2, upper, trans, left),
        k.trsm!(t, rhs2, upper, trans, left),
      );
    }
    const tall = randomMatrix(7, 2, 14);
    assert.deepStrictEqual(await ak.lstsqQr!(b, tall), k.lstsqQr!(b, tall));
  });

  it('keep the event loop running while an eigh of d = 1500 runs', async () => {
    const d = 1500;
    const a = randomSymmetric(d, 6);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const start = performance.now();
    const pending = native().asyncKernels.eigh!(a);
    const callMs = performance.now() - start;
    const { values, vectors } = await pending;
    const totalMs = performance.now() - start;
    clearInterval(timer);
    // The call only copies the input; the decomposition runs on the libuv pool while timers fire.
    assert.ok(
      callMs < totalMs / 5,
      `the call blocked for ${callMs.toFixed(0)} of ${totalMs.toFixed(0)} ms`,
    );
    assert.ok(ticks >= 3, `only ${ticks} timer ticks in ${totalMs.toFixed(0)} ms`);
    // Sanity of the result: ‖A v − λ v‖ for the largest eigenpair, within a backward-error bound.
    const j = d - 1;
    let residual = 0;
    let norm = 0;
    for (let r = 0; r < d; r++) {
      let av = 0;
      for (let c = 0; c < d; c++) av += a.data[r * d + c]! * vectors.data[c * d + j]!;
      residual = Math.max(residual, Math.abs(av - values[j]! * vectors.data[r * d + j]!));
      norm = Math.max(norm, Math.abs(values[r]!));
    }
    assert.ok(residual <= 30 * d * EPS * norm, `residual ${residual}`);
  });

  it('snapshot their inputs at call time, whether they start at once or wait in the queue', async () => {
    const { kernels, asyncKernels } = native();
    const a = randomSymmetric(300, 7);
    const expected = kernels.eigvalsh!(a);
    const first = asyncKernels.eigvalsh!(a); // starts now: the addon copies a
    const queued = asyncKernels.eigvalsh!(a); // waits: the queue copies a
    a.data.fill(0);
    assert.deepStrictEqual(await first, expected);
    assert.deepStrictEqual(await queued, expected);
  });

  /** The order in which a large job and three tiny ones called after it finish. */
  async function finishingOrder(): Promise<number[]> {
    const { asyncKernels } = native();
    const order: number[] = [];
    const jobs = [
      asyncKernels.eigh!(randomSymmetric(500, 8)),
      asyncKernels.eigvalsh!(randomSymmetric(5, 9)),
      asyncKernels.gram!(randomMatrix(4, 3, 10), 1),
      asyncKernels.qr!(randomMatrix(3, 3, 11)),
    ].map((job, i) => job.then(() => order.push(i)));
    await Promise.all(jobs);
    return order;
  }

  it('run one at a time while OpenBLAS may use every core, finishing in call order even when later jobs are smaller', async () => {
    const before = setBlasThreads(availableParallelism())!;
    try {
      assert.equal(native().asyncLanes!(), 1);
      assert.deepEqual(await finishingOrder(), [0, 1, 2, 3]);
    } finally {
      setBlasThreads(before);
    }
  });

  it('run one job per core side by side while OpenBLAS is fixed at one thread', async () => {
    const before = setBlasThreads(1)!;
    try {
      // The native backend's own lanes: with RMTKIT_BACKEND=js the active backend is JS.
      assert.equal(native().asyncLanes!(), availableParallelism());
      // With two lanes the tiny jobs pass the eigh of d = 500 (tens of milliseconds).
      const order = await finishingOrder();
      if (availableParallelism() > 1) assert.notEqual(order[0], 0);
      else assert.deepEqual(order, [0, 1, 2, 3]);
    } finally {
      setBlasThreads(before);
    }
  });

  it('keep running queued jobs after one is rejected', async () => {
    const { asyncKernels } = native();
    const failing = asyncKernels.cholesky!(Matrix.diagonal([1, -1]));
    const next = asyncKernels.eigvalsh!(
      Matrix.fromRows([
        [2, 1],
        [1, 2],
      ]),
    );
    await assert.rejects(failing, NotPositiveDefiniteError);
    const values = await next;
    assert.ok(Math.abs(values[0]! - 1) <= 4 * EPS && Math.abs(values[1]! - 3) <= 4 * 3 * EPS);
  });
});
