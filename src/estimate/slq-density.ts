import { interval } from '../constraints.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import {
  type DensityOptions,
  linearGrid,
  meanDensity,
  resolveDensityOptions,
  type SpectralDensity,
} from './density.js';
import { lanczosSteps, type Reorthogonalization } from './lanczos-block.js';
import { type ProbeQuadrature, probeQuadratures } from './probe-quadrature.js';

/** Options of {@link slqDensity}. */
export interface SlqDensityOptions extends DensityOptions {
  /** Lanczos steps per probe (default 30). */
  lanczosSteps?: number;
  /** Reorthogonalisation of the Lanczos vectors (default 'none'). */
  reorthogonalize?: Reorthogonalization;
  /** Standard deviation σ of the Gaussian smoothing (default (θ_max − θ_min)/lanczosSteps). */
  sigma?: number;
}

/**
 * The spectral density of a symmetric operator by stochastic Lanczos quadrature (Lin, Saad and
 * Yang 2016; docs/theory.md §13): each probe z gives the Gauss rule (θ_k, τ_k) of its Lanczos
 * tridiagonal, an m-atom approximation of the spectral measure weighted by z, and
 *   ρ(x) = (1/p) Σ_probes Σ_k τ_k φ_σ(x − θ_k),   φ_σ the N(0, σ²) density,
 * estimates the spectral density smoothed by φ_σ, (1/n) Σ_i φ_σ(x − λ_i). The weights τ_k sum to
 * 1, so the estimate integrates to 1 over the real line. The default grid spans
 * [θ_min − 3σ, θ_max + 3σ] over all probes.
 * @throws {InvalidArgumentError} naming 'op' unless square and marked symmetric, 'lanczosSteps',
 *   'sigma' unless > 0, or a {@link DensityOptions} option.
 * @example slqDensity(gramOperator(X), { lanczosSteps: 40, probeCount: 20, sigma: 0.02 })
 */
export function slqDensity(op: LinearOperator, options: SlqDensityOptions = {}): SpectralDensity {
  const o = resolveDensityOptions(options);
  const steps = lanczosSteps.check('lanczosSteps', options.lanczosSteps ?? 30);
  const rules: ProbeQuadrature[] = [];
  for (let first = 0; first < o.probeCount; first += o.batchSize) {
    const count = Math.min(o.batchSize, o.probeCount - first);
    const reorthogonalize = options.reorthogonalize ?? 'none';
    rules.push(...probeQuadratures(op, o.stream, o.kind, first, count, steps, reorthogonalize));
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const { nodes } of rules) {
    lo = Math.min(lo, nodes[0]!);
    hi = Math.max(hi, nodes[nodes.length - 1]!);
  }
  const sigma = interval(0, Infinity, '()').check(
    'sigma',
    options.sigma ?? (hi > lo ? (hi - lo) / steps : Math.max(Math.abs(hi), 1) * 1e-3),
  );
  const grid = o.grid ?? linearGrid(lo - 3 * sigma, hi + 3 * sigma, o.points);
  const scale = 1 / (sigma * Math.sqrt(2 * Math.PI));
  const { density, standardError } = meanDensity(grid, rules.length, (i, out) => {
    const { nodes, weights } = rules[i]!;
    for (let p = 0; p < grid.length; p++) {
      let s = 0;
      for (let k = 0; k < nodes.length; k++) {
        const u = (grid[p]! - nodes[k]!) / sigma;
        s += weights[k]! * Math.exp(-0.5 * u * u);
      }
      out[p] = scale * s;
    }
  });
  return {
    grid: Float64Array.from(grid),
    density,
    standardError,
    probes: rules.length,
    bounds: [lo, hi],
  };
}
