import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import type { Figure } from '../types.js';
import type { SslBackgroundConfig } from './ssl-background.js';

/** The two figures of ssl-background (docs/ssl.md) from their rows. */
export function sslBackgroundFigures(
  c: SslBackgroundConfig,
  epsilon: CurveRow[],
  curves: CurveRow[],
): Figure[] {
  const size = `${c.trials} trials per point; m = ${c.unlabeled} unlabeled, λ = ${c.lambda}`;
  return [
    {
      name: 'ssl-background-epsilon',
      title: 'Fashion-MNIST with background: test risk vs the stand-in ε̂',
      caption: `Points: mean test risk ‖Ŷ − Y‖²/10 at n = ${c.ns[0]} ± one standard error, against the mean Eckart–Young tail ε̂ of ψ̂(X₁) beyond rank 10, growing the background strength a at s = ${c.strength.rank} or its rank s at a = ${c.rank.strength} from the clean image.`,
      spec: curvesSpec(epsilon, {
        title: `Test risk vs ε̂ (n = ${c.ns[0]}; ${size})`,
        xTitle: 'ε̂ (tail of ψ̂(X₁) beyond rank 10)',
        yTitle: 'test risk',
        seriesTitle: '',
        xScale: 'log',
        width: 420,
        height: 280,
      }),
      rows: epsilon,
    },
    {
      name: 'ssl-background-curves',
      title: 'SSL + ridge vs supervised ridge against n, clean and strongest backgrounds',
      caption:
        'Points: mean test risk ± one standard error of ridge on ψ̂(X₁) (SSL, by pretext) and on X₁ (supervised), for the clean image and the strongest setting of each panel; the CSV also holds the test accuracy.',
      spec: curvesSpec(curves, {
        title: `Test risk vs n (${size})`,
        xTitle: 'labeled samples n',
        yTitle: 'test risk',
        seriesTitle: '',
        xScale: 'log',
        yScale: 'log',
        width: 420,
        height: 280,
      }),
      rows: curves,
    },
  ];
}
