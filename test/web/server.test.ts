import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { type RunningServer, serveFolder } from '../../src/server/explorer.js';

/**
 * Sends a raw request line (no client-side path normalisation) and returns the status code and
 * body.
 */
function raw(
  port: number,
  target: string,
  method = 'GET',
  host: string | null = '127.0.0.1',
): Promise<{ status: number; body: string; head: string }> {
  return new Promise((done, fail) => {
    const hostLine = host === null ? '' : `Host: ${host}\r\n`;
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`${method} ${target} HTTP/1.1\r\n${hostLine}Connection: close\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('end', () =>
      done({
        status: Number(text.slice(9, 12)),
        body: text.slice(text.indexOf('\r\n\r\n') + 4),
        head: text.slice(0, text.indexOf('\r\n\r\n')),
      }),
    );
    socket.on('error', fail);
  });
}

describe('rmtkit serve: the static file server', () => {
  let dir: string;
  let server: RunningServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rmtkit-serve-'));
    mkdirSync(join(dir, 'site', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'site', 'index.html'), '<p>explorer</p>');
    writeFileSync(join(dir, 'site', 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'SECRET');
    writeFileSync(join(dir, 'site-other.txt'), 'SIBLING');
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'site', 'link.txt'));
    server = await serveFolder(join(dir, 'site'), { port: 0 });
  });

  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds 127.0.0.1 by default and serves index.html at / with its content type', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(await response.text(), '<p>explorer</p>');
    const js = await fetch(`${server.url}assets/app.js?v=1`);
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  });

  it('answers 404 to every path that leaves the served folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%00/../secret.txt',
      '/../site-other.txt',
      '/link.txt',
      `/${'../'.repeat(12)}etc/passwd`,
      '/%c0%ae%c0%ae/secret.txt',
      '/%',
      '/assets',
      '/missing.js',
    ];
    for (const target of attempts) {
      const { status, body } = await raw(server.port, target);
      assert.ok(status === 404 || status === 400, `${target}: status ${status}`);
      assert.doesNotMatch(body, /SECRET|SIBLING|root:/, target);
    }
  });

  it('accepts only loopback Host headers (DNS rebinding) and sends the security headers', async () => {
    for (const host of [
      '127.0.0.1',
      `127.0.0.1:${server.port}`,
      'localhost',
      `localhost:${server.port}`,
      '[::1]:80',
      'app.localhost',
    ])
      assert.equal((await raw(server.port, '/', 'GET', host)).status, 200, host);
    for (const host of [
      'evil.example.com',
      `evil.example.com:${server.port}`,
      '127.0.0.1.evil.com',
      '10.0.0.5',
      'localhost.evil.com',
      '',
      null,
    ]) {
      const response = await raw(server.port, '/', 'GET', host);
      assert.ok(response.status === 403 || response.status === 400, `${host}: ${response.status}`);
      assert.doesNotMatch(response.body, /explorer/);
    }
    const response = await fetch(server.url);
    assert.match(
      response.headers.get('content-security-policy') ?? '',
      /default-src 'self'.*frame-ancestors 'none'/,
    );
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const missing = await raw(server.port, '/missing.js');
    assert.match(missing.head, /X-Frame-Options: DENY/i);
  });

  it('warns on a non-loopback bind and accepts other hosts only with allowHosts', async () => {
    const warnings: string[] = [];
    const open = await serveFolder(join(dir, 'site'), {
      port: 0,
      host: '0.0.0.0',
      allowHosts: ['my-box.lan'],
      warn: (line) => warnings.push(line),
    });
    try {
      assert.match(
        warnings.join('\n'),
        /WARNING: listening on 0\.0\.0\.0 \(every network interface\)/,
      );
      assert.equal((await raw(open.port, '/', 'GET', 'my-box.lan:8080')).status, 200);
      assert.equal((await raw(open.port, '/', 'GET', 'MY-BOX.LAN')).status, 200);
      assert.equal((await raw(open.port, '/', 'GET', 'localhost')).status, 200);
      assert.equal((await raw(open.port, '/', 'GET', 'evil.example.com')).status, 403);
    } finally {
      await open.close();
    }
    const quiet: string[] = [];
    const local = await serveFolder(join(dir, 'site'), { port: 0, warn: (l) => quiet.push(l) });
    await local.close();
    assert.deepEqual(quiet, []);
  });

  it('refuses methods other than GET and HEAD', async () => {
    assert.equal((await raw(server.port, '/', 'POST')).status, 405);
    assert.equal((await raw(server.port, '/', 'PUT')).status, 405);
    const head = await raw(server.port, '/', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  it('reports a port in use as an invalid --port', async () => {
    await assert.rejects(
      serveFolder(join(dir, 'site'), { port: server.port }),
      /--port must be a port this user can open/,
    );
  });

  it('rejects a malformed --port with exit code 2 and a message naming the flag', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    try {
      await main(['node', 'rmtkit', 'serve', '--port', '80x']);
    } finally {
      console.error = original;
    }
    assert.equal(process.exitCode, 2);
    process.exitCode = 0;
    assert.match(errors.join('\n'), /--port must be an integer from 0 to 65535/);
  });

  it('`rmtkit serve --port 0` prints a 127.0.0.1 URL that serves the explorer page', async () => {
    const root = new URL('../../', import.meta.url);
    const script =
      "import('./src/cli/main.ts').then((m) => m.main(['node', 'rmtkit', ...process.argv.slice(1)]))";
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', script, 'serve', '--port', '0', '--json'],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const line = await new Promise<string>((done, fail) => {
        createInterface({ input: child.stdout! }).once('line', done);
        child.once('exit', (code) => fail(new Error(`rmtkit serve exited with ${code}`)));
      });
      const { url } = JSON.parse(line) as { url: string };
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>rmtkit explorer/);
      assert.equal((await fetch(`${url}..%2fpackage.json`)).status, 404);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
