import { crossing } from '../../pca/boundary.js';
import { pcaFiniteCurve } from '../../pca/theory.js';
import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import { logGrid } from '../../scenario/grid.js';
import { sampleCount } from '../../scenario/ssr-trial.js';
import { ssrTheory } from '../../ssr/theory.js';
import { meanError } from '../../stats/mean-error.js';
import { realSet } from '../data/real-sets.js';
import { pointLabel } from '../keys.js';
import { check, trialStats } from '../stats.js';
import type { Check, Figure, PointResults } from '../types.js';
import type { RealDataConfig, RealPoint } from './real-data.js';
import type { RealValues } from './real-trial.js';
import { ssrPointTheory } from './ssr-trial.js';

type Part = { figure: Figure; checks: Check[]; notes: string[] };

/**
 * Learning curves of experiment 6: the forecast line, real test errors and Gaussian-surrogate
 * errors against n, one panel per data set. Gaussian checks are claimed, real-data ones reported.
 * @example learningCurves(config, results).figure
 */
export function learningCurves(
  c: RealDataConfig,
  results: PointResults<RealPoint, RealValues>[],
): Part {
  const rows: CurveRow[] = [];
  const checks: Check[] = [];
  const notes: string[] = [];
  for (const s of c.sets) {
    const set = realSet(s.dataset);
    const form = set.model.spectrum();
    const d = set.pool.cols;
    const forecast = 'theory forecast (plug-in Σ)';
    for (const p of ssrTheory(
      form,
      logGrid(Math.min(...s.alphas), Math.max(...s.alphas), 60).map((alpha) => ({
        alpha,
        lambda: s.lambda,
      })),
    )) {
      rows.push({
        kind: 'theory',
        series: forecast,
        dataset: set.title,
        x: p.alpha * d,
        y: p.genError,
        lo: null,
        hi: null,
      });
    }
    const ratios: number[] = [];
    for (const point of results.filter((r) => r.params.dataset === s.dataset)) {
      const { alpha } = point.params;
      const n = sampleCount(alpha, d);
      const { point: theory, finiteSize } = ssrPointTheory(form, d, alpha, s.lambda);
      const real = trialStats(point, 'ssrTest');
      const gauss = trialStats(point, 'ssrGauss');
      for (const [series, stats] of [
        ['real data, test error', real],
        ['Gaussian data with the plug-in Σ', gauss],
      ] as const) {
        rows.push({
          kind: 'simulation',
          series,
          dataset: set.title,
          x: n,
          y: stats.mean,
          lo: stats.mean - stats.stderr,
          hi: stats.mean + stats.stderr,
          theory: theory.genError,
          stderr: stats.stderr,
          trials: stats.n,
        });
      }
      const at = pointLabel(point.params, ['steps', 'd']);
      checks.push(
        check('L_gen, Gaussian surrogate', at, theory.genError, gauss, {
          finiteSize: finiteSize('gen'),
        }),
      );
      checks.push(check('test error, real data', at, theory.genError, real, { claim: false }));
      ratios.push(real.mean / theory.genError);
    }
    notes.push(
      `${set.title}: ${set.pool.rows} training and ${set.test.rows} test rows, λ = ${s.lambda}; the real test error is ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} times the Gaussian forecast over n = ${sampleCount(Math.min(...s.alphas), d)}–${sampleCount(Math.max(...s.alphas), d)} (the data are not Gaussian, and the test rows need not follow the training distribution).`,
    );
  }
  const spec = curvesSpec(rows, {
    title: `Learning curves of masked SSR on real data (${c.trials} subsamples per n)`,
    xTitle: 'training rows n',
    yTitle: 'error per coordinate',
    seriesTitle: '',
    xScale: 'log',
    yScale: 'log',
    column: 'dataset',
    width: 300,
  });
  return {
    figure: {
      name: 'learning-curves',
      title: 'Learning curves vs the theory forecast',
      caption:
        'Line: deterministic equivalent of the plug-in covariance of the full training set; points: SSR fitted on n subsampled training rows and scored on the test rows (real data), or fitted on n Gaussian rows with the plug-in covariance (exact population error); mean ± one standard error.',
      spec,
      rows,
    },
    checks,
    notes,
  };
}

