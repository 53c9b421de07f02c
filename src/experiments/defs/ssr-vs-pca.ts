import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import { sampleCount } from '../../scenario/ssr-trial.js';
import { fitSsr } from '../../ssr/estimator.js';
import { optimalLambda } from '../../ssr/optimal.js';
import { populationErrorInPlace } from '../../ssr/population-error.js';
import { paramsKey, pointLabel } from '../keys.js';
import { experimentModel } from '../models.js';
import type { Experiment, Size } from '../types.js';
import { pcaErrors } from './pca-trial.js';
import { phaseDiagram, ssrVsPcaPanel } from './ssr-vs-pca-analysis.js';

/** Parameters of {@link ssrVsPca}. */
export interface SsrVsPcaConfig {
  d: number;
  models: string[];
  alpha: number;
  /** PCA keeps p = k·d/steps components, k = 1…steps. */
  steps: number;
  trials: number;
  /** Phase diagram: ρ grid and the finite α values (α = ∞ is always drawn). */
  rhos: number[];
  alphas: number[];
}

/** A grid point of {@link ssrVsPca}: one model at (d, α), SSR at its λ*, PCA at p = k·d/steps. */
export type SsrVsPcaPoint = {
  model: string;
  d: number;
  alpha: number;
  lambda: number;
  steps: number;
};

/**
 * One SSR-vs-PCA trial: SSR's population error and PCA's at each of the `steps` component counts.
 */
export type SsrVsPcaValues = { ssr: number; pca: number[] };

const RHOS = Array.from({ length: 19 }, (_, i) => Number(((i + 1) * 0.05).toFixed(2)));
const SIZES: Record<Size, SsrVsPcaConfig> = {
  tiny: {
    d: 80,
    models: ['ar1:0.5'],
    alpha: 2,
    steps: 8,
    trials: 4,
    rhos: [0.3, 0.5, 0.7],
    alphas: [2],
  },
  quick: {
    d: 200,
    models: ['ar1:0.5', 'ar1:0.8'],
    alpha: 2,
    steps: 20,
    trials: 24,
    rhos: RHOS,
    alphas: [1, 2, 4, 10],
  },
  full: {
    d: 600,
    models: ['ar1:0.5', 'ar1:0.8'],
    alpha: 2,
    steps: 40,
    trials: 40,
    rhos: RHOS,
    alphas: [0.5, 1, 2, 4, 10],
  },
};

/** λ* at the simulated n (6 significant digits: a stable store key). */
export function pcaLambdaStar(model: string, d: number, alpha: number): number {
  return Number(
    optimalLambda(
      experimentModel(model, d).spectrum(),
      sampleCount(alpha, d) / d,
    ).point.lambda.toPrecision(6),
  );
}

/**
 * Experiment 5: masked SSR (at its optimal ridge λ*) against PCA keeping a fraction γ = p/d of
 * the sample eigenvectors, for AR(1) data (docs/theory.md §5). Each trial fits both on the same
 * data and measures their exact population errors; theory: SSR's deterministic equivalent and the
 * Ledoit–Péché PCA error at the same finite d and α. A second figure is the phase diagram γ*(ρ):
 * the fraction of components PCA needs to match SSR, in the population (closed form) and at
 * finite α (a new boundary), with the crossings of the simulated curves.
 */
export const ssrVsPca: Experiment<SsrVsPcaConfig, SsrVsPcaPoint, SsrVsPcaValues> = {
  name: 'ssr-vs-pca',
  version: 1,
  title: 'SSR vs PCA and the phase diagram γ*(ρ)',
  description:
    'For AR(1) data, the generalisation error of masked SSR at its optimal ridge against that of PCA keeping a fraction γ = p/d of the components (theory lines, simulated means ± standard error), and the phase diagram γ*(ρ): PCA needs more than γ* of the components to beat SSR. At α = ∞ γ* = (2/π) arctan(tan(πρ²/(1+ρ²))/K); finite α lowers it.',
  config: (size) => SIZES[size],
  points: (c) =>
    c.models.map((model) => ({
      model,
      d: c.d,
      alpha: c.alpha,
      lambda: pcaLambdaStar(model, c.d, c.alpha),
      steps: c.steps,
    })),
  trials: (c) => c.trials,
  simulate(params, stream) {
    const { model, d, alpha, lambda, steps } = params;
    const m = experimentModel(model, d);
    const x = m.sample(sampleCount(alpha, d), stream.child('data', paramsKey({ model, d, alpha })));
    const ssr = populationErrorInPlace(fitSsr(x, { lambda, centre: false }), m.matrix());
    const components = Array.from({ length: steps }, (_, k) => Math.round(((k + 1) * d) / steps));
    return { ssr, pca: pcaErrors(x, m.matrix(), components) };
  },
  analyse(c, results) {
    const rows: CurveRow[] = [];
    const panels = results.map((point) => ssrVsPcaPanel(point, rows));
    const diagram = phaseDiagram(c, panels);
    const spec = curvesSpec(rows, {
      title: `SSR (at λ*) vs PCA with a fraction γ of components (d = ${c.d}, α = ${c.alpha}, ${c.trials} trials)`,
      xTitle: 'fraction of components γ = p/d',
      yTitle: 'generalisation error per coordinate',
      seriesTitle: '',
      column: 'model',
      width: 300,
      independentY: true,
    });
    return {
      figures: [
        {
          name: 'errors-vs-gamma',
          title: 'SSR vs PCA errors vs γ',
          caption: `Lines: SSR's deterministic equivalent at λ* and the Ledoit–Péché PCA error at d = ${c.d}, α = ${c.alpha}, plus population PCA (α = ∞); points: simulated means ± one standard error (SSR repeated at every γ).`,
          spec,
          rows,
        },
        diagram.figure,
      ],
      checks: panels.flatMap((p) => p.checks),
      notes: panels
        .map(
          (p) =>
            `${pointLabel(p.params, ['steps'])}: theory γ* = ${p.gammaStar.toFixed(4)}, crossing of the simulated means ${p.simulatedGammaStar === null ? 'none' : p.simulatedGammaStar.toFixed(4)}.`,
        )
        .concat(diagram.notes),
    };
  },
};
