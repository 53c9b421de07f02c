import { ar1GammaStar, crossing } from '../../pca/boundary.js';
import { pcaFiniteCurve, pcaPopulationError } from '../../pca/theory.js';
import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import { parseCovarianceSpec } from '../../scenario/covariance-spec.js';
import { sampleCount } from '../../scenario/ssr-trial.js';
import { comparePca } from '../../ssr/compare-pca.js';
import { meanError } from '../../stats/mean-error.js';
import { pointLabel } from '../keys.js';
import { experimentModel, modelTitle } from '../models.js';
import { check, trialStats } from '../stats.js';
import type { Check, Figure, PointResults } from '../types.js';
import { ssrPointTheory } from './ssr-trial.js';
import type { SsrVsPcaPoint, SsrVsPcaValues } from './ssr-vs-pca.js';

/** One model's comparison: its checks, theory γ* and the crossing of the simulated means. */
export interface PcaPanel {
  params: SsrVsPcaPoint;
  checks: Check[];
  gammaStar: number;
  simulatedGammaStar: number | null;
}

/**
 * PCA finite-size allowance in units of 1/d (measured bias ≤ 0.13/d at d = 200, α = 2, ρ = 0.5 and
 * 0.8).
 */
const PCA_FINITE_SIZE = 0.5;

/**
 * Theory and simulation rows of one model's SSR-vs-PCA panel (appended to `rows`) and its checks.
 * @example ssrVsPcaPanel(results[0], rows).gammaStar
 */
export function ssrVsPcaPanel(
  point: PointResults<SsrVsPcaPoint, SsrVsPcaValues>,
  rows: CurveRow[],
): PcaPanel {
  const { model, d, alpha, lambda, steps } = point.params;
  const form = experimentModel(model, d).spectrum();
  const a = sampleCount(alpha, d) / d;
  const panel = modelTitle(model);
  const finite = pcaFiniteCurve(form, a);
  const { point: ssr, finiteSize } = ssrPointTheory(form, d, alpha, lambda);
  const dense = Array.from({ length: 101 }, (_, i) => i / 100);
  for (const g of dense) {
    rows.push({
      kind: 'theory',
      series: `PCA, α = ${alpha}`,
      model: panel,
      x: g,
      y: finite(g),
      lo: null,
      hi: null,
    });
    rows.push({
      kind: 'theory',
      series: 'PCA, α = ∞',
      model: panel,
      x: g,
      y: pcaPopulationError(form, g),
      lo: null,
      hi: null,
    });
    rows.push({
      kind: 'theory',
      series: `SSR at λ* = ${lambda.toPrecision(3)}`,
      model: panel,
      x: g,
      y: ssr.genError,
      lo: null,
      hi: null,
    });
  }
  const ssrStats = trialStats(point, 'ssr');
  const checks: Check[] = [
    check('SSR L_gen(λ*)', pointLabel(point.params, ['steps']), ssr.genError, ssrStats, {
      finiteSize: finiteSize('gen'),
    }),
  ];
  const simulatedPca: number[] = [];
  for (let k = 0; k < steps; k++) {
    const p = Math.round(((k + 1) * d) / steps);
    const gamma = p / d;
    const stats = meanError(point.trials.map((t) => t.pca[k]));
    simulatedPca.push(stats.mean);
    const theory = finite(gamma);
    rows.push({
      kind: 'simulation',
      series: `PCA, α = ${alpha}`,
      model: panel,
      x: gamma,
      y: stats.mean,
      lo: stats.mean - stats.stderr,
      hi: stats.mean + stats.stderr,
      theory,
      stderr: stats.stderr,
      trials: stats.n,
    });
    rows.push({
      kind: 'simulation',
      series: `SSR at λ* = ${lambda.toPrecision(3)}`,
      model: panel,
      x: gamma,
      y: ssrStats.mean,
      lo: ssrStats.mean - ssrStats.stderr,
      hi: ssrStats.mean + ssrStats.stderr,
      theory: ssr.genError,
      stderr: ssrStats.stderr,
      trials: ssrStats.n,
    });
    // γ = 1: PCA keeps everything, error 0 in theory and simulation alike; nothing to compare.
    if (p < d)
      checks.push(
        check(
          'PCA error',
          `${pointLabel(point.params, ['steps', 'lambda'])} γ=${gamma}`,
          theory,
          stats,
          { finiteSize: PCA_FINITE_SIZE / d },
        ),
      );
  }
  const gammaStar = crossing(finite, ssr.genError, 1e-9);
  return {
    params: point.params,
    checks,
    gammaStar,
    simulatedGammaStar: simulatedCrossing(simulatedPca, ssrStats.mean, steps),
  };
}

