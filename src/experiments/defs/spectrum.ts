import { type HistogramRow, histogramSpec } from '../../plot/histogram.js';
import { sampleCount } from '../../scenario/ssr-trial.js';
import { ssrEigen } from '../../ssr/spectrum.js';
import { type SsrSpectrumTheory, ssrSpectrumTheory } from '../../ssr/spectrum-theory.js';
import { histogram } from '../../stats/histogram.js';
import { meanError } from '../../stats/mean-error.js';
import { paramsKey, pointLabel } from '../keys.js';
import { experimentModel, modelTitle } from '../models.js';
import { check } from '../stats.js';
import type { Check, Experiment, Size } from '../types.js';

/** Parameters of {@link spectrumExperiment}. */
export interface SpectrumConfig {
  d: number;
  /** (model, α, λ) panels. */
  panels: Array<{ model: string; alpha: number; lambda: number }>;
  bins: number;
  trials: number;
}

/** A grid point of {@link spectrumExperiment}: one panel (model, α, λ) at dimension d. */
export type SpectrumPoint = { model: string; alpha: number; lambda: number; d: number };

/** One spectrum trial: all d eigenvalues of Â. */
export type SpectrumValues = { eig: number[] };

const PANELS = [
  { model: 'iso', alpha: 2, lambda: 0.1 },
  { model: 'ar1:0.5', alpha: 2, lambda: 0.1 },
  { model: 'two-level:6', alpha: 3, lambda: 0.05 },
];
const SIZES: Record<Size, SpectrumConfig> = {
  tiny: { d: 80, panels: PANELS, bins: 8, trials: 4 },
  quick: { d: 200, panels: PANELS, bins: 16, trials: 12 },
  full: { d: 800, panels: PANELS, bins: 30, trials: 16 },
};

/** Finite-size allowance per bin, in eigenvalues: the theory's O(1) count error near the edges. */
const EDGE_EIGENVALUES = 1.5;

const theories = new Map<string, SsrSpectrumTheory>();

/**
 * The deterministic-equivalent law of Â's eigenvalues for a panel (cached: it is the slow part).
 */
function theoryOf(p: SpectrumPoint): SsrSpectrumTheory {
  const key = paramsKey(p);
  let t = theories.get(key);
  if (!t) {
    const { model, d, alpha, lambda } = p;
    theories.set(
      key,
      (t = ssrSpectrumTheory(experimentModel(model, d), sampleCount(alpha, d) / d, lambda, {
        gridPoints: 300,
      })),
    );
  }
  return t;
}

/**
 * Experiment 3: the spectrum of the SSR matrix Â (docs/theory.md §3). Each trial returns all d
 * eigenvalues of Â (symmetric similarity, `ssrEigen`); the figure is their histogram pooled over
 * trials under the deterministic-equivalent density (diagonal Σ: exact commuting solver; AR(1)
 * and isotropic: Δ ≈ Δ̄I map of the generalised Marchenko–Pastur law). Checks compare each bin's
 * fraction of eigenvalues (mean over trials ± standard error) with the theory's mass F(hi) − F(lo).
 */
export const spectrumExperiment: Experiment<SpectrumConfig, SpectrumPoint, SpectrumValues> = {
  name: 'spectrum',
  version: 1,
  title: 'Spectrum of Â',
  description:
    'Histogram of the eigenvalues of the SSR matrix Â (pooled over trials) over the deterministic-equivalent density, for isotropic, AR(1) and two-level diagonal covariances. Â is similar to a symmetric matrix, so its spectrum is real; it lies below 1 and maps from the sample-covariance spectrum through a = 1 − (λ/κ)/ν.',
  config: (size) => SIZES[size],
  points: (c) => c.panels.map((p) => ({ ...p, d: c.d })),
  trials: (c) => c.trials,
  simulate(params, stream) {
    const { model, d, alpha, lambda } = params;
    const x = experimentModel(model, d).sample(
      sampleCount(alpha, d),
      stream.child('data', paramsKey({ model, d, alpha })),
    );
    return { eig: [...ssrEigen(x, lambda).values] };
  },
  analyse(c, results) {
    const rows: HistogramRow[] = [];
    const checks: Check[] = [];
    for (const point of results) {
      const theory = theoryOf(point.params);
      const panel = `${modelTitle(point.params.model)}, α = ${point.params.alpha}, λ = ${point.params.lambda}`;
      const lo = Math.min(...theory.edges.map((e) => e[0]));
      const hi = Math.max(...theory.edges.map((e) => e[1]));
      const width = (hi - lo) / c.bins;
      const fractions = Array.from({ length: c.bins }, (): number[] => []);
      for (const trial of point.trials) {
        const { eig } = trial;
        const { counts } = histogram(eig, { bins: c.bins, range: [lo, hi] });
        counts.forEach((n, b) => fractions[b].push(n / eig.length));
      }
      for (let b = 0; b < c.bins; b++) {
        const [from, to] = [lo + b * width, lo + (b + 1) * width];
        // The first and last bins also hold the few eigenvalues beyond the theoretical edges.
        const mass =
          theory.cdf(b === c.bins - 1 ? Infinity : to) - theory.cdf(b === 0 ? -Infinity : from);
        // A fraction is a multiple of 1/d: add its rounding variance (1/d)²/12 per trial, so a bin
        // whose count happens to repeat in every trial does not claim a zero standard error.
        const sample = meanError(fractions[b]);
        const stats = {
          ...sample,
          stderr: Math.sqrt(sample.stderr ** 2 + 1 / (12 * c.d * c.d * sample.n)),
        };
        rows.push({
          kind: 'histogram',
          panel,
          x: null,
          lo: from,
          hi: to,
          y: stats.mean / width,
          theoryMass: mass,
          fraction: stats.mean,
          stderr: stats.stderr,
        });
        checks.push(
          check(
            'bin mass',
            `${pointLabel(point.params)} bin [${from.toFixed(3)}, ${to.toFixed(3)})`,
            mass,
            stats,
            { finiteSize: EDGE_EIGENVALUES / c.d },
          ),
        );
      }
      for (let i = 0; i < theory.grid.length; i++)
        if (theory.grid[i] >= lo && theory.grid[i] <= hi)
          rows.push({
            kind: 'density',
            panel,
            x: theory.grid[i],
            lo: null,
            hi: null,
            y: theory.density[i],
          });
    }
    const spec = histogramSpec(rows, {
      title: `Eigenvalues of Â (d = ${c.d}, ${c.trials} trials pooled)`,
      xTitle: 'eigenvalue a of Â',
      yTitle: 'density',
      column: 'panel',
      width: 260,
    });
    return {
      figures: [
        {
          name: 'spectrum',
          title: 'Spectrum of Â over its deterministic equivalent',
          caption: `Bars: histogram of the eigenvalues of Â from ${c.trials} simulated data sets (d = ${c.d}); red line: the theoretical density (docs/theory.md §3).`,
          spec,
          rows,
        },
      ],
      checks,
      notes: results.map(
        (p) =>
          `${pointLabel(p.params)}: theory method ${theoryOf(p.params).method}, bulk [${theoryOf(
            p.params,
          )
            .edges.map((e) => e.map((v) => v.toFixed(4)).join(', '))
            .join('] ∪ [')}], κ = ${theoryOf(p.params).kappa.toPrecision(4)}.`,
      ),
    };
  },
};
