// memdetLogdet: the out-of-core blocked Cholesky log-determinant of a .npy file against the
// in-memory logdetCholesky, resumption after an interruption, and its refusals.

import assert from 'node:assert/strict';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  DataFormatError,
  InvalidArgumentError,
  NotPositiveDefiniteError,
} from '../../src/errors.js';
import { logdetCholesky } from '../../src/estimate/logdet-cholesky.js';
import { MEMDET_WORKING_TILES, memdetLogdet } from '../../src/estimate/memdet.js';
import { writeNpy } from '../../src/io/npy.js';
import { gram } from '../../src/linalg/api.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';

const dir = mkdtempSync(join(tmpdir(), 'memdet-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const N = 600;
/** A cap giving 128×128 tiles: 5×5 blocks for n = 600. */
const CAP = MEMDET_WORKING_TILES * 8 * 128 * 128;

function spd(n: number, seed: number): Matrix {
  const a = gram(gaussianMatrix(2 * n, n, seed));
  for (let i = 0; i < n; i++) a.data[i * n + i] += 0.5;
  return a;
}

const A = spd(N, 11);
const file = join(dir, 'A.npy');
writeNpy(file, A);
const expected = logdetCholesky(A).logAbsDet;
let scratchCount = 0;
const freshScratch = (): string => join(dir, `scratch-${scratchCount++}`);

describe('memdetLogdet', () => {
  it('equals the in-memory Cholesky log-det to 1e-10 relative with ≥ 4×4 blocks', () => {
    const scratch = freshScratch();
    const r = memdetLogdet(file, { maxMemory: CAP, scratch });
    assert.equal(r.blockSize, 128);
    assert.equal(r.blocks, 5);
    assert.equal(r.sign, 1);
    assert.equal(r.resumed, false);
    assert.ok(
      Math.abs(r.logAbsDet - expected) <= 1e-10 * Math.abs(expected),
      `${r.logAbsDet} vs ${expected}`,
    );
    // Tiles are removed at the end; the progress file keeps the answer.
    assert.deepEqual(readdirSync(scratch), ['progress.json']);
    const again = memdetLogdet(file, { maxMemory: CAP, scratch });
    assert.equal(again.logAbsDet, r.logAbsDet);
    assert.equal(again.resumed, true);
  });

  it('an interrupted run resumes from its scratch folder and gives the same answer', () => {
    const scratch = freshScratch();
    const full = memdetLogdet(file, { maxMemory: CAP, scratch: freshScratch() });
    const seen: number[] = [];
    assert.throws(
      () =>
        memdetLogdet(file, {
          maxMemory: CAP,
          scratch,
          onProgress: (p) => {
            seen.push(p.step);
            if (p.step === 2) throw new Error('killed');
          },
        }),
      /killed/,
    );
    assert.deepEqual(seen, [1, 2]);
    const progress = JSON.parse(readFileSync(join(scratch, 'progress.json'), 'utf8'));
    assert.equal(progress.stepsDone, 2);
    const steps: number[] = [];
    const r = memdetLogdet(file, {
      maxMemory: CAP,
      scratch,
      onProgress: (p) => steps.push(p.step),
    });
    assert.deepEqual(steps, [3, 4, 5]);
    assert.equal(r.resumed, true);
    assert.equal(r.logAbsDet, full.logAbsDet);
    assert.ok(Math.abs(r.logAbsDet - expected) <= 1e-10 * Math.abs(expected));
  });

  it('a run interrupted in the middle of a block column recomputes it', () => {
    const scratch = freshScratch();
    assert.throws(() =>
      memdetLogdet(file, {
        maxMemory: CAP,
        scratch,
        onProgress: (p) => {
          if (p.step === 3) throw new Error('killed');
        },
      }),
    );
    // Pretend the kill came during step 3: progress says 2, a tile of column 2 is garbage.
    const progressFile = join(scratch, 'progress.json');
    const progress = JSON.parse(readFileSync(progressFile, 'utf8'));
    const partial = memdetLogdet(file, {
      maxMemory: CAP,
      scratch: freshScratch(),
      onProgress: (p) => {
        if (p.step === 2) progress.logAbsDet = p.partialLogAbsDet;
      },
    });
    progress.stepsDone = 2;
    writeFileSync(progressFile, JSON.stringify(progress));
    writeFileSync(join(scratch, 'L-4-2.f64'), new Uint8Array(8 * 128 * 88).fill(7));
    const r = memdetLogdet(file, { maxMemory: CAP, scratch });
    assert.equal(r.logAbsDet, partial.logAbsDet);
  });

  it('refuses a scratch folder from another file', () => {
    const scratch = freshScratch();
    memdetLogdet(file, { maxMemory: CAP, scratch });
    const other = join(dir, 'B.npy');
    writeNpy(other, spd(N, 12));
    assert.throws(
      () => memdetLogdet(other, { maxMemory: CAP, scratch }),
      (e: unknown) =>
        e instanceof InvalidArgumentError &&
        e.argument === 'scratch' &&
        /another input/.test(e.message),
    );
  });

  it('a cap below the smallest tiles names maxMemory', () => {
    const minimum = MEMDET_WORKING_TILES * 8 * 64 * 64;
    assert.throws(
      () => memdetLogdet(file, { maxMemory: minimum - 1, scratch: freshScratch() }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'maxMemory',
    );
    assert.throws(
      () => memdetLogdet(file, { maxMemory: Number.NaN, scratch: freshScratch() }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'maxMemory',
    );
  });

  it('a truncated or non-square file is a DataFormatError naming it', () => {
    const cut = join(dir, 'cut.npy');
    writeNpy(cut, A);
    truncateSync(cut, 128 + 8 * N * N - 100);
    assert.throws(
      () => memdetLogdet(cut, { maxMemory: CAP, scratch: freshScratch() }),
      (e: unknown) =>
        e instanceof DataFormatError && e.message.includes(cut) && /truncated/.test(e.message),
    );
    const wide = join(dir, 'wide.npy');
    writeNpy(wide, gaussianMatrix(10, 20, 1));
    assert.throws(
      () => memdetLogdet(wide, { maxMemory: CAP, scratch: freshScratch() }),
      (e: unknown) =>
        e instanceof DataFormatError && e.message.includes(wide) && /square/.test(e.message),
    );
  });

  it('an indefinite matrix names the global leading minor; an asymmetric one is refused', () => {
    const bad = A.clone();
    bad.data[400 * N + 400] = -1;
    const path = join(dir, 'indefinite.npy');
    writeNpy(path, bad);
    assert.throws(
      () => memdetLogdet(path, { maxMemory: CAP, scratch: freshScratch() }),
      (e: unknown) =>
        e instanceof NotPositiveDefiniteError && e.minor === 401 && e.argument === path,
    );
    const skew = A.clone();
    skew.data[5 * N + 300] += 1;
    const skewPath = join(dir, 'skew.npy');
    writeNpy(skewPath, skew);
    assert.throws(
      () => memdetLogdet(skewPath, { maxMemory: CAP, scratch: freshScratch() }),
      (e: unknown) => e instanceof InvalidArgumentError && /symmetric/.test(e.message),
    );
  });
});
