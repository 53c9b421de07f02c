// rmtkit logdet FILE --method ooc --max-mem SIZE --scratch DIR: the out-of-core Cholesky
// log-determinant against the exact in-memory one, resumption, and flag errors.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { logdetCholesky } from '../../src/estimate/logdet-cholesky.js';
import { parseByteSize } from '../../src/estimate/memdet-size.js';
import { writeNpy } from '../../src/io/npy.js';
import { gram } from '../../src/linalg/api.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { runCli } from './run-cli.js';

describe('rmtkit logdet --method ooc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-memdet-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const n = 300;
  const a = gram(gaussianMatrix(600, n, 'cli-memdet'));
  for (let i = 0; i < n; i++) a.data[i * n + i]! += 0.1;
  const file = join(dir, 'A.npy');
  writeNpy(file, a);
  const exact = logdetCholesky(a).logAbsDet;

  it('equals the in-memory Cholesky to 1e-10 and resumes from the scratch folder', async () => {
    const scratch = join(dir, 'scratch');
    const args = ['logdet', file, '--method', 'ooc', '--max-mem', '400KB', '--scratch', scratch];
    const first = await runCli(...args, '--json');
    assert.equal(first.code, 0, first.err);
    const report = JSON.parse(first.out);
    assert.ok(report.blocks >= 3, `${report.blocks} blocks`);
    assert.equal(report.sign, 1);
    assert.equal(report.resumed, false);
    assert.ok(Math.abs(report.logAbsDet - exact) <= 1e-10 * Math.abs(exact));
    const again = await runCli(...args);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /out-of-core blocked Cholesky: .*resumed/);
  });

  it('bad --max-mem or --scratch exit 2 naming the flag', async () => {
    for (const [flags, name] of [
      [['--max-mem', 'lots', '--scratch', join(dir, 's1')], '--max-mem'],
      [['--max-mem', '1KB', '--scratch', join(dir, 's2')], '--max-mem'],
      [['--scratch', join(dir, 's3')], '--max-mem'],
      [['--max-mem', '256MB'], '--scratch'],
    ] as const) {
      const { err, code } = await runCli('logdet', file, '--method', 'ooc', ...flags);
      assert.equal(code, 2, flags.join(' '));
      assert.ok(err.includes(name), err);
    }
  });

  it('parses sizes with binary units', () => {
    assert.equal(parseByteSize('--max-mem', '256MB'), 256 * 2 ** 20);
    assert.equal(parseByteSize('--max-mem', '2GB'), 2 * 2 ** 30);
    assert.equal(parseByteSize('--max-mem', '1.5k'), 1536);
    assert.equal(parseByteSize('--max-mem', '4096'), 4096);
    assert.throws(() => parseByteSize('--max-mem', '0MB'), /--max-mem/);
  });
});
