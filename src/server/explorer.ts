import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import { createStaticServer } from './static.js';

/** A running explorer server. */
export interface RunningServer {
  /** The address to open, e.g. `http://127.0.0.1:4173/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Whether a bind address reaches only this machine (127.x.x.x, ::1, localhost).
 * @example isLoopback('0.0.0.0') // false
 */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Serves a folder of built files with {@link createStaticServer} on `host:port` (port 0 picks a
 * free one) and resolves once it listens. A non-loopback `host` (0.0.0.0, ::, a LAN address)
 * exposes the explorer to the network: a warning is written through `options.warn` (default
 * stderr); requests must still name a loopback host, the bound address or one of
 * `options.allowHosts` in their Host header.
 * @throws {InvalidArgumentError} naming '--port' when the port is taken or not allowed.
 * @example const server = await serveFolder('web/dist', { port: 0 }); console.log(server.url); await server.close();
 */
export async function serveFolder(
  root: string,
  options: {
    port: number;
    host?: string;
    allowHosts?: readonly string[];
    warn?: (line: string) => void;
  },
): Promise<RunningServer> {
  const { port, host = '127.0.0.1' } = options;
  const allowHosts = [...(options.allowHosts ?? [])];
  if (!isLoopback(host)) {
    const wildcard = host === '0.0.0.0' || host === '::' || host === '[::]';
    if (!wildcard) allowHosts.push(host.includes(':') ? `[${host.replace(/^\[|\]$/g, '')}]` : host);
    (options.warn ?? ((line: string) => console.error(line)))(
      `rmtkit serve: WARNING: listening on ${host}${wildcard ? ' (every network interface)' : ''}: ` +
        'anyone who can reach this machine can use the explorer. Requests must name an allowed ' +
        `host (loopback${allowHosts.length ? `, ${allowHosts.join(', ')}` : ''}); add names with --allow-host.`,
    );
  }
  const server = createStaticServer(root, { allowHosts });
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES')
        fail(
          new InvalidArgumentError(
            '--port',
            `must be a port this user can open on ${host} (${error.code})`,
            port,
          ),
        );
      else fail(error);
    });
    server.listen(port, host, () => done());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/**
 * Makes sure the explorer is built: runs {@link buildExplorer} into `web/dist` when
 * `web/dist/index.html` is missing or `force` is set, and returns the folder to serve.
 * @throws {InvalidArgumentError} naming 'web/dist' when it is missing and cannot be built.
 * @example ensureExplorerBuilt(packageRoot, false) // '<root>/web/dist'
 */
export function ensureExplorerBuilt(packageRoot: string, force: boolean): string {
  const dist = join(packageRoot, 'web', 'dist');
  if (!force && existsSync(join(dist, 'index.html'))) return dist;
  console.error('rmtkit: building the explorer (vite build web)…');
  return buildExplorer(packageRoot, dist);
}

/**
 * Builds the explorer from `web/` with Vite (a development dependency) into `outDir`, replacing
 * what is there, and returns `outDir`.
 * @throws {InvalidArgumentError} naming 'web/dist' when Vite or the sources are missing or the
 * build fails.
 * @example buildExplorer(packageRoot, '/tmp/explorer')
 */
export function buildExplorer(packageRoot: string, outDir: string): string {
  const vite = join(packageRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite) || !existsSync(join(packageRoot, 'web', 'index.html'))) {
    throw new InvalidArgumentError(
      'web/dist',
      'must hold the built explorer; build it from a source checkout with `npx vite build web`',
      outDir,
    );
  }
  const args = [
    vite,
    'build',
    join(packageRoot, 'web'),
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ];
  const built = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0 || !existsSync(join(outDir, 'index.html'))) {
    throw new InvalidArgumentError(
      'web/dist',
      'could not be built; see the vite output above',
      outDir,
    );
  }
  return outDir;
}
