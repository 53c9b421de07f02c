import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ADDON = fileURLToPath(new URL('../../build/Release/rmtkit.node', import.meta.url));

// A worker thread that calls a small native kernel in a loop, terminated 20 times: the way a
// sweep's trial pool stops when the store fails mid-sweep. Before the addon was built with
// NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS, the first termination during a kernel call aborted
// the process ("terminate called after throwing an instance of 'Napi::Error'", SIGABRT).
const SCRIPT = `
const { Worker } = require('node:worker_threads');
const body = \`
const { parentPort } = require('node:worker_threads');
const addon = require(\${JSON.stringify(process.argv[1])});
const a = new Float64Array(4).fill(1);
parentPort.postMessage('ready');
for (;;) addon.gemm(a, 2, 2, a, 2, 2, false, false, 1);
\`;
(async () => {
  for (let i = 0; i < 20; i++) {
    const w = new Worker(body, { eval: true });
    await new Promise((r) => w.once('message', r));
    await new Promise((r) => setTimeout(r, 5));
    await w.terminate();
  }
  console.log('terminated 20 workers');
})();
`;

describe('hostile: stopping worker threads during native calls', () => {
  it('survives terminating a worker thread in the middle of native kernel calls', {
    skip: existsSync(ADDON) ? false : 'native addon not built',
  }, () => {
    const result = spawnSync(process.execPath, ['-e', SCRIPT, ADDON], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(result.signal, null, `killed by ${result.signal}: ${result.stderr}`);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /terminated 20 workers/);
  });
});
