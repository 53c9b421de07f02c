import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * An HTTP server for the files under `root` and nothing else: GET and HEAD only, `/` serves
 * `index.html`, and a path that leaves `root` — through `..`, an encoded `%2e%2e` or `%2f`, a
 * backslash, a NUL byte or a symbolic link pointing outside — is answered 404 like any missing
 * file (no hint that it exists). Call `listen` on the result.
 * @example createStaticServer('web/dist').listen(4173, '127.0.0.1')
 */
export function createStaticServer(root: string): Server {
  const base = resolve(root);
  return createServer((req, res) => {
    handle(base, req, res).catch(() => send(res, 500, 'internal error'));
  });
}

async function handle(base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'method not allowed');
  }
  const file = await locate(base, req.url ?? '/');
  if (file === null) return send(res, 404, 'not found');
  const body = await readFile(file);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The real path of the requested file if it is a regular file inside `base`, else null. */
async function locate(base: string, url: string): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const candidate = resolve(base, `.${path}`);
  if (!inside(base, candidate)) return null;
  try {
    // Symbolic links are followed only when their target is still inside the served folder.
    const real = await realpath(candidate);
    const realBase = await realpath(base);
    if (!inside(realBase, real) || !(await stat(real)).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

function inside(base: string, path: string): boolean {
  return path === base || path.startsWith(base.endsWith(sep) ? base : base + sep);
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(`${text}\n`);
}
