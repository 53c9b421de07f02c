// How far the mp law (Δ ≈ Δ̄I) is from the exact general solver (issue 25) for the dense Σ of
// bench/spectrum-general.ts: half its eigenvalues near 1 (sd 0.1), half near 4 (sd 0.3), in a
// random orthonormal basis (eigenvectors of a Gaussian Gram matrix), α = 2, λ = 0.1. Prints the
// largest difference of the two distribution functions of Â over 2001 points, and both times.
// Usage: OPENBLAS_NUM_THREADS=1 node --import tsx bench/spectrum-general-vs-mp.ts
//   [--sizes 100,200,400]
import { performance } from 'node:perf_hooks';
import { denseCovariance } from '../src/covariance/index.js';
import { eigh, matmul } from '../src/linalg/api.js';
import { Matrix } from '../src/linalg/matrix.js';
import { gaussianMatrix } from '../src/random/index.js';
import { ssrSpectrumTheory } from '../src/ssr/spectrum-theory.js';

const args = process.argv.slice(2);
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '100,200,400')
  .split(',')
  .map(Number);
console.log('   d   Δ spread   general s   mp s   max |F_general − F_mp|');
for (const d of sizes) {
  const noise = gaussianMatrix(1, d, 7).data;
  const values = Float64Array.from(noise, (z, k) => (k < d / 2 ? 1 + 0.1 * z : 4 + 0.3 * z));
  const g = gaussianMatrix(d, d, 8);
  const basis = eigh(matmul(g, g, { transA: true })).vectors;
  const sigma = matmul(matmul(basis, Matrix.diagonal(values)), basis, { transB: true });
  for (let i = 0; i < d; i++)
    for (let j = 0; j < i; j++) sigma.data[i * d + j] = sigma.data[j * d + i];
  const model = denseCovariance(sigma);
  let t = performance.now();
  const general = ssrSpectrumTheory(model, 2, 0.1, { method: 'general' });
  const generalSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const mp = ssrSpectrumTheory(model, 2, 0.1, { method: 'mp' });
  const mpSeconds = (performance.now() - t) / 1000;
  const lo = general.grid[0];
  const hi = general.grid[general.grid.length - 1];
  let worst = 0;
  for (let i = 0; i <= 2000; i++) {
    const a = lo + ((hi - lo) * i) / 2000;
    worst = Math.max(worst, Math.abs(general.cdf(a) - mp.cdf(a)));
  }
  console.log(
    `${String(d).padStart(5)}${general.deltaSpread.toFixed(4).padStart(11)}${generalSeconds.toFixed(2).padStart(12)}${mpSeconds.toFixed(2).padStart(7)}${worst.toExponential(2).padStart(14)}`,
  );
}
