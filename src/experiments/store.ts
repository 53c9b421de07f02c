import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DataFormatError } from '../errors.js';
import { makeDirectory } from '../io/make-directory.js';
import { TrialClaims } from './claims.js';
import { decodeValues, encodeValues, paramsKey } from './keys.js';
import { openSqlite } from './sqlite.js';
import type { Params, Values } from './types.js';

/** One stored trial. */
export interface StoredTrial {
  seed: number;
  values: Values;
  /** Wall-clock seconds the trial took on its worker. */
  seconds: number;
  backend: string;
}

/**
 * The result store of all sweeps: one SQLite file (better-sqlite3), one row per finished trial
 * keyed by (experiment, canonical parameters, seed). Each `put` is its own transaction and the
 * journal is a write-ahead log, so a process killed at any moment leaves every finished trial
 * stored and no partial one: a rerun skips exactly the stored trials. A trial stored twice (two
 * runs racing on one store) keeps the first row; both are equal by construction. Processes that
 * sweep into one store split the work through {@link TrialClaims} (`claims`).
 * @throws {Error} from better-sqlite3 when the file cannot be opened or is not a database.
 * @example const store = new ResultStore('out/results.sqlite'); store.count('error-vs-alpha');
 */
export class ResultStore {
  /** Leases on trials being computed, shared by every process that sweeps into this file. */
  readonly claims: TrialClaims;
  private readonly db: BetterSqlite3.Database;
  private readonly insert: BetterSqlite3.Statement;
  private readonly selectPoint: BetterSqlite3.Statement;

  /** `leaseMs`: how long a claim on a trial lasts without renewal (default 30 s). */
  constructor(
    readonly file: string,
    options: { leaseMs?: number } = {},
  ) {
    if (file !== ':memory:') makeDirectory(dirname(file));
    try {
      this.db = new (openSqlite())(file);
      this.db.pragma('journal_mode = WAL');
      // NORMAL: a commit survives the process being killed (only an OS crash could lose the last
      // ones).
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 10000');
      this.db.exec(`CREATE TABLE IF NOT EXISTS trials (
      experiment TEXT NOT NULL, params TEXT NOT NULL, seed INTEGER NOT NULL,
      vals TEXT NOT NULL, seconds REAL NOT NULL, backend TEXT NOT NULL, finished TEXT NOT NULL,
      PRIMARY KEY (experiment, params, seed))`);
      this.insert = this.db.prepare('INSERT OR IGNORE INTO trials VALUES (?, ?, ?, ?, ?, ?, ?)');
      this.selectPoint = this.db.prepare(
        'SELECT seed, vals, seconds, backend FROM trials WHERE experiment = ? AND params = ? ORDER BY seed',
      );
      this.claims = new TrialClaims(this.db, options.leaseMs);
    } catch (error) {
      throw storeError(file, error);
    }
  }

  /**
   * Stores one finished trial and drops its claim, in one transaction; returns false when it was
   * already stored.
   */
  put(experiment: string, params: Params, trial: StoredTrial): boolean {
    const key = paramsKey(params);
    const run = this.db.transaction(() => {
      const { changes } = this.insert.run(
        experiment,
        key,
        trial.seed,
        encodeValues(trial.values),
        trial.seconds,
        trial.backend,
        new Date().toISOString(),
      );
      this.claims.drop(experiment, key, trial.seed);
      return changes;
    });
    return this.guard(run) === 1;
  }

  /** The stored trials of one grid point, by seed. */
  point(experiment: string, params: Params): StoredTrial[] {
    const rows = this.guard(() => this.selectPoint.all(experiment, paramsKey(params))) as Array<{
      seed: number;
      vals: string;
      seconds: number;
      backend: string;
    }>;
    return rows.map((r) => ({
      seed: r.seed,
      values: decodeValues(r.vals),
      seconds: r.seconds,
      backend: r.backend,
    }));
  }

  /** The stored seeds of every grid point of an experiment, by canonical parameter text. */
  storedSeeds(experiment: string): Map<string, Set<number>> {
    const rows = this.guard(() =>
      this.db.prepare('SELECT params, seed FROM trials WHERE experiment = ?').all(experiment),
    ) as Array<{ params: string; seed: number }>;
    const out = new Map<string, Set<number>>();
    for (const r of rows) {
      let set = out.get(r.params);
      if (!set) out.set(r.params, (set = new Set()));
      set.add(r.seed);
    }
    return out;
  }

  /** How many trials are stored (for one experiment, or in all). */
  count(experiment?: string): number {
    const row = (
      experiment === undefined
        ? this.db.prepare('SELECT COUNT(*) AS n FROM trials').get()
        : this.db.prepare('SELECT COUNT(*) AS n FROM trials WHERE experiment = ?').get(experiment)
    ) as { n: number };
    return row.n;
  }

  /**
   * Every stored trial of an experiment as (params text, seed, values text): for exports and
   * comparisons.
   */
  dump(experiment: string): Array<{ params: string; seed: number; values: string }> {
    return this.db
      .prepare(
        'SELECT params, seed, vals AS "values" FROM trials WHERE experiment = ? ORDER BY params, seed',
      )
      .all(experiment) as Array<{ params: string; seed: number; values: string }>;
  }

  /**
   * Runs `f` on the database, turning a failure of the file (SQLITE_CORRUPT, SQLITE_FULL, …) into
   * the one-line error of {@link storeError}.
   */
  guard<T>(f: () => T): T {
    try {
      return f();
    } catch (error) {
      throw storeError(this.file, error);
    }
  }

  /** Drops this handle's claims and closes the database (checkpointing the log into the file). */
  close(): void {
    if (!this.db.open) return;
    try {
      this.claims.release();
    } catch {
      // A damaged file cannot release; its claims expire with their lease.
    }
    this.db.close();
  }
}

/**
 * A damaged or foreign results file (SQLITE_NOTADB, SQLITE_CORRUPT, …) as a one-line data error
 * naming it; other errors unchanged.
 */
export function storeError(file: string, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  return new DataFormatError(
    file,
    '',
    `is not a usable result store (${code}: ${(error as Error).message}); move it away to start afresh`,
  );
}
