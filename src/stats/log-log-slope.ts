import { InvalidArgumentError } from '../errors.js';

/**
 * Least-squares slope of log y against log x: the exponent of a power law y ∝ x^slope, as in the
 * SSL excess risk n⁻¹ (docs/theory.md §16.7) and the HTMP ridge scaling law (§15).
 * @throws {InvalidArgumentError} naming 'x' when fewer than two points or non-positive values.
 * @example logLogSlope([10, 100], [1, 0.1]) // −1
 */
export function logLogSlope(x: readonly number[], y: readonly number[]): number {
  if (x.length < 2 || x.length !== y.length)
    throw new InvalidArgumentError('x', 'must hold ≥ 2 points, as many as y', x.length);
  if (![...x, ...y].every((v) => v > 0))
    throw new InvalidArgumentError('x', 'and y must be positive for a log-log slope');
  const lx = x.map(Math.log);
  const ly = y.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < lx.length; i++) {
    sxy += (lx[i]! - mx) * (ly[i]! - my);
    sxx += (lx[i]! - mx) ** 2;
  }
  return sxy / sxx;
}
