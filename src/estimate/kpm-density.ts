import { InvalidArgumentError } from '../errors.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import { chebyshevMoments } from './chebyshev-moments.js';
import {
  type DensityOptions,
  densityConstraints,
  linearGrid,
  meanDensity,
  resolveDensityOptions,
  type SpectralDensity,
} from './density.js';
import { probeBlock } from './probes.js';
import { spectrumBounds } from './spectrum-bounds.js';

/** Options of {@link kpmDensity}. */
export interface KpmOptions extends DensityOptions {
  /** Number of Chebyshev moments M (default 100): the resolution is about π·halfWidth/M. */
  moments?: number;
  /** Spectrum bounds [lo, hi] (default: {@link spectrumBounds} from 20 Lanczos steps). */
  bounds?: [number, number];
  /** Jackson damping of the moments (default true; false gives Gibbs oscillations). */
  jackson?: boolean;
}

/**
 * The Jackson kernel coefficients g_k, k = 0 … M − 1 (Weiße et al. 2006, eq. 71):
 * g_k = [(M − k + 1) cos(πk/(M + 1)) + sin(πk/(M + 1)) cot(π/(M + 1))] / (M + 1). They make the
 * truncated Chebyshev series a positive kernel of width about π/M (no Gibbs oscillations).
 * @example jacksonCoefficients(4)[0] // 1
 */
export function jacksonCoefficients(m: number): Float64Array {
  const q = Math.PI / (m + 1);
  return Float64Array.from(
    { length: m },
    (_, k) => ((m - k + 1) * Math.cos(q * k) + Math.sin(q * k) / Math.tan(q)) / (m + 1),
  );
}

/**
 * The spectral density of a symmetric operator by the kernel polynomial method (Weiße, Wellein,
 * Alvermann and Fehske 2006; docs/theory.md §13). With A mapped to Ã = (A − c)/h, spectrum
 * inside [−1, 1] (c, h from `bounds` widened by 1 %), stochastic Chebyshev moments
 * μ_k = zᵀT_k(Ã)z/zᵀz and Jackson coefficients g_k give
 *   ρ(λ) = [g₀μ₀ + 2 Σ_{k≥1} g_k μ_k T_k(x)] / (π h √(1 − x²)),  x = (λ − c)/h,
 * which integrates to μ₀ = 1 over the bounds. Zero outside them. Each probe's density is a
 * polynomial series; the result is their mean with its pointwise standard error.
 * @throws {InvalidArgumentError} naming 'op' unless square and marked symmetric, 'moments'
 *   unless an integer ≥ 2, 'bounds' unless lo < hi (finite), or a {@link DensityOptions} option.
 * @example kpmDensity(gramOperator(X), { moments: 200, probeCount: 20 }).density
 */
export function kpmDensity(op: LinearOperator, options: KpmOptions = {}): SpectralDensity {
  if (op.rows !== op.cols || op.symmetric !== true)
    throw new InvalidArgumentError(
      'op',
      'must be a square operator marked symmetric (symmetric: true)',
      `${op.rows}×${op.cols}`,
    );
  const o = resolveDensityOptions(options);
  const m = densityConstraints.moments.check('moments', options.moments ?? 100);
  const [lo, hi] = options.bounds ?? spectrumBounds(op, { seed: o.stream });
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi))
    throw new InvalidArgumentError('bounds', 'must be finite with lo < hi', [lo, hi]);
  const center = (lo + hi) / 2;
  const halfWidth = ((hi - lo) / 2) * 1.01;
  const moments: Float64Array[] = [];
  for (let first = 0; first < o.probeCount; first += o.batchSize) {
    const z = probeBlock(
      o.stream,
      op.cols,
      first,
      Math.min(o.batchSize, o.probeCount - first),
      o.kind,
    );
    moments.push(...chebyshevMoments(op, z, m, center, halfWidth));
  }
  const g = options.jackson === false ? new Float64Array(m).fill(1) : jacksonCoefficients(m);
  const grid =
    o.grid ??
    linearGrid(center - halfWidth, center + halfWidth, o.points + 2).subarray(1, o.points + 1);
  const { density, standardError } = meanDensity(grid, o.probeCount, (i, out) => {
    const mu = moments[i]!;
    for (let p = 0; p < grid.length; p++) {
      const x = (grid[p]! - center) / halfWidth;
      if (!(x > -1 && x < 1)) continue;
      let t0 = 1;
      let t1 = x;
      let s = g[0]! * mu[0]! + 2 * g[1]! * mu[1]! * x;
      for (let k = 2; k < m; k++) {
        const t2 = 2 * x * t1 - t0;
        s += 2 * g[k]! * mu[k]! * t2;
        t0 = t1;
        t1 = t2;
      }
      out[p] = s / (Math.PI * halfWidth * Math.sqrt(1 - x * x));
    }
  });
  return {
    grid: Float64Array.from(grid),
    density,
    standardError,
    probes: o.probeCount,
    bounds: [center - halfWidth, center + halfWidth],
  };
}
