import { InvalidArgumentError } from '../../errors.js';
import { Matrix } from '../../linalg/matrix.js';
import { gaussianMatrix } from '../../random/gaussian.js';
import { randomStream } from '../../random/stream.js';
import { type Complex, edgeRoot, scale, sub } from './complex.js';
import { edgeCdf, edgeDensity, type SpectralLaw } from './law.js';

/**
 * Wigner's semicircle law of radius r (seed 004, free Gaussian): density 2√(r² − x²)/(π r²) on
 * [−r, r], no atoms, m(z) = 2(−z + √(z² − r²))/r². Model: the GOE matrix (X + Xᵀ)/√2 of an n×n
 * standard Gaussian X has radius 2√n; `sampleMatrix` scales it by r/(2√n).
 * @throws {InvalidArgumentError} unless r > 0 is finite.
 * @example wigner(2).density(0) // 1/π
 */
export function wigner(radius = 2): SpectralLaw {
  if (!(radius > 0) || !Number.isFinite(radius))
    throw new InvalidArgumentError('radius', 'must be a finite number > 0', radius);
  const r2 = radius * radius;
  const g = (): number => 2 / (Math.PI * r2);
  return {
    name: 'wigner',
    parameters: { radius },
    support: [-radius, radius],
    atoms: [],
    density: (x) => edgeDensity(g, -radius, radius, x),
    cdf: (x) => Math.min(1, edgeCdf(g, -radius, radius, x)),
    stieltjes: (z: Complex) => scale(2 / r2, sub(edgeRoot(z, -radius, radius), z)),
    sampleMatrix(n, seed) {
      checkSize(n);
      const x = gaussianMatrix(n, n, randomStream(seed));
      const out = Matrix.zeros(n, n);
      const s = radius / (2 * Math.sqrt(n)) / Math.SQRT2;
      for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) {
          const v = s * (x.data[i * n + j]! + x.data[j * n + i]!);
          out.data[i * n + j] = v;
          out.data[j * n + i] = v;
        }
      }
      return out;
    },
  };
}

/**
 * Checks a matrix size for `sampleMatrix`.
 * @throws {InvalidArgumentError} naming `name` unless it is an integer ≥ 1.
 * @example checkSize(100) // passes
 */
export function checkSize(n: number, name = 'n'): void {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError(name, 'must be an integer ≥ 1', n);
}
