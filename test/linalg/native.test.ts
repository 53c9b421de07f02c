// The native (OpenBLAS/LAPACKE) backend itself: loading, typed errors, argument checks in the
// addon, and the fallback to JS without a build. Numerical agreement with numpy for every kernel
// is the conformance suite's job (conformance.test.ts).

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ConvergenceError,
  InvalidArgumentError,
  NotPositiveDefiniteError,
} from '../../src/errors.js';
import { setBlasThreads } from '../../src/linalg/backend.js';
import { translateNativeError } from '../../src/linalg/backends/native/errors.js';
import { loadNativeBackend } from '../../src/linalg/backends/native/load.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { loaded, native, nativeSuite } from './native-setup.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Loads the addon in a child process with extra environment variables (its settings apply when it
 * loads) and returns the JSON value of `expression` (or of the promise it gives), which may use
 * `backend` and `gaussianMatrix`.
 */
function inFreshProcess(env: Record<string, string>, expression: string): unknown {
  const script = `Promise.all([import('./src/linalg/backends/native/load.ts'), import('./src/random/index.ts')]).then(([m, { gaussianMatrix }]) => {
    const backend = m.loadNativeBackend().backend;
    return Promise.resolve(${expression}).then((value) => console.log(JSON.stringify(value)));
  })`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout);
}

