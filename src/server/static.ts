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
 * Headers on every response: no framing (clickjacking), no referrer, no MIME sniffing, and a
 * content security policy that allows only this origin's scripts, styles, images and workers
 * ('unsafe-eval' because Vega compiles its expressions with `Function`; inline styles because
 * Vega and the charts set them).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
    "img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * An HTTP server for the files under `root` and nothing else: GET and HEAD only, `/` serves
 * `index.html`, and a path that leaves `root` — through `..`, an encoded `%2e%2e` or `%2f`, a
 * backslash, a NUL byte or a symbolic link pointing outside — is answered 404 like any missing
 * file (no hint that it exists). Requests whose Host header is not a loopback name (`localhost`,
 * `*.localhost`, `127.x.x.x`, `[::1]`) or one of `options.allowHosts` are answered 403, which
 * defeats DNS rebinding (a page on `evil.example` whose name is re-pointed at 127.0.0.1 still
 * sends `Host: evil.example`). Every response carries {@link SECURITY_HEADERS}. Call `listen` on
 * the result.
 * @param options.allowHosts further host names or addresses (no port) to accept, e.g. the
 * machine's LAN name when serving on 0.0.0.0.
 * @example createStaticServer('web/dist').listen(4173, '127.0.0.1')
 */
export function createStaticServer(
  root: string,
  options: { allowHosts?: readonly string[] } = {},
): Server {
  const base = resolve(root);
  const allowed = new Set((options.allowHosts ?? []).map((h) => normalizeHost(h)));
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!hostAllowed(req.headers.host, allowed))
      return send(res, 403, 'host not allowed (start rmtkit serve with --allow-host NAME)');
    handle(base, req, res).catch(() => send(res, 500, 'internal error'));
  });
}

/**
 * Whether a Host header names this machine's loopback interface or an allowed name.
 * @example hostAllowed('localhost:4173', new Set()) // true
 */
export function hostAllowed(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!header) return false;
  const host = normalizeHost(header);
  if (allowed.has(host)) return true;
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** A host name or Host header without its port, lower case; IPv6 addresses in brackets. */
function normalizeHost(text: string): string {
  const host = text.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  if ((host.match(/:/g) ?? []).length > 1) return `[${host}]`; // a bare IPv6 address
  return host.replace(/:\d*$/, '').replace(/\.$/, '');
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
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}
