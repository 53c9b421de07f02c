import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates a folder and its missing parents, one level at a time from the nearest existing
 * ancestor. Unlike `mkdirSync(dir, { recursive: true })`, which on Node 20 loops forever under
 * /proc (the kernel answers ENOENT to every mkdir there), every failure surfaces at once as
 * Node's error for that level (ENOENT, ENOTDIR, EACCES, EROFS, …, with `path` set).
 * @example makeDirectory('out/figures')
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      if (statSync(at).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), {
        code: 'ENOTDIR',
        syscall: 'mkdir',
        path: at,
      });
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const path of missing.reverse()) mkdirSync(path);
}
