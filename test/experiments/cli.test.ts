import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process; returns what it printed and the exit code it set. */
async function run(argv: string[]): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  process.exitCode = 0;
  try {
    await main(['node', 'rmtkit', ...argv]);
  } finally {
    [console.log, console.error] = [log, error];
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join('\n'), err: err.join('\n'), code };
}

describe('rmtkit reproduce (CLI)', () => {
  it('lists the twelve experiments with their quick and full sizes as JSON', async () => {
    const { out, code } = await run(['reproduce', '--list', '--json']);
    assert.equal(code, 0);
    const list = JSON.parse(out) as Array<{
      name: string;
      title: string;
      sizes: { quick: { trials: number }; full: { trials: number } };
    }>;
    assert.deepEqual(
      list.map((e) => e.name),
      [
        'error-vs-alpha',
        'error-vs-lambda',
        'spectrum',
        'bbp',
        'ssr-vs-pca',
        'sketching',
        'free-decompression',
        'ssl-rank',
        'ssl-background',
        'real-data',
        'double-descent',
        'deep-ck',
      ],
    );
    for (const e of list) assert.ok(e.sizes.full.trials > e.sizes.quick.trials, e.name);
  });

  it('rejects an unknown experiment with exit code 2 and the list of names', async () => {
    const { err, code } = await run([
      'reproduce',
      'nonsense',
      '--out',
      join(tmpdir(), 'rmtkit-never'),
    ]);
    assert.equal(code, 2);
    assert.match(
      err,
      /^rmtkit: invalid argument: experiment must be one of error-vs-alpha, .*deep-ck\. Value: "nonsense"\.$/,
    );
  });

  it('rejects --workers 0 naming the flag', async () => {
    const { err, code } = await run(['reproduce', 'bbp', '--workers', '0']);
    assert.equal(code, 2);
    assert.match(err, /--workers/);
  });

  it('names the Debian package to install when a data set is missing, before any sweep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-nodata-'));
    const saved = process.env.RMTKIT_ECG_FILE;
    process.env.RMTKIT_ECG_FILE = join(dir, 'missing-ecg.dat');
    try {
      const { err, code } = await run([
        'reproduce',
        'error-vs-alpha',
        'real-data',
        '--size',
        'tiny',
        '--out',
        dir,
      ]);
      assert.equal(code, 2);
      assert.match(err, /missing-ecg\.dat: not found: install Debian's python3-scipy/);
    } finally {
      if (saved === undefined) delete process.env.RMTKIT_ECG_FILE;
      else process.env.RMTKIT_ECG_FILE = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
