import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backendDetails } from '../linalg/backend.js';
import { openSqlite } from './sqlite.js';

/** Software and machine facts for the report: versions, backend, cores. */
export interface Environment {
  rmtkit: string;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  workers: number;
  /** Active linear-algebra backend and its library details (OpenBLAS build, threads). */
  backend: Record<string, string | number | boolean>;
  /** Versions of the packages behind the sweep, store and figures. */
  packages: Record<string, string>;
  sqlite: string;
}

const PACKAGES = [
  'vega',
  'vega-lite',
  '@resvg/resvg-js',
  'better-sqlite3',
  'cli-progress',
  'commander',
];

/**
 * Collects the facts the report shows next to its timings.
 * @example environment(2).packages.vega // '6.4.0'
 */
export function environment(workers: number): Environment {
  const packages: Record<string, string> = {};
  for (const name of PACKAGES) packages[name] = packageVersion(name) ?? 'unknown';
  const db = new (openSqlite())(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return {
    rmtkit: ownVersion(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    workers,
    backend: backendDetails(),
    packages,
    sqlite,
  };
}

/** The version in a dependency's package.json, found by walking up from its resolved entry. */
function packageVersion(name: string): string | undefined {
  try {
    return findManifest(fileURLToPath(import.meta.resolve(name)), name)?.version;
  } catch {
    return undefined;
  }
}

function ownVersion(): string {
  return findManifest(fileURLToPath(import.meta.url), 'rmtkit')?.version ?? 'unknown';
}

function findManifest(from: string, name: string): { version: string } | undefined {
  let dir = dirname(from);
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (manifest.name === name) return manifest;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
