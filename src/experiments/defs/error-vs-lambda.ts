import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import { logGrid } from '../../scenario/grid.js';
import { type SsrTrialErrors, sampleCount } from '../../scenario/ssr-trial.js';
import { optimalLambda } from '../../ssr/optimal.js';
import { ssrTheory } from '../../ssr/theory.js';
import { pointLabel } from '../keys.js';
import { experimentModel, modelTitle } from '../models.js';
import { check, trialStats } from '../stats.js';
import type { Check, Experiment, Size } from '../types.js';
import { type SsrPoint, simulateSsrPoint, ssrPointTheory } from './ssr-trial.js';

/** Parameters of {@link errorVsLambda}. */
export interface ErrorVsLambdaConfig {
  d: number;
  models: string[];
  alphas: number[];
  /** Log-spaced ridge grid [lo, hi, count]; λ* of each (model, α) is added to it. */
  lambdas: [number, number, number];
  trials: number;
}

const SIZES: Record<Size, ErrorVsLambdaConfig> = {
  tiny: { d: 60, models: ['ar1:0.5'], alphas: [0.5, 2], lambdas: [1e-2, 10, 4], trials: 6 },
  quick: {
    d: 150,
    models: ['ar1:0.5', 'ar1:0.8'],
    alphas: [0.5, 2],
    lambdas: [1e-3, 30, 10],
    trials: 12,
  },
  full: {
    d: 400,
    models: ['ar1:0.5', 'ar1:0.8'],
    alphas: [0.5, 1, 2, 4],
    lambdas: [1e-4, 100, 19],
    trials: 24,
  },
};

/** λ*(model, α) at the simulated n = round(αd), to 6 significant digits (a stable store key). */
function lambdaStar(model: string, d: number, alpha: number): number {
  const form = experimentModel(model, d).spectrum();
  return Number(optimalLambda(form, sampleCount(alpha, d) / d).point.lambda.toPrecision(6));
}

/**
 * Experiment 2: generalisation error of masked SSR vs the ridge λ at fixed α, with the optimal
 * ridge λ* = argmin L_gen (docs/theory.md §2, golden section on the deterministic equivalent)
 * marked and simulated as an extra grid point. Trials share their data across λ (common random
 * numbers), so each simulated curve is one smooth function of λ.
 */
export const errorVsLambda: Experiment<ErrorVsLambdaConfig, SsrPoint, SsrTrialErrors> = {
  name: 'error-vs-lambda',
  version: 1,
  title: 'Error vs λ and the optimal ridge λ*',
  description:
    'Generalisation error of masked SSR against the ridge λ at fixed sample ratios α, for AR(1) covariances with ρ = 0.5 and 0.8 (isotropic data has λ* = ∞: no coordinate predicts another). Dashed rules mark the theoretical optimum λ*, which is also simulated; too little ridge overfits (worst near α = 1), too much underfits.',
  config: (size) => SIZES[size],
  points: (c) =>
    c.models.flatMap((model) =>
      c.alphas.flatMap((alpha) => {
        const grid = logGrid(...c.lambdas).map((l) => Number(l.toPrecision(6)));
        return [...grid, lambdaStar(model, c.d, alpha)]
          .sort((a, b) => a - b)
          .map((lambda) => ({ model, d: c.d, alpha, lambda }));
      }),
    ),
  trials: (c) => c.trials,
  simulate: simulateSsrPoint,
  analyse(c, results) {
    const rows: CurveRow[] = [];
    const checks: Check[] = [];
    const notes: string[] = [];
    const curve = logGrid(c.lambdas[0], c.lambdas[1], 90);
    for (const model of c.models) {
      const form = experimentModel(model, c.d).spectrum();
      for (const alpha of c.alphas) {
        const series = `α = ${alpha}`;
        const panel = modelTitle(model);
        const n = sampleCount(alpha, c.d);
        for (const p of ssrTheory(
          form,
          curve.map((lambda) => ({ alpha: n / c.d, lambda })),
        ))
          rows.push({
            kind: 'theory',
            series,
            model: panel,
            x: p.lambda,
            y: p.genError,
            lo: null,
            hi: null,
          });
        const star = lambdaStar(model, c.d, alpha);
        const best = ssrPointTheory(form, c.d, alpha, star).point;
        rows.push({ kind: 'marker', series, model: panel, x: star, y: null, lo: null, hi: null });
        let simulatedBest = { lambda: NaN, mean: Infinity };
        for (const point of results.filter(
          (r) => r.params.model === model && r.params.alpha === alpha,
        )) {
          const { lambda } = point.params;
          const { point: theory, finiteSize } = ssrPointTheory(form, c.d, alpha, lambda);
          const stats = trialStats(point, 'gen');
          if (stats.mean < simulatedBest.mean) simulatedBest = { lambda, mean: stats.mean };
          rows.push({
            kind: 'simulation',
            series,
            model: panel,
            x: lambda,
            y: stats.mean,
            lo: stats.mean - stats.stderr,
            hi: stats.mean + stats.stderr,
            theory: theory.genError,
            stderr: stats.stderr,
            trials: stats.n,
            optimal: lambda === star,
          });
          checks.push(
            check('L_gen', pointLabel(point.params), theory.genError, stats, {
              finiteSize: finiteSize('gen'),
            }),
          );
        }
        notes.push(
          `${panel}, α = ${alpha}: λ* = ${star.toPrecision(4)} with theoretical L_gen(λ*) = ${best.genError.toPrecision(4)}; the smallest simulated mean on the grid is ${simulatedBest.mean.toPrecision(4)} at λ = ${simulatedBest.lambda.toPrecision(4)}.`,
        );
      }
    }
    const spec = curvesSpec(rows, {
      title: `Masked SSR generalisation error vs λ (d = ${c.d}, ${c.trials} trials per point)`,
      xTitle: 'ridge λ',
      yTitle: 'generalisation error L_gen',
      seriesTitle: 'sample ratio',
      xScale: 'log',
      yScale: 'log',
      column: 'model',
    });
    return {
      figures: [
        {
          name: 'error-vs-lambda',
          title: 'Generalisation error vs λ with λ* marked',
          caption: `Lines: deterministic equivalent at d = ${c.d}; points: mean of ${c.trials} simulated fits ± one standard error; dashed rules: the optimal ridge λ* of each α (also a simulated point).`,
          spec,
          rows,
        },
      ],
      checks,
      notes,
    };
  },
};
