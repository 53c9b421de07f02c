// Fit-accuracy benchmark (issue 18 items 4–5): the power-law α on Pareto spectra of n = 5000
// eigenvalues (density ∝ λ^−α, several α and seeds; target |Δα| ≤ 0.1), and the HTMP κ fit on
// the law's own sampler (n = 2000, γ = 0.5; target 10 %).
// Usage: node --import tsx bench/diagnose.ts --fits
import { performance } from 'node:perf_hooks';
import { fitHtmp } from '../src/diagnostics/htmp-fit.js';
import { fitPowerLaw } from '../src/diagnostics/powerlaw.js';
import { paretoEigenvalues } from '../src/diagnostics/synthetic.js';
import { eigvalsTridiagonal } from '../src/linalg/backends/js/tridiagonal/sterf.js';
import { htmp } from '../src/rmt/laws/htmp.js';

export async function benchFits(): Promise<void> {
  console.log('Pareto spectra, n = 5000 eigenvalues: α̂ (fitPowerLaw) for seeds 1…5');
  console.log('   α   α̂ per seed                                     max |Δα|   tail n (min)');
  for (const alpha of [1.5, 2, 2.5, 3, 4, 5]) {
    const fits = [1, 2, 3, 4, 5].map((seed) => fitPowerLaw(paretoEigenvalues(5000, alpha, seed)));
    const worst = Math.max(...fits.map((f) => Math.abs(f.alpha - alpha)));
    console.log(
      `${alpha.toFixed(1).padStart(5)}   ${fits.map((f) => f.alpha.toFixed(3)).join(' ')}   ${worst.toFixed(3).padStart(8)}   ${Math.min(...fits.map((f) => f.n))}`,
    );
  }
  const n = 2000;
  console.log(`\nHTMP κ fit (γ = 0.5, n = ${n}, the law's sampler, seed 7)`);
  console.log('    κ       κ̂    rel. err   distance   seconds');
  for (const kappa of [0.5, 1, 2, 5, 10, 20]) {
    const m = htmp(0.5, kappa).sampleMatrix(n, 7);
    const d = Float64Array.from({ length: n }, (_, i) => m.data[i * n + i]!);
    const e = Float64Array.from({ length: n - 1 }, (_, i) => m.data[i * n + i + 1]!);
    eigvalsTridiagonal(d, e);
    const start = performance.now();
    const fit = fitHtmp(d, 2 * n, n);
    const t = (performance.now() - start) / 1000;
    console.log(
      `${kappa.toFixed(1).padStart(5)}${fit.kappa.toFixed(3).padStart(9)}${(fit.kappa / kappa - 1).toFixed(3).padStart(11)}${fit.distance.toFixed(4).padStart(11)}${t.toFixed(1).padStart(10)}`,
    );
  }
}
