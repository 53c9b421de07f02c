import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { parseQueueUrl, queueUrlWarning } from '../../src/experiments/queue/connection.js';
import { connectRedis } from '../../src/experiments/queue/redis.js';
import { findExperiment } from '../../src/experiments/registry.js';
import { reproduce } from '../../src/experiments/reproduce.js';
import { storeKey } from '../../src/experiments/runner.js';
import { ResultStore } from '../../src/experiments/store.js';
import { spawnCli } from './helpers.js';
import { redisMissing, selfSignedCertificate, startRedis, type TestRedis } from './redis.js';

// Distributed sweeps (docs/distributed.md) against a real redis-server on a random loopback port,
// with a password (so every run also checks that password URLs work).
const NAME = 'error-vs-alpha';
const KEY = storeKey(findExperiment(NAME));
const TOTAL = 72; // error-vs-alpha at --size tiny
const PASSWORD = 'rmtkit-test-secret';
const missing = redisMissing();
if (missing) console.log(`# queue tests skipped: ${missing}`);

function dump(out: string) {
  const store = new ResultStore(join(out, 'results.sqlite'));
  try {
    return store.dump(KEY);
  } finally {
    store.close();
  }
}

function stored(out: string): number {
  const store = new ResultStore(join(out, 'results.sqlite'));
  try {
    return store.count(KEY);
  } finally {
    store.close();
  }
}

/** Resolves once `text()` has at least `lines` lines, or the process ended. */
async function lines(text: () => string, count: number, done: Promise<unknown>) {
  let ended = false;
  void done.then(() => (ended = true));
  while (!ended && text().split('\n').filter(Boolean).length < count)
    await new Promise((r) => setTimeout(r, 5));
}

describe('queue URLs', () => {
  it('accepts redis:// and rediss:// URLs with a password and hides the password', () => {
    const url = parseQueueUrl('rediss://:s3cret@10.0.0.5:6380');
    assert.deepEqual(
      [url.host, url.port, url.tls, url.password, url.loopback],
      ['10.0.0.5', 6380, true, true, false],
    );
    assert.equal(url.shown, 'rediss://:***@10.0.0.5:6380');
    assert.equal(queueUrlWarning(url), undefined, 'TLS and a password: no warning');
  });

  it('warns for Redis off loopback without TLS or password, not on loopback', () => {
    assert.match(
      queueUrlWarning(parseQueueUrl('redis://10.0.0.5:6379'))!,
      /not on loopback and has no password and no TLS/,
    );
    assert.equal(queueUrlWarning(parseQueueUrl('redis://127.0.0.1:6379')), undefined);
    assert.equal(queueUrlWarning(parseQueueUrl('redis://localhost')), undefined);
  });

  it('rejects another scheme naming --queue', () => {
    assert.throws(
      () => parseQueueUrl('http://127.0.0.1:6379'),
      /invalid argument: --queue must be a redis:\/\/ or rediss:\/\/ URL\. Value: "http/,
    );
  });
});

