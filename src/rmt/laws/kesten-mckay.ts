import { InvalidArgumentError } from '../../errors.js';
import { Matrix } from '../../linalg/matrix.js';
import { randomStream } from '../../random/stream.js';
import { type Complex, div, edgeRoot } from './complex.js';
import type { SpectralLaw } from './law.js';
import { tanhSinh } from './quadrature.js';
import { checkSize } from './wigner.js';

/**
 * The Kesten–McKay law of degree d ≥ 2 (seed 004, free binomial): the spectral law of a random
 * d-regular graph, density d√(4(d−1) − x²)/(2π(d² − x²)) on ±2√(d−1), no atoms (d = 2 is the
 * arcsine law), m(z) = ((2 − d)z + d√(z² − 4(d−1))) / (2(d² − z²)).
 * `sampleMatrix(n, seed)` (integer d, even n) returns the adjacency matrix of the union of d
 * independent uniformly random perfect matchings of n vertices: a d-regular multigraph whose
 * spectrum converges to the law (its one trivial eigenvalue d is an outlier of mass 1/n).
 * @throws {InvalidArgumentError} unless d ≥ 2 is finite.
 * @example kestenMcKay(3).support // [−2√2, 2√2]
 */
export function kestenMcKay(degree: number): SpectralLaw {
  if (!(degree >= 2) || !Number.isFinite(degree))
    throw new InvalidArgumentError('degree', 'must be a finite number ≥ 2', degree);
  const edge = 2 * Math.sqrt(degree - 1);
  // d² − x² = (d − 2)² + s² with s² = 4(d − 1) − x²: no cancellation at the edges, where for
  // d = 2 the density has inverse square-root singularities.
  const ofRoot = (s: number): number => (degree * s) / (2 * Math.PI * ((degree - 2) ** 2 + s * s));
  const density = (x: number): number =>
    x <= -edge || x >= edge ? 0 : ofRoot(Math.sqrt((edge - x) * (x + edge)));
  const cdf = (x: number): number => {
    if (x <= -edge) return 0;
    if (x >= edge) return 1;
    // x = −r cos θ: dx = r sin θ dθ and s = r sin θ.
    const thetaMax = Math.acos(Math.min(1, Math.max(-1, -x / edge)));
    return Math.min(
      1,
      tanhSinh((theta) => edge * Math.sin(theta) * ofRoot(edge * Math.sin(theta)), 0, thetaMax),
    );
  };
  return {
    name: 'kesten-mckay',
    parameters: { degree },
    support: [-edge, edge],
    atoms: [],
    density,
    cdf,
    stieltjes(z: Complex): Complex {
      const s = edgeRoot(z, -edge, edge);
      const numerator = {
        re: (2 - degree) * z.re + degree * s.re,
        im: (2 - degree) * z.im + degree * s.im,
      };
      const denominator = {
        re: 2 * (degree * degree - z.re * z.re + z.im * z.im),
        im: -4 * z.re * z.im,
      };
      return div(numerator, denominator);
    },
    sampleMatrix(n, seed) {
      checkSize(n);
      if (!Number.isInteger(degree))
        throw new InvalidArgumentError(
          'degree',
          'must be an integer to sample a regular graph',
          degree,
        );
      if (n % 2 !== 0)
        throw new InvalidArgumentError(
          'n',
          'must be even (perfect matchings pair all vertices)',
          n,
        );
      const stream = randomStream(seed);
      const a = Matrix.zeros(n, n);
      for (let k = 0; k < degree; k++) {
        const p = stream.split(k).permutation(n);
        for (let i = 0; i < n; i += 2) {
          const u = p[i]!;
          const v = p[i + 1]!;
          a.data[u * n + v] += 1;
          a.data[v * n + u] += 1;
        }
      }
      return a;
    },
  };
}