describe('native backend', nativeSuite, () => {
  it('loads the addon and reports the OpenBLAS configuration and thread count', () => {
    const backend = native();
    assert.equal(backend.name, 'native');
    assert.ok(backend.priority > 0, 'native must outrank the JS backend');
    assert.match(String(backend.details?.openblas), /OpenBLAS \d+\.\d+/);
    assert.ok(Number(backend.details?.openblasThreads) >= 1);
  });

  it('tunes glibc to reuse freed memory for large arrays unless RMTKIT_MALLOC_TUNING=0', () => {
    // glibc only: the Debian machines this runs on. A fresh 8 MB array then costs a memset, not
    // ~2000 page faults, once a garbage collection has freed earlier results.
    assert.equal(native().details?.mallocTuned, process.env.RMTKIT_MALLOC_TUNING !== '0');
    const details = inFreshProcess({ RMTKIT_MALLOC_TUNING: '0' }, 'backend.details') as {
      mallocTuned: boolean;
    };
    assert.equal(details.mallocTuned, false);
  });

  it('leaves OpenBLAS waiting with sched_yield unless RMTKIT_BLAS_SPIN=1 makes one before 0.3.27 spin in user space, with the same results', () => {
    const [, minor, patch] = /OpenBLAS (\d+)\.(\d+)\.(\d+)/
      .exec(String(native().details?.openblas))!
      .slice(1)
      .map(Number) as [number, number, number];
    const older = minor < 3 || (minor === 3 && patch < 27);
    const x64Linux = process.arch === 'x64' && process.platform === 'linux';
    assert.equal(
      native().details?.blasSpin,
      older && x64Linux && process.env.RMTKIT_BLAS_SPIN === '1',
    );
    // A reduction big enough for OpenBLAS to run its threaded kernels, in both settings.
    const expression = `{ spin: backend.details.blasSpin, values: [...backend.kernels.eigvalsh(backend.kernels.gram(gaussianMatrix(400, 300, 5), 1 / 400))] }`;
    const run = (spin: string) =>
      inFreshProcess({ RMTKIT_BLAS_SPIN: spin }, expression) as { spin: boolean; values: number[] };
    const [spinning, yielding, unset] = [run('1'), run('0'), run('')];
    assert.equal(spinning.spin, older && x64Linux);
    assert.equal(yielding.spin, false);
    assert.equal(unset.spin, false, 'off unless it is 1');
    assert.deepEqual(spinning.values, yielding.values);
  });

  it('fixes the OpenBLAS thread count process-wide and returns the previous setting', () => {
    const before = setBlasThreads(1)!;
    assert.equal(
      before,
      process.env.OPENBLAS_NUM_THREADS ? Number(process.env.OPENBLAS_NUM_THREADS) : 'auto',
    );
    assert.equal(setBlasThreads(before), 1);
    assert.throws(() => setBlasThreads(0), /threads must be an integer ≥ 1 or 'auto'\. Value: 0\./);
  });

  it('runs a small call on one OpenBLAS thread and restores the count, unless setBlasThreads or OPENBLAS_NUM_THREADS fixed one', () => {
    // A fresh process, so that the environment is the one given here. spdInverse at d = 60 does
    // 2·10⁵ operations, far below its threshold (native/calls.cc); gram of 800×500 does 2·10⁸, its
    // threshold, and must run on all threads.
    const addonPath = join(root, 'build/Release/rmtkit.node');
    const expression = `(() => {
      const addon = require(${JSON.stringify(addonPath)});
      const { kernels, asyncKernels } = backend;
      const small = gaussianMatrix(80, 60, 1);
      const spd = kernels.gram(small, 1 / 80);
      const big = gaussianMatrix(800, 500, 2);
      const seen = (run) => { run(); return [addon.info().lastCallThreads, addon.info().threads]; };
      const result = { max: addon.info().threads, perCall: addon.info().threadsPerCall };
      result.small = seen(() => kernels.spdInverse(spd));
      result.large = seen(() => kernels.gram(big, 1));
      result.fixed = backend.setThreads(result.max);
      result.smallFixed = seen(() => kernels.spdInverse(spd));
      result.fixedOne = backend.setThreads(1);
      result.largeFixedOne = seen(() => kernels.gram(big, 1));
      result.back = backend.setThreads('auto');
      result.smallAgain = seen(() => kernels.spdInverse(spd));
      return asyncKernels.spdInverse(spd).then(() => {
        result.smallAsync = [addon.info().lastCallThreads, addon.info().threads];
        return result;
      });
    })()`;
    const free = inFreshProcess(
      { OPENBLAS_NUM_THREADS: '', GOTO_NUM_THREADS: '', OMP_NUM_THREADS: '' },
      expression,
    ) as Record<string, unknown>;
    const max = free.max as number;
    assert.equal(free.perCall, max > 1, 'per call wherever OpenBLAS has more than one thread');
    assert.deepEqual(free.small, [1, max], 'one thread during the small call, the maximum after');
    assert.deepEqual(free.large, [max, max]);
    assert.equal(free.fixed, 'auto');
    assert.deepEqual(free.smallFixed, [max, max], 'a fixed count wins over the size rule');
    assert.equal(free.fixedOne, max);
    assert.deepEqual(free.largeFixedOne, [1, 1]);
    assert.equal(free.back, 1);
    assert.deepEqual(free.smallAgain, [1, max]);
    assert.deepEqual(free.smallAsync, [1, max]);
    // OPENBLAS_NUM_THREADS fixes the count for every call, and 'auto' returns to it.
    const env = inFreshProcess({ OPENBLAS_NUM_THREADS: '2' }, expression) as Record<
      string,
      unknown
    >;
    assert.equal(env.perCall, false);
    assert.deepEqual(env.small, [2, 2]);
    assert.equal(env.fixed, 2);
    assert.equal(env.back, 1);
    assert.deepEqual(env.smallAgain, [2, 2]);
    assert.deepEqual(env.smallAsync, [2, 2]);
  });

  it('runs a mid-size call on one thread by default, and with RMTKIT_BLAS_IDLE=1 mid-size and large calls while every core is busy', () => {
    // eigvalsh at d = 400 does 8.5·10⁷ operations: above the tiny-job cut (2·10⁷), below the
    // LAPACK threshold (2·10⁹). By default its count is one whatever the load (so its bits never
    // depend on the moment); with RMTKIT_BLAS_IDLE=1 it follows the idle cores. Busy loops in
    // other processes, one per core, are runnable for the whole call whatever the rest of the
    // machine does, so no core is idle.
    const cores = availableParallelism();
    const busy = Array.from({ length: cores }, () =>
      spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
    );
    const expression = `(() => {
      const addon = require(${JSON.stringify(join(root, 'build/Release/rmtkit.node'))});
      const a = backend.kernels.gram(gaussianMatrix(500, 400, 3), 1 / 500);
      backend.kernels.eigvalsh(a);
      const mid = addon.info().lastCallThreads;
      const spd = backend.kernels.gram(gaussianMatrix(1400, 1300, 4), 1);
      backend.kernels.spdInverse(spd);
      const info = addon.info();
      return { perCall: info.threadsPerCall, idle: info.blasIdleCores, threads: mid, large: info.lastCallThreads, all: info.threads };
    })()`;
    const free = { OPENBLAS_NUM_THREADS: '', GOTO_NUM_THREADS: '', OMP_NUM_THREADS: '' };
    try {
      for (const idle of ['', '1']) {
        const seen = inFreshProcess({ ...free, RMTKIT_BLAS_IDLE: idle }, expression) as {
          perCall: boolean;
          idle: boolean;
          threads: number;
          large: number;
          all: number;
        };
        assert.equal(seen.idle, idle === '1');
        if (!seen.perCall) continue;
        assert.equal(seen.threads, 1, `RMTKIT_BLAS_IDLE=${idle}`);
        // A LAPACK call above its threshold (spdInverse at d = 1300: 2.2·10⁹ operations) takes
        // every thread by default (info().threads between calls), with the rule the idle cores.
        assert.equal(seen.large, idle === '1' ? 1 : seen.all, `RMTKIT_BLAS_IDLE=${idle}, large`);
      }
    } finally {
      for (const child of busy) child.kill('SIGKILL');
    }
  });

  it('throws NotPositiveDefiniteError naming the first non-positive leading minor, sync and async', async () => {
    const a = Matrix.diagonal([4, 1, -2, 3]);
    const { kernels, asyncKernels } = native();
    for (const run of [() => kernels.cholesky!(a), () => kernels.spdInverse!(a)]) {
      assert.throws(
        run,
        (e: unknown) =>
          e instanceof NotPositiveDefiniteError && e.minor === 3 && e.argument === 'a',
      );
    }
    await assert.rejects(
      asyncKernels.cholesky!(a),
      (e: unknown) => e instanceof NotPositiveDefiniteError && e.minor === 3,
    );
    await assert.rejects(
      asyncKernels.spdInverse!(a),
      (e: unknown) => e instanceof NotPositiveDefiniteError && e.minor === 3,
    );
  });

  it('turns eigensolver and SVD convergence failures into ConvergenceError and passes other errors through', () => {
    const lapack = (routine: string, info: number) =>
      Object.assign(new Error('x'), { code: 'ERR_RMTKIT_LAPACK', routine, info });
    const eig = translateNativeError(lapack('dsyevd', 4), 'eigh');
    assert.ok(
      eig instanceof ConvergenceError && eig.kernel === 'eigh' && /dsyevd/.test(eig.message),
    );
    assert.ok(translateNativeError(lapack('dgesdd', 1), 'svd') instanceof ConvergenceError);
    const rank = translateNativeError(lapack('dgels', 3), 'lstsqQr');
    assert.ok(
      rank instanceof InvalidArgumentError &&
        rank.argument === 'a' &&
        /full column rank; diagonal entry \(2, 2\)/.test(rank.message),
    );
    const invalid = lapack('dgesdd', -5);
    assert.equal(translateNativeError(invalid, 'svd'), invalid);
    const other = new RangeError('unrelated');
    assert.equal(translateNativeError(other, 'gemm'), other);
  });

  it('rejects malformed addon arguments with a TypeError instead of reading out of bounds', () => {
    const addon = createRequire(import.meta.url)(join(root, 'build/Release/rmtkit.node')) as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    assert.throws(() => addon.eigvalsh!(new Float64Array(3), 2), TypeError);
    assert.throws(() => addon.eigvalsh!([1, 0, 0, 1], 2), TypeError);
    assert.throws(() => addon.cholesky!(new Float64Array(4), -2), TypeError);
    assert.throws(
      () => addon.gemm!(new Float64Array(6), 2, 3, new Float64Array(6), 2, 3, false, false, 1),
      TypeError,
    );
    assert.throws(() => addon.eighAsync!(new Float64Array(5), 2), TypeError);
    assert.throws(
      () => addon.gemv!(new Float64Array(6), 2, 3, new Float64Array(2), false, 1),
      TypeError,
    );
    assert.throws(
      () => addon.trsm!(new Float64Array(4), 2, new Float64Array(6), 3, 2, true, false, true),
      TypeError,
    );
    assert.throws(() => addon.qrR!(new Float64Array(5), 2, 3), TypeError);
    // dgels would need a taller right-hand side buffer for a wide a.
    assert.throws(
      () => addon.lstsqQr!(new Float64Array(6), 2, 3, new Float64Array(2), 1),
      TypeError,
    );
  });

  it('handles empty dimensions: a product over k = 0 is the zero matrix', () => {
    const { kernels } = native();
    const c = kernels.gemm!(Matrix.zeros(3, 0), Matrix.zeros(0, 2), false, false, 1);
    assert.deepEqual([c.rows, c.cols, Array.from(c.data)], [3, 2, [0, 0, 0, 0, 0, 0]]);
    assert.equal(kernels.eigvalsh!(Matrix.zeros(0, 0)).length, 0);
    const g = kernels.gram!(Matrix.zeros(0, 2), 1);
    assert.deepEqual(Array.from(g.data), [0, 0, 0, 0]);
    // gemv over an empty inner dimension is the zero vector too; BLAS would leave y untouched.
    assert.deepEqual(
      [...kernels.gemv!(Matrix.zeros(3, 0), new Float64Array(0), false, 1)],
      [0, 0, 0],
    );
    assert.deepEqual([...kernels.gemv!(Matrix.zeros(0, 2), new Float64Array(0), true, 1)], [0, 0]);
    const x = kernels.trsm!(Matrix.identity(2), Matrix.zeros(2, 0), true, false, true);
    assert.deepEqual([x.rows, x.cols], [2, 0]);
    assert.deepEqual([...kernels.qrPivoted!(Matrix.zeros(0, 3)).perm], [0, 1, 2]);
    const r = kernels.qrR!(Matrix.zeros(0, 3));
    assert.deepEqual([r.rows, r.cols, r.data.length], [0, 3, 0]);
  });
});

