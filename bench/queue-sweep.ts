// The sweep of bench/queue.ts: the registered error-vs-alpha experiment (workers find its
// `simulate` by name) on a custom grid, d fixed, `points` α values × 2 models × 2 λ, `trials`
// seeds per point.
import { errorVsAlpha } from '../src/experiments/defs/error-vs-alpha.js';

export function sweep(d: number, points: number, trials: number) {
  const alphas = Array.from(
    { length: points },
    (_, i) => 0.5 + (3.5 * i) / Math.max(1, points - 1),
  );
  const config = { d, models: ['ar1:0.5', 'iso'], alphas, lambdas: [0.1, 1], trials };
  return {
    ...errorVsAlpha,
    config: () => config,
    trials: () => trials,
    points: () => errorVsAlpha.points(config),
  };
}
