import { InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import { type SpectralForm, spectralForm } from '../rmt/spectral-form.js';

/**
 * The d → ∞ spectral form of a Toeplitz covariance from its symbol f(ω) = Σ_k γ_k e^{ikω}
 * (even, 2π-periodic, ≥ 0): by Szegő's theorem (1/d) tr g(Σ) → (1/π)∫₀^π g(f(ω)) dω, and every
 * interior diagonal entry of g(Σ) tends to the same integral (docs/theory.md §5), so the
 * coordinates form one class. The integral is the midpoint rule ω_i = (i + ½)π/M, weight 1/M, which
 * for a smooth periodic integrand converges geometrically; M doubles from `minNodes` until the test
 * integrals (1/π)∫f, ∫1/(f+κ), ∫f/(f+κ)² change by less than `tol` (relative), with κ = 0 when
 * f > 0 and κ = 1e-6·mean f otherwise.
 * @throws {InvalidArgumentError} naming `argument` when f is negative or non-finite at a node
 *   (not positive semidefinite), or 'symbol' when `maxNodes` does not reach `tol`.
 * @example symbolSpectrum((w) => 1 + 0.5 * Math.cos(w)).values.length // quadrature nodes
 */
export function symbolSpectrum(
  symbol: (omega: number) => number,
  options: { tol?: number; minNodes?: number; maxNodes?: number; argument?: string } = {},
): SpectralForm {
  const { tol = 1e-13, minNodes = 64, maxNodes = 1 << 21, argument = 'symbol' } = options;
  let nodes = midpoint(symbol, minNodes, argument);
  if (nodes.every((v) => v === 0))
    throw new InvalidArgumentError(argument, 'must not be zero; its spectral symbol vanishes');
  let previous = testIntegrals(nodes);
  for (let m = minNodes * 2; ; m *= 2) {
    if (m > maxNodes) {
      throw new InvalidArgumentError(
        'symbol',
        `needs more than ${maxNodes} quadrature nodes to reach relative accuracy ${tol} (is it nearly singular?)`,
      );
    }
    const next = midpoint(symbol, m, argument);
    const current = testIntegrals(next);
    nodes = next;
    const change = Math.max(...current.map((c, i) => Math.abs(c - previous[i]) / Math.abs(c)));
    previous = current;
    if (change <= tol) break;
  }
  const count = nodes.length;
  const weights = new Float64Array(count).fill(1 / count);
  return spectralForm(
    {
      d: Infinity,
      symbol,
      values: nodes,
      weights,
      coordinates: {
        kind: 'mixing',
        weights: Matrix.fromRowMajor(1, count, weights),
        multiplicity: Float64Array.of(1),
      },
    },
    argument,
  );
}

function midpoint(symbol: (omega: number) => number, m: number, argument: string): Float64Array {
  const out = new Float64Array(m);
  let max = 0;
  for (let i = 0; i < m; i++) {
    const v = symbol(((i + 0.5) * Math.PI) / m);
    if (!Number.isFinite(v))
      throw new InvalidArgumentError(
        argument,
        `must have a finite spectral symbol; f(ω) is not finite at ω = ${((i + 0.5) * Math.PI) / m}`,
        v,
      );
    out[i] = v;
    max = Math.max(max, Math.abs(v));
  }
  for (let i = 0; i < m; i++) {
    if (out[i] < -1e-10 * max) {
      throw new InvalidArgumentError(
        argument,
        `must be positive semidefinite; its spectral symbol is negative at ω = ${((i + 0.5) * Math.PI) / m}`,
        out[i],
      );
    }
    out[i] = Math.max(out[i], 0);
  }
  return out;
}

function testIntegrals(values: Float64Array): number[] {
  let mean = 0;
  let min = Infinity;
  for (const v of values) {
    mean += v / values.length;
    min = Math.min(min, v);
  }
  const kappa = min > 0 ? 0 : 1e-6 * mean;
  let inverse = 0;
  let second = 0;
  for (const v of values) {
    inverse += 1 / (v + kappa) / values.length;
    second += v / (v + kappa) ** 2 / values.length;
  }
  return [mean, inverse, second];
}
