import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A redis-server started by a test: loopback, a random port, no persistence, a temp folder. */
export interface TestRedis {
  port: number;
  /** `redis://:password@127.0.0.1:port` (or without the password). */
  url: string;
  /** Runs redis-cli against it (for assertions on BullMQ's keys). */
  cli(...args: string[]): string;
  stop(): Promise<void>;
}

/** A self-signed certificate for `localhost` and 127.0.0.1 (PEM files), its own CA. */
export interface TestCertificate {
  cert: string;
  key: string;
}

/** Makes a {@link TestCertificate} in `dir` with openssl; undefined when openssl is missing. */
export function selfSignedCertificate(dir: string): TestCertificate | undefined {
  const cert = join(dir, 'redis.crt');
  const key = join(dir, 'redis.key');
  const made = spawnSync('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'],
    ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert],
  ]);
  return made.status === 0 ? { cert, key } : undefined;
}

/** Why the queue tests are skipped, or undefined when redis-server is installed. */
export function redisMissing(): string | undefined {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return found.status === 0
    ? undefined
    : 'redis-server is not installed (apt-get install redis-server; scripts/install.sh does it)';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `redis-server --port P --bind 127.0.0.1 --save '' --appendonly no --dir TMP` (with
 * `--requirepass` when given a password; TLS only, on port P, when given a certificate) and waits
 * until it answers.
 */
export async function startRedis(password?: string, tls?: TestCertificate): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-redis-'));
  const port = await freePort();
  const listen = tls
    ? ['--port', '0', '--tls-port', String(port), '--tls-auth-clients', 'no']
    : ['--port', String(port)];
  const args = [...listen, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push('--dir', dir, ...(password ? ['--requirepass', password] : []));
  if (tls) args.push('--tls-cert-file', tls.cert, '--tls-key-file', tls.key);
  if (tls) args.push('--tls-ca-cert-file', tls.cert);
  const child: ChildProcess = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (b) => (log += b));
  child.stderr!.on('data', (b) => (log += b));
  const auth = password ? ['-a', password, '--no-auth-warning'] : [];
  if (tls) auth.push('--tls', '--cacert', tls.cert);
  const cli = (...a: string[]) =>
    spawnSync('redis-cli', ['-p', String(port), ...auth, ...a], { encoding: 'utf8' }).stdout;
  for (let i = 0; cli('ping').trim() !== 'PONG'; i++) {
    if (i > 200 || child.exitCode !== null)
      throw new Error(`redis-server did not start on port ${port}:\n${log}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    port,
    url: `${tls ? 'rediss' : 'redis'}://${password ? `:${password}@` : ''}127.0.0.1:${port}`,
    cli,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