describe('rmtkit reproduce --queue with rmtkit worker processes', { skip: missing }, () => {
  let redis: TestRedis;
  let dir: string;
  let local: ReturnType<typeof dump>;

  before(async () => {
    redis = await startRedis(PASSWORD);
    dir = mkdtempSync(join(tmpdir(), 'rmtkit-queue-'));
    await reproduce({ names: [NAME], size: 'tiny', out: join(dir, 'local'), workers: 1 });
    local = dump(join(dir, 'local'));
    assert.equal(local.length, TOTAL);
  });

  after(async () => {
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a URL without the password with a one-line error', async () => {
    const url = parseQueueUrl(`redis://127.0.0.1:${redis.port}`);
    await assert.rejects(
      connectRedis(url),
      (e: Error) =>
        e instanceof InvalidArgumentError && /--queue was refused by Redis/.test(e.message),
    );
  });

  it('with one worker process stores trials bit-identical to the local run', async () => {
    const out = join(dir, 'one');
    const queue = ['--queue', redis.url, '--queue-name', 'one'];
    const worker = spawnCli(['worker', ...queue, '--concurrency', '1']);
    const coordinator = await spawnCli([
      'reproduce',
      NAME,
      '--size',
      'tiny',
      '--out',
      out,
      ...queue,
      '--json',
    ]).done;
    worker.child.kill('SIGINT');
    const w = await worker.done;
    assert.equal(coordinator.code, 0, coordinator.stderr);
    assert.equal(JSON.parse(coordinator.stdout).experiments[0].trials.computed, TOTAL);
    assert.deepEqual(dump(out), local, 'identical trial values, bit for bit');
    assert.equal(w.code, 0, w.stderr);
    assert.match(w.stdout, /^error-vs-alpha@1 alpha=\S+ d=60 lambda=\S+ model=\S+ seed \d: /m);
    assert.match(w.stderr, /rmtkit worker: 72 trials in/);
  });

  it('survives kill -9 of a worker mid-trial and of the coordinator: two workers in two folders, nothing lost or repeated', async () => {
    const out = join(dir, 'faults');
    const queue = ['--queue', redis.url, '--queue-name', 'faults'];
    const [hostA, hostB] = [join(dir, 'host-a'), join(dir, 'host-b')];
    mkdirSync(hostA);
    mkdirSync(hostB);
    const args = ['reproduce', NAME, '--size', 'tiny', '--out', out, ...queue, '--json'];
    const stall = ['--stall-timeout', '2'];
    const first = spawnCli(args);
    // Two trial threads: when it is killed, worker A is all but surely running a trial.
    const a = spawnCli(['worker', ...queue, '--concurrency', '2', ...stall], hostA);
    let aOut = '';
    a.child.stdout!.on('data', (b) => (aOut += b));
    await lines(() => aOut, 6, a.done);
    a.child.kill('SIGKILL');
    first.child.kill('SIGKILL');
    const [killedA, killedFirst] = await Promise.all([a.done, first.done]);
    assert.equal(killedA.signal, 'SIGKILL');
    assert.equal(killedFirst.signal, 'SIGKILL');
    const before = stored(out);
    assert.ok(before < TOTAL, `the coordinator was killed mid-way (${before} of ${TOTAL} stored)`);

    // Worker B, another "machine", takes the rest and, after the stall timeout, A's lost trials;
    // its results wait in Redis until the coordinator is back.
    const b = spawnCli(['worker', ...queue, '--concurrency', '1', ...stall], hostB);
    const second = await spawnCli(args).done;
    b.child.kill('SIGINT');
    const wb = await b.done;
    assert.equal(second.code, 0, second.stderr);
    const resumed = JSON.parse(second.stdout).experiments[0];
    assert.equal(resumed.trials.reused, before, 'trials stored before the kill are reused');
    assert.equal(resumed.trials.computed, TOTAL - before);
    assert.deepEqual(dump(out), local, 'no trial lost, none twice, all bit-identical');
    assert.equal(wb.code, 0, wb.stderr);
    const events = redis.cli('xrange', 'bull:faults:events', '-', '+');
    assert.match(events, /^stalled$/m, "the killed worker's running trial was handed on");
    const left = redis
      .cli('keys', 'bull:faults:*')
      .split('\n')
      .filter((k) => /:\w+-[0-9a-f]{24}-\d+$/.test(k));
    assert.deepEqual(left, [], 'every collected job was removed from Redis');
  });
});

describe('rmtkit worker over TLS (rediss://) with a password', { skip: missing }, () => {
  it('connects with the CA given by NODE_EXTRA_CA_CERTS and names the certificate problem without it', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-tls-'));
    const cert = selfSignedCertificate(dir);
    if (!cert) return t.skip('openssl is not installed');
    let redis: TestRedis | undefined;
    try {
      redis = await startRedis(PASSWORD, cert);
      await assert.rejects(
        connectRedis(parseQueueUrl(redis.url)),
        /--queue has a TLS certificate this machine does not trust \(\w+\); for a private CA, run with NODE_EXTRA_CA_CERTS/,
      );
      const entry = join(import.meta.dirname, 'cli-entry.ts');
      const worker = spawn(process.execPath, ['--import', 'tsx', entry, 'worker', '--json'], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: cert.cert, RMTKIT_QUEUE: redis.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      worker.stderr.on('data', (b) => (err += b));
      const exit = new Promise<number | null>((r) => worker.on('close', r));
      while (!err.includes('Ctrl-C to stop') && worker.exitCode === null)
        await new Promise((r) => setTimeout(r, 20));
      worker.kill('SIGINT');
      assert.equal(await exit, 0, err);
      assert.match(err, /on queue rmtkit at rediss:\/\/:\*\*\*@127\.0\.0\.1:\d+: 1 trial thread/);
    } finally {
      await redis?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
