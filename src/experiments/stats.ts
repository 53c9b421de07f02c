import { type MeanError, meanError } from '../stats/mean-error.js';
import type { Check, Params, PointResults, Values } from './types.js';

/** Standard errors allowed between theory and simulation (beyond the finite-size term). */
export const Z_LIMIT = 4;

/**
 * Mean and standard error of a scalar value `key` over the trials of one point.
 * @throws {Error} when a trial lacks `key` or holds a list there (a definition bug).
 * @example trialStats(results[0], 'gen')
 */
export function trialStats<V extends Values>(
  point: PointResults<Params, V>,
  key: keyof V & string,
): MeanError {
  return meanError(
    point.trials.map((t) => {
      const v = t[key];
      if (typeof v !== 'number') throw new Error(`trial value '${key}' is missing or not a number`);
      return v;
    }),
  );
}

/**
 * A check from a theory value and the trials' mean ± standard error; `finiteSize` is the
 * theory's finite-n allowance (default 0), `claim: false` marks a forecast.
 * @example check('L_gen', 'α=2', 0.71, trialStats(point, 'gen'), { finiteSize: 0.002 })
 */
export function check(
  quantity: string,
  at: string,
  theory: number,
  stats: MeanError,
  options: { finiteSize?: number; claim?: boolean } = {},
): Check {
  return {
    quantity,
    at,
    theory,
    simulation: stats.mean,
    stderr: stats.stderr,
    trials: stats.n,
    finiteSize: options.finiteSize ?? 0,
    claim: options.claim ?? true,
  };
}

/**
 * |theory − simulation| in standard errors; 0 when both agree exactly, ∞ for a difference with a
 * zero standard error. With `beyond`, the finite-size allowance is subtracted first (never below
 * 0).
 * @example zScore({ theory: 1, simulation: 1.1, stderr: 0.05, finiteSize: 0 }) // 2
 */
export function zScore(
  c: Pick<Check, 'theory' | 'simulation' | 'stderr' | 'finiteSize'>,
  beyond = false,
): number {
  const diff = Math.max(0, Math.abs(c.theory - c.simulation) - (beyond ? c.finiteSize : 0));
  if (diff === 0) return 0;
  return c.stderr > 0 ? diff / c.stderr : Infinity;
}

/** The agreement numbers of an experiment (JSON summary and report). */
export interface Agreement {
  /** Checks counted in the verdict (claimed) and reported only (outside the theory's claim). */
  claimed: number;
  unclaimed: number;
  /** max |theory − simulation| / stderr over the claimed checks, Monte Carlo error only. */
  maxZ: number;
  /** max (|theory − simulation| − finiteSize) / stderr: what the verdict uses. */
  maxZBeyondFiniteSize: number;
  /** max |theory − simulation| / |theory| over the claimed checks (those with theory ≠ 0). */
  maxRelative: number;
  /** Whether every claimed check has |theory − simulation| ≤ Z_LIMIT·stderr + finiteSize. */
  agrees: boolean;
  worst: (Check & { z: number }) | null;
  /**
   * Largest z and relative gap (where the theory is not 0) of the unclaimed checks; null when there
   * are none.
   */
  unclaimedMaxZ: number | null;
  unclaimedMaxRelative: number | null;
}

/**
 * Summarises checks into the agreement numbers of the JSON summary and the report.
 * @example agreement(analysis.checks).agrees
 */
export function agreement(checks: readonly Check[]): Agreement {
  const claimed = checks.filter((c) => c.claim);
  const unclaimed = checks.filter((c) => !c.claim);
  const rel = (c: Check) =>
    c.theory === 0 ? 0 : Math.abs(c.theory - c.simulation) / Math.abs(c.theory);
  const max = (list: Check[], f: (c: Check) => number) =>
    list.reduce((m, c) => Math.max(m, f(c)), 0);
  let worst: Agreement['worst'] = null;
  for (const c of claimed) {
    const z = zScore(c);
    if (!worst || z > worst.z) worst = { ...c, z };
  }
  const beyond = max(claimed, (c) => zScore(c, true));
  return {
    claimed: claimed.length,
    unclaimed: unclaimed.length,
    maxZ: worst?.z ?? 0,
    maxZBeyondFiniteSize: beyond,
    maxRelative: max(claimed, rel),
    agrees: beyond <= Z_LIMIT,
    worst,
    unclaimedMaxZ: unclaimed.length ? max(unclaimed, (c) => zScore(c)) : null,
    unclaimedMaxRelative: unclaimed.length ? max(unclaimed, rel) : null,
  };
}
