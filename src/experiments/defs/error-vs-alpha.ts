import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import { logGrid } from '../../scenario/grid.js';
import type { SsrTrialErrors } from '../../scenario/ssr-trial.js';
import { ssrTheory } from '../../ssr/theory.js';
import { pointLabel } from '../keys.js';
import { experimentModel, modelTitle } from '../models.js';
import { check, trialStats } from '../stats.js';
import type { Check, Experiment, Size } from '../types.js';
import { type SsrPoint, simulateSsrPoint, ssrPointTheory } from './ssr-trial.js';

/** Parameters of {@link errorVsAlpha}. */
export interface ErrorVsAlphaConfig {
  d: number;
  models: string[];
  alphas: number[];
  lambdas: number[];
  trials: number;
}

const SIZES: Record<Size, ErrorVsAlphaConfig> = {
  tiny: { d: 60, models: ['ar1:0.5', 'iso'], alphas: [0.5, 2, 4], lambdas: [0.1, 1], trials: 6 },
  quick: {
    d: 120,
    models: ['ar1:0.5', 'iso'],
    alphas: [0.25, 0.5, 0.75, 1.5, 2, 3, 4, 6],
    lambdas: [0.01, 0.1, 1],
    trials: 16,
  },
  full: {
    d: 400,
    models: ['ar1:0.5', 'iso'],
    alphas: [0.25, 0.5, 0.75, 0.9, 1.1, 1.25, 1.5, 2, 3, 4, 6, 8],
    lambdas: [0.01, 0.1, 1],
    trials: 24,
  },
};

/**
 * Experiment 1: generalisation and training error of masked SSR vs the sample ratio α = n/d for
 * several ridges λ, AR(1) (ρ = 0.5) and isotropic Σ (docs/theory.md §1–2). Each trial draws
 * n = round(αd) Gaussian rows (shared by all λ at the same α: common random numbers), fits Â and
 * measures L_gen = (1/d) tr[(I−Â)ᵀΣ(I−Â)] exactly and L_tr on the training rows; the theory is
 * the deterministic equivalent at the same finite d (exact eigendecomposition of Σ). Its O(1/n)
 * finite-size term does not average out over trials: agreement allows it (see `ssrPointTheory`)
 * on top of 4 standard errors.
 */
export const errorVsAlpha: Experiment<ErrorVsAlphaConfig, SsrPoint, SsrTrialErrors> = {
  name: 'error-vs-alpha',
  version: 1,
  title: 'Generalisation and training error vs α',
  description:
    'Masked SSR errors against the sample ratio α = n/d for several ridges λ, for AR(1) (ρ = 0.5) and isotropic covariances: deterministic-equivalent curves over simulated means ± one standard error. Small λ shows the interpolation peak at α = 1; L_tr = (λ/κ)² L_gen.',
  config: (size) => SIZES[size],
  points: (c) =>
    c.models.flatMap((model) =>
      c.alphas.flatMap((alpha) => c.lambdas.map((lambda) => ({ model, d: c.d, alpha, lambda }))),
    ),
  trials: (c) => c.trials,
  simulate: simulateSsrPoint,
  analyse(c, results) {
    const rows: CurveRow[] = [];
    const checks: Check[] = [];
    const curve = logGrid(Math.min(...c.alphas), Math.max(...c.alphas), 80);
    for (const name of c.models) {
      const form = experimentModel(name, c.d).spectrum();
      for (const lambda of c.lambdas) {
        const series = `λ = ${lambda}`;
        for (const p of ssrTheory(
          form,
          curve.map((alpha) => ({ alpha, lambda })),
        )) {
          rows.push({
            kind: 'theory',
            series,
            model: modelTitle(name),
            quantity: 'generalisation error L_gen',
            x: p.alpha,
            y: finite(p.genError),
            lo: null,
            hi: null,
          });
          rows.push({
            kind: 'theory',
            series,
            model: modelTitle(name),
            quantity: 'training error L_tr',
            x: p.alpha,
            y: finite(p.trainError),
            lo: null,
            hi: null,
          });
        }
      }
      for (const point of results.filter((r) => r.params.model === name)) {
        const { alpha, lambda, d } = point.params;
        const { point: theory, finiteSize } = ssrPointTheory(form, d, alpha, lambda);
        for (const [key, quantity, value] of [
          ['gen', 'generalisation error L_gen', theory.genError],
          ['train', 'training error L_tr', theory.trainError],
        ] as const) {
          const stats = trialStats(point, key);
          rows.push({
            kind: 'simulation',
            series: `λ = ${lambda}`,
            model: modelTitle(name),
            quantity,
            x: alpha,
            y: stats.mean,
            lo: positive(stats.mean - stats.stderr),
            hi: stats.mean + stats.stderr,
            theory: value,
            stderr: stats.stderr,
            trials: stats.n,
          });
          checks.push(
            check(key === 'gen' ? 'L_gen' : 'L_tr', pointLabel(point.params), value, stats, {
              finiteSize: finiteSize(key),
            }),
          );
        }
      }
    }
    const spec = curvesSpec(rows, {
      title: `Masked SSR error vs α (d = ${c.d}, ${c.trials} trials per point)`,
      xTitle: 'α = n/d',
      yTitle: 'error per coordinate',
      seriesTitle: 'ridge',
      xScale: 'log',
      yScale: 'log',
      column: 'model',
      row: 'quantity',
    });
    return {
      figures: [
        {
          name: 'errors',
          title: 'Generalisation and training error vs α',
          caption: `Lines: deterministic equivalent at d = ${c.d}; points: mean of ${c.trials} simulated fits ± one standard error. Top row L_gen, bottom row L_tr; columns are the covariance models.`,
          spec,
          rows,
        },
      ],
      checks,
      notes: [],
    };
  },
};

function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function positive(v: number): number | null {
  return v > 0 ? v : null;
}
