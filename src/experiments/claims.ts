import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';

/** A trial to compute: its experiment's canonical parameter text and its seed. */
export interface TrialSlot {
  params: string;
  seed: number;
}

/** What one {@link TrialClaims.claim} call found among the candidates it looked at. */
export interface ClaimBatch<T extends TrialSlot> {
  /** Claimed by this process now: compute these. */
  claimed: T[];
  /** Held by another live process: look again later. */
  held: T[];
  /** Already in the store (another process finished them). */
  stored: number;
  /** Index of the first candidate not looked at. */
  next: number;
}

/**
 * Leases on trials in the result store, so that several processes sweeping into one store split
 * the work instead of computing every trial twice. A process claims trials in one IMMEDIATE
 * transaction (no other writer in between), renews its leases while it runs and drops a claim when
 * it stores the trial. A claim is free again once its lease has expired, or at once when its owner
 * was a process on this host that no longer exists (a killed run restarted). Claims are only a
 * division of labour: a trial computed twice anyway (an expired lease of a slow process) is
 * stored once, with equal values by construction.
 * @example const claims = new TrialClaims(db); claims.claim('bbp@1', todo, 0, 4);
 */
export class TrialClaims {
  /** This store handle's owner id: host, process id and a random part. */
  readonly owner: string;
  private readonly host = hostname();
  private readonly isStored: BetterSqlite3.Statement;
  private readonly holder: BetterSqlite3.Statement;
  private readonly upsert: BetterSqlite3.Statement;

  constructor(
    private readonly db: BetterSqlite3.Database,
    /** Milliseconds a claim lasts without renewal. */
    readonly leaseMs = 30_000,
  ) {
    this.owner = `${this.host}:${process.pid}:${randomUUID().slice(0, 8)}`;
    db.exec(`CREATE TABLE IF NOT EXISTS claims (
      experiment TEXT NOT NULL, params TEXT NOT NULL, seed INTEGER NOT NULL,
      owner TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL, expires INTEGER NOT NULL,
      PRIMARY KEY (experiment, params, seed))`);
    this.isStored = db.prepare(
      'SELECT 1 FROM trials WHERE experiment = ? AND params = ? AND seed = ?',
    );
    this.holder = db.prepare(
      'SELECT owner, host, pid, expires FROM claims WHERE experiment = ? AND params = ? AND seed = ?',
    );
    this.upsert = db.prepare('INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  /**
   * Looks at `candidates` from index `start` on, in order, and claims up to `limit` of those that
   * are neither stored nor held by another live process.
   */
  claim<T extends TrialSlot>(
    experiment: string,
    candidates: readonly T[],
    start: number,
    limit: number,
  ): ClaimBatch<T> {
    const run = this.db.transaction(() => {
      const batch: ClaimBatch<T> = { claimed: [], held: [], stored: 0, next: start };
      const expires = Date.now() + this.leaseMs;
      for (; batch.next < candidates.length && batch.claimed.length < limit; batch.next++) {
        const c = candidates[batch.next];
        if (this.isStored.get(experiment, c.params, c.seed)) batch.stored++;
        else if (this.heldByOther(experiment, c)) batch.held.push(c);
        else {
          this.upsert.run(
            experiment,
            c.params,
            c.seed,
            this.owner,
            this.host,
            process.pid,
            expires,
          );
          batch.claimed.push(c);
        }
      }
      return batch;
    });
    return run.immediate();
  }

  /** Extends every lease of this owner by {@link leaseMs} from now. */
  renew(): void {
    this.db
      .prepare('UPDATE claims SET expires = ? WHERE owner = ?')
      .run(Date.now() + this.leaseMs, this.owner);
  }

  /** Drops the claim on one trial (whoever holds it): called in the transaction that stores it. */
  drop(experiment: string, params: string, seed: number): void {
    this.db
      .prepare('DELETE FROM claims WHERE experiment = ? AND params = ? AND seed = ?')
      .run(experiment, params, seed);
  }

  /** Drops every claim of this owner (a sweep that stops hands its trials to the others). */
  release(): void {
    this.db.prepare('DELETE FROM claims WHERE owner = ?').run(this.owner);
  }

  private heldByOther(experiment: string, slot: TrialSlot): boolean {
    const row = this.holder.get(experiment, slot.params, slot.seed) as
      | { owner: string; host: string; pid: number; expires: number }
      | undefined;
    if (!row || row.owner === this.owner || row.expires < Date.now()) return false;
    return row.host !== this.host || row.pid === process.pid || processAlive(row.pid);
  }
}

/** Whether a process with this id exists on this host (EPERM: it exists, owned by another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
