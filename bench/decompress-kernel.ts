// Free decompression on a real kernel (issue 15): the RBF Gram matrix of N Fashion-MNIST test
// images (14×14 pooled, K = exp(−‖x − y‖²/(2·196·ℓ²)), ℓ = median per-pixel RMS distance), its
// leading n_s×n_s block against eigvalsh of the whole N×N matrix. Prints:
// - the applicability test inside the sample (n_s → n_s/4, no large matrix needed) and against
//   the truth (the exact free compression of the N spectrum to n_s against the n_s spectrum);
// - TV of that prediction on linear bins (eigenvalue density) and log bins (log-eigenvalue
//   density), log-det of the prediction vs the truth;
// - what the free model does get: m₁, m₂ = μ² + s·σ² and the spikes (θ ↦ sθ − (s − 1)μ, and
//   exactly x ↦ x + (s − 1)/G(x) with G the bulk's transform: decompressOutliers);
// - the Padé decompression of the n_s spectrum (refused or not) and its time vs the direct one.
// Usage: node --import tsx bench/decompress-kernel.ts [--n 4096] [--ns 1024]
//   [--cache big.json,ell] (eigenvalues of the N×N matrix and its ℓ, from an earlier run)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fashionMnist } from '../src/experiments/data/fashion-mnist.js';
import { compressionCheck, decompress, decompressOutliers, freeForm } from '../src/free/index.js';
import { eigvalsh, gram } from '../src/linalg/api.js';
import { Matrix } from '../src/linalg/matrix.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const arg = (name: string, fallback: string) => args[name] ?? fallback;
const n = Number(arg('n', '4096'));
const ns = Number(arg('ns', '1024'));
const cache = arg('cache', '');
const pct = (v: number) => `${(100 * v).toFixed(2)} %`;

/** The RBF kernel of the first `size` test images; ℓ by the median heuristic unless given. */
function kernel(size: number, given?: number): { k: Matrix; ell: number } {
  const images = fashionMnist('test', 2);
  const xt = Matrix.zeros(images.cols, size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < images.cols; j++) xt.data[j * size + i] = images.data[i * images.cols + j]!;
  const g = gram(xt); // X Xᵀ/196: squared per-pixel RMS distances below
  const d2 = (i: number, j: number) =>
    g.data[i * size + i]! + g.data[j * size + j]! - 2 * g.data[i * size + j]!;
  const sample: number[] = [];
  for (let i = 0; i < 2000; i++)
    sample.push(Math.sqrt(Math.max(d2(i % size, (7 * i + 1) % size), 0)));
  const ell = given ?? sample.sort((a, b) => a - b)[1000]!;
  const k = Matrix.zeros(size, size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) k.data[i * size + j] = Math.exp(-d2(i, j) / (2 * ell * ell));
  return { k, ell };
}

const block = (a: Matrix, m: number) => {
  const b = Matrix.zeros(m, m);
  for (let i = 0; i < m; i++) b.data.set(a.data.subarray(i * a.cols, i * a.cols + m), i * m);
  return b;
};

let big: Float64Array;
let ell: number;
let tDirect = Number.NaN;
if (cache) {
  const [file, l] = cache.split(',');
  big = Float64Array.from(JSON.parse(readFileSync(file!, 'utf8')) as number[]);
  ell = Number(l);
} else {
  const full = kernel(n);
  ell = full.ell;
  const t = performance.now();
  big = eigvalsh(full.k);
  tDirect = (performance.now() - t) / 1000;
}
const smallMatrix = kernel(ns, ell).k; // the leading block of the N×N kernel
let t = performance.now();
const small = eigvalsh(smallMatrix);
const fit = freeForm(small);
const d = decompress(fit, n);
const tFree = (performance.now() - t) / 1000;
console.log(
  `Fashion-MNIST RBF kernel, ℓ = ${ell.toFixed(4)} (per-pixel RMS), n_s = ${ns} → N = ${n}`,
);
console.log(`  Padé decompression: ok ${d.ok}${d.reason ? ` (${d.reason})` : ''}`);
console.log(`  time: decompression ${tFree.toFixed(2)} s, direct eigvalsh ${tDirect.toFixed(1)} s`);

t = performance.now();
const inside = compressionCheck(small, eigvalsh(block(smallMatrix, ns / 4)));
const truth = compressionCheck(big, small);
console.log(`  applicability (${((performance.now() - t) / 1000).toFixed(1)} s):`);
for (const [name, c] of [
  [`in-sample ${ns} → ${ns / 4}`, inside],
  [`truth ${n} → ${ns}`, truth],
] as const) {
  const q = c.quantiles.map((v) => `q${v.q}: ${(v.predicted / v.actual).toFixed(2)}`).join(' ');
  console.log(
    `    ${name.padEnd(20)} KS ${pct(c.ks)} consistent ${c.consistent}; predicted/actual ${q}`,
  );
}

// TV of the free model's n_s spectrum (compressed truth) against the n_s eigenvalues, 64 bins.
const tv = (map: (x: number) => number) => {
  const { grid, cdf } = truth.compressed;
  const total = cdf[cdf.length - 1]!;
  const lo = map(Math.min(grid[0]!, small[0]!));
  const hi = map(Math.max(grid[grid.length - 1]!, small[ns - 1]!));
  const bins = 64;
  const mass = new Float64Array(bins);
  for (const v of small)
    mass[Math.min(bins - 1, Math.floor(((map(v) - lo) / (hi - lo)) * bins))]! -= 1 / ns;
  for (let i = 1; i < grid.length; i++) {
    const b = Math.min(
      bins - 1,
      Math.floor(((map((grid[i]! + grid[i - 1]!) / 2) - lo) / (hi - lo)) * bins),
    );
    mass[b]! += (cdf[i]! - cdf[i - 1]!) / total;
  }
  return mass.reduce((s, v) => s + Math.abs(v), 0) / 2;
};
const tvLinear = pct(tv((x) => x));
console.log(
  `    TV of the model's ${ns} spectrum: eigenvalue bins ${tvLinear}, log bins ${pct(tv(Math.log))}`,
);
const s = n / ns;
const mean = small.reduce((a, v) => a + v, 0) / ns;
const m2 = small.reduce((a, v) => a + v * v, 0) / ns;
const bigM1 = (big.reduce((a, v) => a + v, 0) / n).toFixed(4);
const bigM2 = (big.reduce((a, v) => a + v * v, 0) / n).toFixed(1);
const m2Model = (mean ** 2 + s * (m2 - mean ** 2)).toFixed(1);
console.log(
  `  what the model gets: m₁ ${mean.toFixed(4)} vs ${bigM1}; m₂ μ² + sσ² = ${m2Model} vs ${bigM2}`,
);
const moved = decompressOutliers(small.subarray(0, ns - 5), small.subarray(ns - 5), s);
const spikes = Array.from({ length: 5 }, (_, i) => {
  const predicted = s * small[ns - 1 - i]! - (s - 1) * mean;
  return `${predicted.toFixed(1)}/${moved[4 - i]!.toFixed(1)}/${big[n - 1 - i]!.toFixed(1)}`;
});
console.log(`    top 5, sθ − (s − 1)μ / x + (s − 1)/G(x) / direct: ${spikes.join(', ')}`);
const logdet = (e: ArrayLike<number>) => Array.from(e).reduce((a, v) => a + Math.log(v), 0);
console.log(
  `    mean log λ: n_s ${(logdet(small) / ns).toFixed(3)}, N ${(logdet(big) / n).toFixed(3)}`,
);