/**
 * SSR vs PCA on the real data at one α per data set: PCA test error against γ with the
 * Ledoit–Péché forecast, and SSR's test error with its forecast. All reported, none claimed.
 * @example realPcaComparison(config, results).figure
 */
export function realPcaComparison(
  c: RealDataConfig,
  results: PointResults<RealPoint, RealValues>[],
): Part {
  const rows: CurveRow[] = [];
  const checks: Check[] = [];
  const notes: string[] = [];
  for (const s of c.sets) {
    const point = results.find(
      (r) => r.params.dataset === s.dataset && r.params.alpha === s.pcaAlpha,
    );
    if (!point) continue;
    const set = realSet(s.dataset);
    const form = set.model.spectrum();
    const d = set.pool.cols;
    const a = sampleCount(s.pcaAlpha, d) / d;
    const curve = pcaFiniteCurve(form, a);
    const ssr = ssrTheory(form, [{ alpha: a, lambda: s.lambda }])[0].genError;
    const real = trialStats(point, 'ssrTest');
    // γ = 1 keeps every component: both errors are 0 (rounding), which a log scale cannot show.
    for (let i = 0; i < 100; i++) {
      rows.push({
        kind: 'theory',
        series: 'PCA forecast',
        dataset: set.title,
        x: i / 100,
        y: curve(i / 100),
        lo: null,
        hi: null,
      });
      rows.push({
        kind: 'theory',
        series: 'SSR forecast',
        dataset: set.title,
        x: i / 100,
        y: ssr,
        lo: null,
        hi: null,
      });
    }
    for (let k = 0; k < s.steps - 1; k++) {
      const gamma = Math.round(((k + 1) * d) / s.steps) / d;
      const stats = meanError(point.trials.map((t) => t.pcaTest[k]));
      rows.push({
        kind: 'simulation',
        series: 'PCA, real test error',
        dataset: set.title,
        x: gamma,
        y: stats.mean,
        lo: stats.mean - stats.stderr,
        hi: stats.mean + stats.stderr,
        theory: curve(gamma),
        stderr: stats.stderr,
        trials: stats.n,
      });
      rows.push({
        kind: 'simulation',
        series: 'SSR, real test error',
        dataset: set.title,
        x: gamma,
        y: real.mean,
        lo: real.mean - real.stderr,
        hi: real.mean + real.stderr,
        theory: ssr,
        stderr: real.stderr,
        trials: real.n,
      });
      checks.push(
        check(
          'PCA test error, real data',
          `${pointLabel(point.params, ['steps', 'd'])} γ=${gamma.toFixed(4)}`,
          curve(gamma),
          stats,
          { claim: false },
        ),
      );
    }
    const realCurve = point.trials[0]
      ? (g: number) =>
          meanError(
            point.trials.map(
              (t) => t.pcaTest[Math.min(s.steps - 1, Math.max(0, Math.ceil(g * s.steps) - 1))],
            ),
          ).mean
      : curve;
    notes.push(
      `${set.title}, α = ${s.pcaAlpha}: PCA needs γ* = ${crossing(curve, ssr, 1e-6).toFixed(3)} of the components to match SSR in the forecast; on the real test data the first γ on the grid where PCA beats SSR is ${gridCrossing(realCurve, real.mean, s.steps)}.`,
    );
  }
  const spec = curvesSpec(rows, {
    title: 'SSR vs PCA on real data',
    xTitle: 'fraction of components γ = p/d',
    yTitle: 'test error per coordinate',
    seriesTitle: '',
    yScale: 'log',
    column: 'dataset',
    width: 300,
  });
  return {
    figure: {
      name: 'ssr-vs-pca',
      title: 'SSR vs PCA on the same real data',
      caption:
        'Lines: forecasts from the plug-in covariance (Ledoit–Péché PCA, SSR deterministic equivalent); points: test errors of PCA with γd components (γ < 1) and of SSR fitted on the same subsamples (SSR repeated at every γ); mean ± one standard error.',
      spec,
      rows,
    },
    checks,
    notes,
  };
}

function gridCrossing(curve: (g: number) => number, target: number, steps: number): string {
  for (let k = 1; k <= steps; k++) if (curve(k / steps) <= target) return (k / steps).toFixed(3);
  return 'none';
}
