import { InvalidArgumentError } from '../../errors.js';
import type { RandomStream } from '../../random/stream.js';

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients): relative error below 2e-15.
const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0 (Lanczos), and ln|Γ(x)| for negative non-integers (reflection).
 * @throws {InvalidArgumentError} at the poles x = 0, −1, −2, ….
 * @example logGamma(5) // ln 24
 */
export function logGamma(x: number): number {
  if (x <= 0 && Number.isInteger(x))
    throw new InvalidArgumentError('x', 'must not be a pole of Γ (0, −1, −2, …)', x);
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let a = COEFFICIENTS[0]!;
  const t = y + G + 0.5;
  for (let i = 1; i < COEFFICIENTS.length; i++) a += COEFFICIENTS[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * A Gamma(shape, 1) variate by Marsaglia and Tsang's squeeze method (shape ≥ 1), boosted by
 * U^{1/shape} for shape < 1. Shape 0 gives 0 (the degenerate limit, used by χ₀ = 0).
 * @throws {InvalidArgumentError} for a negative or non-finite shape.
 * @example gammaVariate(randomStream(1), 2.5)
 */
export function gammaVariate(stream: RandomStream, shape: number): number {
  if (!(shape >= 0) || !Number.isFinite(shape))
    throw new InvalidArgumentError('shape', 'must be a finite number ≥ 0', shape);
  if (shape === 0) return 0;
  if (shape < 1) {
    const boost = Math.pow(1 - stream.uniform(), 1 / shape);
    return gammaVariate(stream, shape + 1) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = stream.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - stream.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A χ variate with k > 0 (real) degrees of freedom: √(2·Gamma(k/2)).
 * @example chiVariate(randomStream(2), 3)
 */
export function chiVariate(stream: RandomStream, k: number): number {
  return Math.sqrt(2 * gammaVariate(stream, k / 2));
}
