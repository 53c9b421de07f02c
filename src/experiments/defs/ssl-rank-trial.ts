import type { RandomStream } from '../../random/stream.js';
import { runSslTrial } from '../../ssl/trial.js';

/**
 * A grid point of ssl-rank: one model (s, ε_s, rank of C_h) and pretext, evaluated at every n of
 * `ns` (comma-separated) on nested labeled samples.
 */
export type SslRankPoint = {
  panel: 'rate' | 'epsilon' | 'compare';
  d1: number;
  d2: number;
  p: number;
  s: number;
  epsilon: number;
  encodingRank: number;
  sigma: number;
  pretext: 'oracle' | 'linear';
  lambda: number;
  ns: string;
};

/** Excess risks per n (arrays in the order of `ns`) and the stand-in ε̂_s of the representation. */
export type SslRankValues = {
  sslLinear: number[];
  sslRidge: number[];
  supervisedRidge: number[];
  bound: number[];
  epsilonStandIn: number;
};

/**
 * One ssl-rank trial (docs/theory.md §16.7): the model's directions are fixed (model seed 0), the
 * data come from the trial's stream, so every point of a seed shares its X₁ draws.
 */
export function simulateSslRank(point: SslRankPoint, stream: RandomStream): SslRankValues {
  const results = runSslTrial({
    model: {
      d1: point.d1,
      d2: point.d2,
      p: point.p,
      s: point.s,
      epsilon: point.epsilon,
      encodingRank: point.encodingRank,
      sigma: point.sigma,
    },
    n: point.ns.split(',').map(Number),
    pretext: point.pretext,
    lambda: point.lambda,
    seed: stream.child('ssl-rank'),
  });
  return {
    sslLinear: results.map((r) => r.sslLinear),
    sslRidge: results.map((r) => r.sslRidge),
    supervisedRidge: results.map((r) => r.supervisedRidge),
    bound: results.map((r) => r.bound),
    epsilonStandIn: results[0]!.epsilonStandIn,
  };
}
