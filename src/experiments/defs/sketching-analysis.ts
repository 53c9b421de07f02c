import type { CurveRow } from '../../plot/curves.js';
import { sketchedSingularValueEdges } from '../../sketch/theory-embedding.js';
import { asymptoticInversionBias, gaussianInversionBias } from '../../sketch/theory-inversion.js';
import { sketchAndSolveExcessRisk } from '../../sketch/theory-solve.js';
import { check, trialStats, zScore } from '../stats.js';
import type { Analysis, Check, PointResults } from '../types.js';
import type { SketchingConfig } from './sketching.js';
import { sketchingFigures } from './sketching-figures.js';
import type { SketchingPoint, SketchingValues } from './sketching-trial.js';

/** Families with iid entries, for which the Marchenko–Pastur edges are a theorem (Bai–Yin). */
const IID = new Set(['gaussian', 'uniform', 'rademacher']);

/** Integer sketch sizes spanning the grid, about 120 of them, for the theory lines. */
function curveSizes(lo: number, hi: number): number[] {
  const step = Math.max(1, Math.floor((hi - lo) / 120));
  const out: number[] = [];
  for (let l = lo; l <= hi; l += step) out.push(l);
  return out;
}

const sim = (series: string, x: number, mean: number, stderr: number, extra: Partial<CurveRow>) =>
  ({
    kind: 'simulation',
    series,
    x,
    y: mean,
    lo: mean - stderr,
    hi: mean + stderr,
    ...extra,
  }) as CurveRow;
const line = (series: string, x: number, y: number, extra: Partial<CurveRow> = {}) =>
  ({ kind: 'theory', series, x, y, lo: null, hi: null, ...extra }) as CurveRow;

/**
 * The analysis of the sketching experiment (docs/theory.md §12): edges, excess residual and
 * inversion bias of every (family, l) against the theory, as three figures and their checks.
 * Works on whatever points `results` holds (a subset of families is fine).
 */
export function analyseSketching(
  c: SketchingConfig,
  results: PointResults<SketchingPoint, SketchingValues>[],
): Analysis {
  const { d } = c;
  const edgeRows: CurveRow[] = [];
  const excessRows: CurveRow[] = [];
  const biasRows: CurveRow[] = [];
  const checks: Check[] = [];
  const sizes = results.map((p) => p.params.l);
  const grid = curveSizes(Math.min(...sizes), Math.max(...sizes));
  for (const l of grid) {
    excessRows.push(line('theory d/(l − d − 1)', l / d, sketchAndSolveExcessRisk(d, l, 1)));
    // In units of the exact Gaussian bias, where the O(1/l) gap to the asymptotic one shows.
    const exact = gaussianInversionBias(d, l);
    biasRows.push(line('exact (Gaussian) l/(l − d − 1)', l / d, 1));
    biasRows.push(line('asymptotic l/(l − d)', l / d, asymptoticInversionBias(d, l) / exact));
  }
  const families = [...new Set(results.map((p) => p.params.family))];
  for (const family of families)
    for (const l of grid) {
      const e = sketchedSingularValueEdges(d, l);
      edgeRows.push(line('1 + √(d/l)', l / d, e.upper, { family }));
      edgeRows.push(line('1 − √(d/l)', l / d, e.lower, { family }));
    }
  for (const point of results) {
    const { family, l, ratio } = point.params;
    const edges = sketchedSingularValueEdges(d, l);
    const gaussian = family === 'gaussian';
    const at = `${family} l=${l} (l/d=${ratio})${gaussian ? '' : IID.has(family) ? ' (edges only claimed)' : ' (reported)'}`;
    const exact = {
      excess: sketchAndSolveExcessRisk(d, l, 1),
      bias: gaussianInversionBias(d, l),
    };
    for (const [key, quantity, theory, scale] of [
      ['smax', 'σ_max(S·U)', edges.upper, edges.upperScale],
      ['smin', 'σ_min(S·U)', edges.lower, edges.lowerScale],
    ] as const) {
      const stats = trialStats(point, key);
      edgeRows.push(
        sim(quantity, ratio, stats.mean, stats.stderr, { family, theory, trials: stats.n }),
      );
      // E[TW₁] = −1.21: the extremes sit about 1.2 Tracy–Widom scales inside the edges.
      checks.push(
        check(quantity, at, theory, stats, { finiteSize: 2 * scale, claim: IID.has(family) }),
      );
    }
    for (const [key, quantity, rows, unit] of [
      ['excess', 'excess residual ratio', excessRows, 1],
      ['bias', 'inversion bias tr((AᵀSᵀSA)⁻¹AᵀA)/d', biasRows, exact.bias],
    ] as const) {
      const stats = trialStats(point, key);
      rows.push(
        sim(family, ratio, stats.mean / unit, stats.stderr / unit, {
          theory: exact[key] / unit,
          trials: stats.n,
        }),
      );
      checks.push(check(quantity, at, exact[key], stats, { claim: gaussian }));
    }
  }
  return {
    figures: sketchingFigures(c, edgeRows, excessRows, biasRows),
    checks,
    notes: notes(checks),
  };
}

/** One sentence per family: its largest |theory − simulation| in standard errors per quantity. */
function notes(checks: Check[]): string[] {
  const byFamily = new Map<string, Check[]>();
  for (const c of checks) {
    const family = c.at.split(' ')[0]!;
    byFamily.set(family, [...(byFamily.get(family) ?? []), c]);
  }
  const out = [...byFamily].map(([family, list]) => {
    const worst = (q: string) =>
      Math.max(...list.filter((c) => c.quantity.startsWith(q)).map((c) => zScore(c, true)));
    return `${family}: largest gap beyond the finite-size term ${worst('σ_max').toFixed(1)} (σ_max), ${worst('σ_min').toFixed(1)} (σ_min), ${worst('excess').toFixed(1)} (excess residual), ${worst('inversion').toFixed(1)} (inversion bias) standard errors.`;
  });
  out.push(
    'SRHT samples l of the n′ = 2^⌈log₂ n⌉ rows of an orthogonal transform without replacement; when l/n′ is not small its S·U is closer to an isometry than a Gaussian sketch, so its singular values sit inside the Marchenko–Pastur edges and its excess residual and inversion bias fall below the Gaussian values (Dobriban and Liu 2019).',
  );
  return out;
}
