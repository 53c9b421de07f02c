import { type CurveRow, simulationRow } from '../../plot/curves.js';
import { logLogSlope, spearman } from '../../ssl/summary.js';
import { type MeanError, meanError } from '../../stats/mean-error.js';
import { check, trialStats } from '../stats.js';
import type { Analysis, Check, PointResults } from '../types.js';
import type { SslRankConfig } from './ssl-rank.js';
import { sslRankFigures } from './ssl-rank-figures.js';
import type { SslRankPoint, SslRankValues } from './ssl-rank-trial.js';

type Results = PointResults<SslRankPoint, SslRankValues>;

/** Mean ± standard error of entry i of a list value, for every i. */
function listStats(
  point: Results,
  key: 'sslLinear' | 'sslRidge' | 'supervisedRidge' | 'bound',
): MeanError[] {
  const length = point.trials[0]?.[key].length ?? 0;
  return Array.from({ length }, (_, i) => meanError(point.trials.map((t) => t[key][i]!)));
}

const line = (series: string, x: number, y: number, extra: Partial<CurveRow> = {}): CurveRow => ({
  kind: 'theory',
  series,
  x,
  y,
  lo: null,
  hi: null,
  ...extra,
});

/**
 * The analysis of ssl-rank (docs/theory.md §16.7): the rate panel is checked against the exact
 * least-squares expectation (p + s)σ²/(n − p − s − 1) of the oracle representation (Gaussian, so
 * claimed); the slope, the factor to (p + s)σ²/n, the Spearman ρ over ε_s and the SSL-vs-supervised
 * crossings are reported as notes.
 */
export function analyseSslRank(c: SslRankConfig, results: Results[]): Analysis {
  const rate: CurveRow[] = [];
  const eps: CurveRow[] = [];
  const compare: CurveRow[] = [];
  const checks: Check[] = [];
  const notes: string[] = [];
  for (const point of results.filter((r) => r.params.panel === 'rate')) {
    const { s, p, sigma } = point.params;
    const ns = point.params.ns.split(',').map(Number);
    const stats = listStats(point, 'sslLinear');
    const k = p + s;
    ns.forEach((n, i) => {
      const exact = (k * sigma * sigma) / (n - k - 1);
      rate.push(simulationRow(`s = ${s}`, n, stats[i]!, { theory: exact }));
      rate.push(line(`s = ${s}: (p+s)σ²/(n−p−s−1)`, n, exact));
      rate.push(line(`s = ${s}: (p+s)σ²/n`, n, (k * sigma * sigma) / n));
      checks.push(check('SSL linear excess risk', `s=${s} n=${n}`, exact, stats[i]!));
    });
    const slope = logLogSlope(
      ns,
      stats.map((m) => m.mean),
    );
    const factors = stats.map((m, i) => m.mean / ((k * sigma * sigma) / ns[i]!));
    notes.push(
      `s = ${s}: log-log slope of the excess risk against n = ${slope.toFixed(3)} over n = ${ns[0]}…${ns.at(-1)}; ratio to (p+s)σ²/n between ${Math.min(...factors).toFixed(2)} and ${Math.max(...factors).toFixed(2)}.`,
    );
  }
  const epsPoints = results.filter((r) => r.params.panel === 'epsilon');
  const epsMeans: number[] = [];
  const standIns: string[] = [];
  for (const point of epsPoints) {
    const { epsilon } = point.params;
    const excess = listStats(point, 'sslRidge')[0]!;
    const bound = listStats(point, 'bound')[0]!;
    const standIn = trialStats(point, 'epsilonStandIn');
    epsMeans.push(excess.mean);
    eps.push(simulationRow('SSL + ridge (measured)', epsilon, excess));
    eps.push(line('Corollary 11 bound', epsilon, bound.mean));
    standIns.push(`${epsilon} → ${standIn.mean.toPrecision(3)}`);
  }
  if (epsPoints.length >= 2)
    notes.push(
      `Spearman ρ between ε_s and the SSL + ridge excess risk at n = ${c.epsilonN}: ${spearman(
        epsPoints.map((r) => r.params.epsilon),
        epsMeans,
      ).toFixed(3)} over ${epsPoints.length} values.`,
      `Exact ε_s → Eckart–Young stand-in (tail beyond p + s of the sample second moment of ψ*(X₁), 20·d₁ draws): ${standIns.join(', ')}.`,
    );
  for (const point of results.filter((r) => r.params.panel === 'compare')) {
    const { pretext, encodingRank, p } = point.params;
    const ns = point.params.ns.split(',').map(Number);
    const label = `SSL + ridge, ${pretext === 'oracle' ? 'ψ*' : 'learned ψ̂'}, rank C_h = ${encodingRank}`;
    const ssl = listStats(point, 'sslRidge');
    const sup = listStats(point, 'supervisedRidge');
    ns.forEach((n, i) => {
      compare.push(simulationRow(label, n, ssl[i]!));
      if (pretext === 'oracle' && encodingRank === p)
        compare.push(simulationRow('supervised ridge', n, sup[i]!));
    });
    const wins = ns.filter(
      (_, i) => ssl[i]!.mean + 2 * ssl[i]!.stderr < sup[i]!.mean - 2 * sup[i]!.stderr,
    );
    const losses = ns.filter(
      (_, i) => ssl[i]!.mean - 2 * ssl[i]!.stderr > sup[i]!.mean + 2 * sup[i]!.stderr,
    );
    notes.push(
      `${label}: beats supervised ridge (2 standard errors apart) at n ∈ {${wins.join(', ')}}, loses at n ∈ {${losses.join(', ')}} (d₂ = ${point.params.d2}).`,
    );
  }
  return { figures: sslRankFigures(c, rate, eps, compare), checks, notes };
}
