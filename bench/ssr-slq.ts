// SSR spectrum at scale (issue 14, docs/spectrum.md): the spectral distribution of Â by
// stochastic Lanczos quadrature (ssrSpectrumSlq: one Cholesky, no eigendecomposition) against
// the exact eigenvalues (ssrEigen: dpotri + dsyevd) and against the deterministic equivalent,
// for AR(1) data (ρ = 0.5, n = α·d, α = 2, λ = 0.1), 30 probes × 80 Lanczos steps.
// Usage: node --import tsx bench/ssr-slq.ts [--d 4000] [--exact 1] [--seed 1]
//   (--exact 0 skips the eigendecomposition, which at d = 12000 does not fit the time.)
import { performance } from 'node:perf_hooks';
import { ar1Covariance } from '../src/covariance/ar1.js';
import { backend } from '../src/linalg/backend.js';
import { distributionDistance, kolmogorovDistance } from '../src/rmt/kolmogorov.js';
import { ssrEigen } from '../src/ssr/spectrum.js';
import { ssrSpectrumSlq } from '../src/ssr/spectrum-slq.js';
import { ssrSpectrumTheory } from '../src/ssr/spectrum-theory.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const d = Number(args.d ?? 4000);
const exact = Number(args.exact ?? 1) !== 0;
const seed = Number(args.seed ?? 1);
const alpha = 2;
const lambda = 0.1;

const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(1);
console.log(`backend ${backend()}, d = ${d}, n = ${alpha * d}, AR(1) ρ = 0.5, λ = ${lambda}`);
const x = ar1Covariance(0.5, d).sample(alpha * d, seed);
let start = performance.now();
const est = ssrSpectrumSlq(x, lambda, { probeCount: 30, lanczosSteps: 80, seed });
console.log(`SLQ (30 probes × 80 steps): ${seconds(start)} s`);
const theory = ssrSpectrumTheory(ar1Covariance(0.5, Infinity), alpha, lambda);
const toTheory = distributionDistance(est.cdf, theory.cdf, [...est.grid, ...theory.grid]);
console.log(
  `Kolmogorov distance SLQ vs the deterministic equivalent (d → ∞): ${toTheory.toFixed(4)}`,
);
if (exact) {
  start = performance.now();
  const { values } = ssrEigen(x, lambda);
  console.log(`exact eigenvalues (ssrEigen): ${seconds(start)} s`);
  console.log(
    `Kolmogorov distance SLQ vs the exact eigenvalues: ${kolmogorovDistance(values, est.cdf).toFixed(4)}`,
  );
}
