import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import type { Figure } from '../types.js';
import type { SketchingConfig } from './sketching.js';

/**
 * The three figures of the sketching experiment (docs/theory.md §12) from their rows: the edges
 * of S·U by family, the sketch-and-solve excess residual and the inversion bias.
 */
export function sketchingFigures(
  c: SketchingConfig,
  edges: CurveRow[],
  excess: CurveRow[],
  bias: CurveRow[],
): Figure[] {
  const size = `n = ${c.n}, d = ${c.d}, ${c.trials} trials per point`;
  return [
    {
      name: 'edges',
      title: 'Extreme singular values of S·U vs the Marchenko–Pastur edges',
      caption:
        'Lines: 1 ± √(d/l); points: mean σ_max and σ_min of S·U ± one standard error, one panel per sketch family. Finite-size extremes sit about 1.2 Tracy–Widom scales (∝ l^(−2/3)) inside the edges.',
      spec: curvesSpec(edges, {
        title: `Subspace embedding: singular values of S·U (${size})`,
        xTitle: 'l/d',
        yTitle: 'singular value',
        seriesTitle: '',
        column: 'family',
        width: 170,
        height: 170,
        independentY: false,
      }),
      rows: edges,
    },
    {
      name: 'sketch-and-solve',
      title: 'Sketch-and-solve excess residual vs d/(l − d − 1)',
      caption:
        'Line: the exact Gaussian expectation d/(l − d − 1) of (‖Ax̃ − b‖² − ‖Ax* − b‖²)/‖Ax* − b‖²; points: mean ± one standard error for each family.',
      spec: curvesSpec(excess, {
        title: `Sketch-and-solve least squares (${size})`,
        xTitle: 'l/d',
        yTitle: 'excess residual ratio',
        seriesTitle: 'sketch',
        yScale: 'log',
        width: 420,
        height: 280,
      }),
      rows: excess,
    },
    {
      name: 'inversion-bias',
      title: 'Inversion bias of the sketched inverse vs l/(l − d − 1)',
      caption:
        'Everything in units of the exact Gaussian bias l/(l − d − 1) (the line at 1); the other line is the asymptotic bias l/(l − d) of Dereziński, Liao, Dobriban and Mahoney; points: mean of tr((AᵀSᵀSA)⁻¹AᵀA)/d ± one standard error for each family, divided by l/(l − d − 1).',
      spec: curvesSpec(bias, {
        title: `Inversion bias of (AᵀSᵀSA)⁻¹, relative to the Gaussian l/(l − d − 1) (${size})`,
        xTitle: 'l/d',
        yTitle: 'tr((AᵀSᵀSA)⁻¹AᵀA)/d ÷ l/(l − d − 1)',
        seriesTitle: 'sketch',
        width: 420,
        height: 280,
      }),
      rows: bias,
    },
  ];
}
