import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

let loaded: typeof BetterSqlite3 | undefined;

/**
 * better-sqlite3's Database class, loaded on first use: the store and the environment record
 * need it, a CLI command that runs no sweep should not pay for loading it.
 * @example const db = new (openSqlite())(':memory:')
 */
export function openSqlite(): typeof BetterSqlite3 {
  loaded ??= createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  return loaded;
}
