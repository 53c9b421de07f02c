import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import type { Figure } from '../types.js';
import type { SslRankConfig } from './ssl-rank.js';

/** The three figures of ssl-rank (docs/theory.md §16.7) from their rows. */
export function sslRankFigures(
  c: SslRankConfig,
  rate: CurveRow[],
  eps: CurveRow[],
  compare: CurveRow[],
): Figure[] {
  const size = `${c.trials} trials per point`;
  return [
    {
      name: 'ssl-rate',
      title: 'SSL linear downstream excess risk vs n, by redundancy rank s',
      caption:
        'Points: mean excess risk E‖β̂ψ* − η‖²/p of least squares on the population representation ψ* ± one standard error; lines: the exact Gaussian expectation (p+s)σ²/(n−p−s−1) and the rate (p+s)σ²/n.',
      spec: curvesSpec(rate, {
        title: `Excess risk vs n (d₁ = ${c.d1}, d₂ = ${c.d2}, p = ${c.p}, σ = ${c.sigma}; ${size})`,
        xTitle: 'labeled samples n',
        yTitle: 'excess risk',
        seriesTitle: '',
        xScale: 'log',
        yScale: 'log',
        width: 420,
        height: 280,
      }),
      rows: rate,
    },
    {
      name: 'ssl-epsilon',
      title: 'SSL + ridge excess risk vs ε_s with the Corollary 11 bound',
      caption: `Points: mean ridge (λ = ${c.lambda}) excess risk at n = ${c.epsilonN}, s = 2 ± one standard error; line: the Corollary 11 bound error* + bias + 2σ̃²(p+s)(1+ε_s/λ)/n (loose, by design).`,
      spec: curvesSpec(eps, {
        title: `Excess risk vs ε_s (n = ${c.epsilonN}; ${size})`,
        xTitle: 'ε_s',
        yTitle: 'excess risk',
        seriesTitle: '',
        yScale: 'log',
        width: 420,
        height: 280,
      }),
      rows: eps,
    },
    {
      name: 'ssl-vs-supervised',
      title: 'SSL + ridge vs supervised ridge, full-rank and rank-deficient C_h',
      caption:
        'Points: mean excess risk ± one standard error. With full-rank C_h SSL wins while n < d₂; with a rank-deficient C_h (two labels encoded alike) ψ* loses label information and SSL plateaus at error* while supervised ridge keeps improving.',
      spec: curvesSpec(compare, {
        title: `SSL vs supervised (d₁ = ${c.compare.d1}, d₂ = ${c.compare.d2}, σ = ${c.compare.sigma}; ${size})`,
        xTitle: 'labeled samples n',
        yTitle: 'excess risk',
        seriesTitle: '',
        xScale: 'log',
        yScale: 'log',
        width: 420,
        height: 280,
      }),
      rows: compare,
    },
  ];
}
