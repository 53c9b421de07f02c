import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI_LIMITS, limitNote } from '../../src/cli/limits.js';
import { DataFormatError } from '../../src/errors.js';
import { ResultStore } from '../../src/experiments/store.js';
import { parseCsv } from '../../src/io/csv-parse.js';
import { runCli } from '../cli/run-cli.js';

const hasControl = (text: string): boolean =>
  [...text].some((c) => c.charCodeAt(0) < 32 && c !== '\n');

/** Asserts a one-line refusal with exit code 2 matching `pattern`. */
async function refused(pattern: RegExp, ...args: string[]): Promise<void> {
  const { err, code } = await runCli(...args);
  assert.equal(code, 2, `${args.join(' ')}: exit ${code}, ${err}`);
  assert.match(err, pattern);
  assert.equal(err.trim().split('\n').length, 1, err);
  assert.ok(!hasControl(err) && !/at .*\.ts:\d+/.test(err), err);
}

/** Runs `f` with RMTKIT_MAX_MEMORY set to `limit`, and unsets it afterwards. */
async function withMemoryLimit(limit: string, f: () => Promise<void>): Promise<void> {
  process.env.RMTKIT_MAX_MEMORY = limit;
  try {
    await f();
  } finally {
    delete process.env.RMTKIT_MAX_MEMORY;
  }
}

describe('hostile command lines: sizes, outputs, extreme values, CSV', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rmtkit-hostile-cli-'));
    writeFileSync(join(dir, 'x.csv'), '1,2\n3,4\n5,7\n');
    writeFileSync(
      join(dir, 'wide.csv'),
      `${Array(60_000).fill(1).join(',')}\n${Array(60_000).fill(2).join(',')}\n`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses sizes that cannot fit in memory, with the number, before allocating', async () => {
    await refused(
      /--d needs about 2\.4e\+19 bytes of memory/,
      'theory',
      '--cov',
      'ar1:0.5',
      '--d',
      '1e9',
      '--alpha',
      '1',
      '--lambda',
      '0.1',
    );
    await withMemoryLimit('4G', async () => {
      await refused(
        /--d needs about 60\.0 GB of memory .* more than the 4\.3 GB allowed/,
        'theory',
        '--cov',
        'ar1:0.5',
        '--d',
        '50000',
        '--alpha',
        '1',
        '--lambda',
        '0.1',
      );
      await refused(
        /--data needs about \d+\.\d GB of memory for masked SSR on 2×60000 data/,
        'fit',
        '--data',
        join(dir, 'wide.csv'),
        '--lambda',
        '0.1',
      );
    });
  });

  it('reads only regular data files that fit the memory limit (no /dev/zero, no FIFO)', async () => {
    await refused(
      /\/dev\/zero: is not a regular file/,
      'fit',
      '--data',
      '/dev/zero',
      '--lambda',
      '0.1',
    );
    await withMemoryLimit('100', async () => {
      await refused(
        /wide\.csv: is \d+ bytes, more than the 100 bytes a command may load/,
        'fit',
        '--data',
        join(dir, 'wide.csv'),
        '--lambda',
        '0.1',
      );
    });
  });

  it('states and enforces the limits of count flags', async () => {
    await refused(
      /--grid must be an integer in \[16, 100000\]\. Value: 100000000/,
      'spectrum',
      '--cov',
      'iso',
      '--d',
      'inf',
      '--alpha',
      '2',
      '--lambda',
      '0.1',
      '--grid',
      '1e8',
    );
    await refused(/--seeds must be an integer in \[1, 1000\]/, 'demo', '--seeds', '1e9');
    assert.equal(limitNote(CLI_LIMITS.grid), '(at most 100,000)');
  });

  it('reports output-side failures in one line with exit 2 (no stack, no endless mkdir)', async () => {
    const fit = (out: string) => [
      'fit',
      '--data',
      join(dir, 'x.csv'),
      '--lambda',
      '0.1',
      '--out',
      out,
    ];
    await refused(
      /\/nonexistent\/A\.npy: cannot open: no such file or directory \(ENOENT\)/,
      ...fit('/nonexistent/A.npy'),
    );
    await refused(/: cannot open: is a directory \(EISDIR\)/, ...fit(dir));
    await refused(/\/proc\/x\/A\.npy: cannot open/, ...fit('/proc/x/A.npy'));
    await refused(
      /\/etc\/passwd\/A\.npy: cannot open: a parent is not a directory/,
      ...fit('/etc/passwd/A.npy'),
    );
  });

  it('turns a corrupted results.sqlite into a one-line data error', () => {
    const file = join(dir, 'results.sqlite');
    writeFileSync(file, 'this is not a database, just text '.repeat(200));
    assert.throws(
      () => new ResultStore(file),
      (e: unknown) =>
        e instanceof DataFormatError &&
        /results\.sqlite: is not a usable result store \(SQLITE_NOTADB/.test(e.message),
    );
  });

  it('gives a typed error, never NaN with converged: true, for extreme values', async () => {
    await refused(
      /lambda is too extreme for double precision/,
      'theory',
      '--cov',
      'ar1:0.5',
      '--d',
      'inf',
      '--alpha',
      '1',
      '--lambda',
      '1e308',
    );
    await refused(
      /alpha is too extreme for double precision/,
      'theory',
      '--cov',
      'ar1:0.5',
      '--d',
      'inf',
      '--alpha',
      '1e-320',
      '--lambda',
      '0.1',
    );
    await refused(
      /--lambda is too extreme for double precision/,
      'fit',
      '--data',
      join(dir, 'x.csv'),
      '--lambda',
      '1e308',
    );
  });

  it('says when the optimal λ is the end of its search range', async () => {
    const { out, code } = await runCli(
      'theory',
      '--cov',
      'iso',
      '--d',
      'inf',
      '--alpha',
      '0.5',
      '--lambda',
      'opt',
      '--json',
    );
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).points[0].atBound, 'upper');
  });

  it('does not take a malformed numeric first CSV row as a header', () => {
    for (const row of ['0x10,2', '1_000,2', '1e,2'])
      assert.throws(
        () => parseCsv(`${row}\n1,2\n3,4\n`, 'a.csv'),
        (e: unknown) => e instanceof DataFormatError && /^a\.csv line 1/.test(e.message),
      );
    assert.deepEqual(parseCsv('x,y\n1,2\n', 'h.csv').header, ['x', 'y']);
  });

  it('strips control characters from echoed values', () => {
    assert.throws(
      () =>
        parseCsv(`1,2\n3,${String.fromCharCode(27)}[31mred${String.fromCharCode(7)}\n`, 'ctl.csv'),
      (e: unknown) =>
        e instanceof DataFormatError && !hasControl(e.message) && /\\u001b\[31mred/.test(e.message),
    );
  });
});
