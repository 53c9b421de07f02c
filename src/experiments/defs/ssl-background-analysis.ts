import { type CurveRow, simulationRow } from '../../plot/curves.js';
import { spearman } from '../../ssl/summary.js';
import { type MeanError, meanError } from '../../stats/mean-error.js';
import { check, trialStats } from '../stats.js';
import type { Analysis, Check, PointResults } from '../types.js';
import type { SslBackgroundConfig } from './ssl-background.js';
import { sslBackgroundFigures } from './ssl-background-figures.js';
import type { SslBackgroundPoint, SslBackgroundValues } from './ssl-background-trial.js';

type Results = PointResults<SslBackgroundPoint, SslBackgroundValues>;
type ListKey = 'sslRisk' | 'supervisedRisk' | 'sslAccuracy' | 'supervisedAccuracy';

/** Per-seed Spearman ρ allowed below 1 (claim: ρ ≥ 0.9). */
const RHO_SLACK = 0.1;

const at = (point: Results, key: ListKey, i: number): MeanError =>
  meanError(point.trials.map((t) => t[key][i]!));

/** "s = 4, a = 0.5" or "no background". */
export const settingLabel = ({ s, strength }: SslBackgroundPoint): string =>
  s === 0 || strength === 0 ? 'no background' : `s = ${s}, a = ${strength}`;

/**
 * The analysis of ssl-background (docs/ssl.md). Claimed, per pretext and panel (growing a at
 * fixed s, growing s at fixed a, both from the clean image): the per-seed Spearman ρ between the
 * stand-in ε̂ and the SSL test risk at the smallest n is ≥ 0.9 (check: |1 − ρ̄| ≤ 4·stderr + 0.1).
 * Reported as notes: ρ of the means, ε̂ per setting, the paired SSL-vs-supervised gap at the
 * smallest n with its z, and the accuracies.
 */
export function analyseSslBackground(c: SslBackgroundConfig, results: Results[]): Analysis {
  const bySetting = (u: Results, v: Results) =>
    u.params.s - v.params.s || u.params.strength - v.params.strength;
  const cleans: Results[] = [];
  const panels = c.pretexts.flatMap((pretext) => {
    const own = results.filter((r) => r.params.pretext === pretext);
    const clean = own.filter((r) => r.params.s === 0 || r.params.strength === 0);
    cleans.push(...clean);
    const panel = (name: string, keep: (r: Results) => boolean) => ({
      name: `${pretext} ψ̂, ${name}`,
      pretext,
      points: [...clean, ...own.filter(keep)].sort(bySetting),
    });
    return [
      panel(
        `strength a (s = ${c.strength.rank})`,
        (r) => r.params.s === c.strength.rank && c.strength.values.includes(r.params.strength),
      ),
      panel(
        `rank s (a = ${c.rank.strength})`,
        (r) => r.params.strength === c.rank.strength && c.rank.values.includes(r.params.s),
      ),
    ];
  });
  const n0 = c.ns[0]!;
  const checks: Check[] = [];
  const notes: string[] = [];
  const epsilonRows: CurveRow[] = [];
  for (const panel of panels) {
    const eps = panel.points.map((p) => trialStats(p, 'epsilon'));
    panel.points.forEach((p, k) => {
      const extra = { setting: settingLabel(p.params), n: n0 };
      epsilonRows.push(
        simulationRow(`SSL + ridge, ${panel.name}`, eps[k]!.mean, at(p, 'sslRisk', 0), extra),
      );
      if (panel.pretext === c.pretexts[0])
        epsilonRows.push(
          simulationRow(
            `supervised ridge, ${panel.name}`,
            eps[k]!.mean,
            at(p, 'supervisedRisk', 0),
            extra,
          ),
        );
    });
    if (panel.points.length < 3) continue;
    const trials = Math.min(...panel.points.map((p) => p.trials.length));
    const rhos = Array.from({ length: trials }, (_, seed) =>
      spearman(
        panel.points.map((p) => p.trials[seed]!.epsilon),
        panel.points.map((p) => p.trials[seed]!.sslRisk[0]!),
      ),
    );
    checks.push(
      check(
        'Spearman ρ(ε̂, SSL test risk) per seed',
        `${panel.name}, n = ${n0}`,
        1,
        meanError(rhos),
        {
          finiteSize: RHO_SLACK,
        },
      ),
    );
    notes.push(
      `${panel.name}: Spearman ρ between mean ε̂ and mean SSL test risk at n = ${n0}: ${spearman(
        eps.map((e) => e.mean),
        panel.points.map((p) => at(p, 'sslRisk', 0).mean),
      ).toFixed(3)} over ${panel.points.length} settings; ε̂ = ${panel.points
        .map((p, k) => `${settingLabel(p.params)} → ${eps[k]!.mean.toPrecision(3)}`)
        .join(', ')}.`,
    );
  }
  const curveRows: CurveRow[] = [];
  const shown = new Set([...cleans, ...panels.map((p) => p.points.at(-1))]);
  for (const point of results) {
    const label = `${settingLabel(point.params)} (${point.params.pretext} ψ̂)`;
    const first = point.params.pretext === c.pretexts[0];
    const gap = meanError(point.trials.map((t) => t.supervisedRisk[0]! - t.sslRisk[0]!));
    const z = gap.stderr > 0 ? gap.mean / gap.stderr : 0;
    const acc = (key: ListKey, i: number) => (100 * at(point, key, i).mean).toFixed(1);
    const last = c.ns.length - 1;
    notes.push(
      `${label}: at n = ${n0} supervised − SSL test risk = ${gap.mean.toExponential(2)} ± ${gap.stderr.toExponential(1)} (z = ${z.toFixed(1)}; SSL ${z > 2 ? 'wins' : z < -2 ? 'loses' : 'ties'}); accuracy SSL ${acc('sslAccuracy', 0)} % vs supervised ${acc('supervisedAccuracy', 0)} % at n = ${n0}, ${acc('sslAccuracy', last)} % vs ${acc('supervisedAccuracy', last)} % at n = ${c.ns[last]}.`,
    );
    if (!shown.has(point)) continue;
    c.ns.forEach((n, i) => {
      const extra = (key: ListKey) => ({ setting: label, accuracy: at(point, key, i).mean });
      curveRows.push(
        simulationRow(
          `SSL ${point.params.pretext}, ${settingLabel(point.params)}`,
          n,
          at(point, 'sslRisk', i),
          extra('sslAccuracy'),
        ),
      );
      if (first)
        curveRows.push(
          simulationRow(
            `supervised, ${settingLabel(point.params)}`,
            n,
            at(point, 'supervisedRisk', i),
            extra('supervisedAccuracy'),
          ),
        );
    });
  }
  return { figures: sslBackgroundFigures(c, epsilonRows, curveRows), checks, notes };
}