describe('without the native addon', () => {
  it('says why the native backend is unavailable instead of throwing', () => {
    const missing = loadNativeBackend(new URL('file:///nonexistent/build/Release/rmtkit.node'));
    assert.equal(missing.backend, undefined);
    assert.match(missing.reason, /not built.*libopenblas-dev/);
    const foreign = loadNativeBackend(new URL('../../package.json', import.meta.url));
    assert.equal(foreign.backend, undefined);
    assert.match(foreign.reason, /failed to load/);
    assert.ok(loaded.reason.length > 0);
  });

  it('runs every linalg call on the JS backend when build/ is missing', () => {
    // A copy of the package with no build/ four levels above its native loader.
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-nobuild-'));
    try {
      cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
      cpSync(join(root, 'package.json'), join(dir, 'package.json')); // "type": "module" for src/
      const script = join(dir, 'check.mts');
      writeFileSync(
        script,
        `import * as linalg from './src/linalg/index.ts';
import { Matrix } from './src/linalg/matrix.ts';
const a = Matrix.fromRows([[2, 1], [1, 2]]);
console.log(JSON.stringify({ backend: linalg.backend(), available: linalg.availableBackends(),
  reason: linalg.nativeUnavailableReason(), values: Array.from(linalg.eigvalsh(a)),
  chol: Array.from(linalg.cholesky(a).data) }));`,
      );
      const env = { ...process.env };
      delete env.RMTKIT_BACKEND;
      const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      assert.equal(child.status, 0, child.stderr);
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
      assert.equal(result.backend, 'js');
      assert.deepEqual(result.available, ['js']);
      assert.match(result.reason, /not built/);
      assert.ok(Math.abs(result.values[0] - 1) < 1e-14 && Math.abs(result.values[1] - 3) < 1e-14);
      assert.ok(Math.abs(result.chol[0] - Math.SQRT2) < 1e-15 && result.chol[1] === 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