/**
 * Where the piecewise-linear simulated PCA curve (γ = k/steps, from E(0) = tr Σ/d ≈ 1) falls to the
 * SSR mean.
 */
function simulatedCrossing(pca: number[], target: number, steps: number): number | null {
  let prevG = 0;
  let prevE = 1;
  for (let k = 0; k < pca.length; k++) {
    const g = (k + 1) / steps;
    if (pca[k] <= target) return prevG + ((prevE - target) / (prevE - pca[k])) * (g - prevG);
    prevG = g;
    prevE = pca[k];
  }
  return null;
}

/**
 * The phase diagram γ*(ρ) of AR(1): the closed form at α = ∞ and comparePca's finite-α boundary
 * (d → ∞ spectral symbol) for each α, with the simulated crossings of the panels as points.
 * @example phaseDiagram(config, panels).figure
 */
export function phaseDiagram(
  c: { rhos: number[]; alphas: number[]; d: number; alpha: number },
  panels: PcaPanel[],
): { figure: Figure; notes: string[] } {
  const rows: CurveRow[] = [];
  for (const rho of c.rhos) {
    rows.push({
      kind: 'theory',
      series: 'α = ∞',
      x: rho,
      y: ar1GammaStar(rho),
      lo: null,
      hi: null,
    });
    const form = experimentModel(`ar1:${rho}`, Infinity).spectrum();
    for (const alpha of c.alphas)
      rows.push({
        kind: 'theory',
        series: `α = ${alpha}`,
        x: rho,
        y: comparePca(form, alpha, { gammas: [] }).gammaStar,
        lo: null,
        hi: null,
      });
  }
  for (const p of panels) {
    if (p.simulatedGammaStar === null) continue;
    const spec = parseCovarianceSpec(p.params.model, 'model');
    const rho = spec.kind === 'ar1' ? spec.rho : 0; // the phase diagram's panels are AR(1) (iso is ρ = 0)
    rows.push({
      kind: 'simulation',
      series: `α = ${c.alpha}`,
      x: rho,
      y: p.simulatedGammaStar,
      lo: null,
      hi: null,
      theoryAtD: p.gammaStar,
    });
  }
  const spec = curvesSpec(rows, {
    title: 'Phase diagram: PCA beats SSR above γ*(ρ)',
    xTitle: 'AR(1) correlation ρ',
    yTitle: 'γ* (fraction of components)',
    seriesTitle: 'sample ratio',
    width: 380,
    height: 260,
  });
  return {
    figure: {
      name: 'phase-diagram',
      title: 'Phase diagram γ*(ρ)',
      caption: `Lines: γ*(ρ) in the population (α = ∞, closed form) and at finite α (SSR at λ* vs Ledoit–Péché PCA, d → ∞); points: the crossings of the simulated curves of the first figure (d = ${c.d}, α = ${c.alpha}). Below the line SSR wins.`,
      spec,
      rows,
    },
    notes: [`γ*(0.5) = ${ar1GammaStar(0.5).toFixed(4)} at α = ∞ (docs/theory.md §5: ≈ 0.1513).`],
  };
}
