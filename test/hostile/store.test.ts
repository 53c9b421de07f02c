import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ResultStore } from '../../src/experiments/store.js';
import { spawnCli } from '../experiments/helpers.js';

const PAGE = 4096;

/** A store of 400 trials of a made-up experiment: about 30 pages of table and index. */
function fillStore(file: string): void {
  const store = new ResultStore(file);
  for (let i = 0; i < 400; i++)
    store.put(
      'filler@1',
      { i },
      { seed: 0, values: { x: Array(20).fill(i) }, seconds: 0, backend: 'js' },
    );
  store.close();
}

/** Ways to damage a results.sqlite file, each given its bytes. */
const DAMAGE: Record<string, (bytes: Buffer) => Buffer> = {
  'plain text': () => Buffer.from('not a database\n'.repeat(100)),
  'cut in half': (b) => b.subarray(0, Math.floor(b.length / 2 / PAGE) * PAGE + 100),
  'the header only': (b) => b.subarray(0, 100),
  'a zeroed schema page': (b) =>
    Buffer.concat([b.subarray(0, 100), Buffer.alloc(PAGE - 100), b.subarray(PAGE)]),
  'garbage in every page after the first': (b) => {
    const out = Buffer.from(b);
    for (let i = PAGE; i < out.length; i++) out[i] = (i * 7919 + 13) & 255;
    return out;
  },
  'flipped bytes in the last pages': (b) => {
    const out = Buffer.from(b);
    for (let i = out.length - 4 * PAGE; i < out.length; i += 7) out[i] ^= 0x5a;
    return out;
  },
};

/** Asserts that a child `rmtkit reproduce` ended with one line and exit 2, or succeeded. */
function oneLine(
  result: { code: number | null; signal: string | null; stderr: string },
  ok = false,
) {
  assert.equal(result.signal, null, `killed by ${result.signal}: ${result.stderr}`);
  const lines = result.stderr.trim().split('\n').filter(Boolean);
  if (ok && result.code === 0) return;
  assert.equal(result.code, 2, result.stderr);
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0], /^rmtkit: .*results\.sqlite.*(SQLITE_|move)/);
}

/** `rmtkit reproduce <experiment>` at the tiny size on two workers, writing into `out`. */
function reproduceTiny(experiment: string, out: string): string[] {
  return ['reproduce', experiment, '--size', 'tiny', '--out', out, '--workers', '2'];
}

describe('hostile: damaged result stores', () => {
  let dir: string;
  let good: Buffer;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rmtkit-hostile-store-'));
    fillStore(join(dir, 'good.sqlite'));
    good = readFileSync(join(dir, 'good.sqlite'));
    assert.ok(good.length > 20 * PAGE);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, damage] of Object.entries(DAMAGE))
    it(`refuses a results.sqlite with ${name} in one line (exit 2), in a child process`, async () => {
      const out = join(dir, name.replaceAll(' ', '-'));
      mkdirSync(out);
      writeFileSync(join(out, 'results.sqlite'), damage(good));
      const result = await spawnCli(reproduceTiny('bbp', out)).done;
      oneLine(result);
    });

  it('ends a sweep whose store is damaged while it runs in one line or a finished run, never a crash', async () => {
    const out = join(dir, 'during');
    mkdirSync(out);
    const file = join(out, 'results.sqlite');
    writeFileSync(file, good);
    const run = spawnCli(reproduceTiny('sketching', out));
    let ended = false;
    void run.done.then(() => (ended = true));
    // Wait for the sweep to write (the log grows), then overwrite the table pages.
    while (!ended && statSync(`${file}-wal`, { throwIfNoEntry: false }) === undefined)
      await new Promise((r) => setTimeout(r, 20));
    const bytes = readFileSync(file);
    for (let i = 2 * PAGE; i < bytes.length; i++) bytes[i] = (i * 31) & 255;
    writeFileSync(file, bytes);
    oneLine(await run.done, true);
  });
});
