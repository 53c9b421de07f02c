import { ckCoefficients } from '../../features/deep-kernel.js';
import { conjugateKernelLaw } from '../../features/linearized-kernel.js';
import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import { check, trialStats } from '../stats.js';
import type { Analysis, Check, PointResults } from '../types.js';
import type { DeepCkConfig, DeepCkPoint, DeepCkValues } from './deep-ck.js';

/** Histogram bins of the bulk per layer. */
const BINS = 40;

/**
 * Histograms of the eigenvalues of K_CK,ℓ (all trials pooled, bulk only) against the density
 * of α₁²·MP(n/p) + 1 − α₁², one panel per layer, and checks that the Kolmogorov distances to K̃_ℓ,
 * to K̃_ℓ with its quadratic term and to the law stay within 0.02·√(2000/n) (the O(n^{−1/2})
 * spectral-norm error, issue 16's 0.02 at n = 2000).
 */
export function analyseDeepCk(
  c: DeepCkConfig,
  results: PointResults<DeepCkPoint, DeepCkValues>[],
): Analysis {
  const rows: CurveRow[] = [];
  const checks: Check[] = [];
  const budget = 0.02 * Math.sqrt(2000 / c.n);
  const depth = Math.max(...results.map((r) => r.params.layer));
  const coefficients = ckCoefficients(c.activation, depth);
  const notes: string[] = [];
  for (const point of results) {
    const { layer } = point.params;
    const { alpha1, alpha2 } = coefficients[layer - 1];
    const law = conjugateKernelLaw(c.n / c.p, alpha1);
    const panel = `ℓ = ${layer}`;
    const bulk = point.trials.flatMap((t) => (t.eigenvalues as number[]).slice(0, c.n - 1));
    const [lo, hi] = law.support;
    const width = (hi - lo) / BINS;
    const counts = new Array<number>(BINS).fill(0);
    for (const v of bulk) {
      const k = Math.floor((v - lo) / width);
      if (k >= 0 && k < BINS) counts[k]++;
    }
    counts.forEach((count, k) => {
      const y = count / (bulk.length * width);
      rows.push({
        kind: 'simulation',
        series: 'K_CK,ℓ eigenvalues',
        x: lo + (k + 0.5) * width,
        y,
        lo: y,
        hi: y,
        layer: panel,
      });
    });
    for (let k = 0; k <= 200; k++) {
      const x = lo + ((hi - lo) * k) / 200;
      rows.push({
        kind: 'theory',
        series: 'α₁²·MP(n/p) + 1 − α₁²',
        x,
        y: law.density(x),
        lo: null,
        hi: null,
        layer: panel,
      });
    }
    for (const [key, what] of [
      ['tilde', 'Kolmogorov distance to K̃_ℓ'],
      ['quadratic', 'Kolmogorov distance to K̃_ℓ with its quadratic term'],
      ['law', 'Kolmogorov distance to the limit law'],
    ] as const)
      checks.push(
        check(what, `${c.activation} ℓ=${layer} n=${c.n} p=${c.p}`, 0, resolved(point, key, c.n), {
          finiteSize: budget,
        }),
      );
    notes.push(
      `ℓ = ${layer}: α₁ = ${alpha1.toFixed(4)}, α₂ = ${alpha2.toFixed(4)}; distance to K̃ ${trialStats(point, 'tilde').mean.toFixed(4)}, to K̃ with its quadratic term ${trialStats(point, 'quadratic').mean.toFixed(4)}, to the law ${trialStats(point, 'law').mean.toFixed(4)} (budget ${budget.toFixed(3)}).`,
    );
  }
  return {
    figures: [
      {
        name: 'spectra',
        title: 'Spectrum of the layer-ℓ conjugate kernel against its linear equivalent',
        caption:
          'Bars (points): eigenvalue histogram of K_CK,ℓ of a normalised random ReLU network, trials pooled, the 11ᵀ spike left out; line: density of α_{ℓ,1}²·MP(n/p) + 1 − α_{ℓ,1}², the limit of K̃_ℓ. The bulk shrinks towards 1 with depth.',
        spec: curvesSpec(rows, {
          title: `Conjugate kernels, ReLU, n = ${c.n}, p = ${c.p}`,
          xTitle: 'eigenvalue',
          yTitle: 'density',
          seriesTitle: '',
          column: 'layer',
          width: 200,
          height: 170,
        }),
        rows,
      },
    ],
    checks,
    notes,
  };
}

/**
 * The trials' mean distance with a standard error that includes its resolution: a Kolmogorov
 * distance between n eigenvalues moves in steps of 1/n, so a few trials can agree exactly and
 * leave a sample standard error of 0 (an infinite z-score for any difference). Each trial then
 * carries the rounding variance of a uniform error on a 1/n grid, (1/n)²/12.
 */
function resolved(
  point: PointResults<DeepCkPoint, DeepCkValues>,
  key: 'tilde' | 'quadratic' | 'law',
  n: number,
) {
  const stats = trialStats(point, key);
  const rounding = 1 / (n * n * 12 * stats.n);
  return {
    ...stats,
    stderr: Math.sqrt((Number.isFinite(stats.stderr) ? stats.stderr ** 2 : 0) + rounding),
  };
}
