// Free decompression benchmark (issue 15), the numbers the closing note quotes:
// - exact input: the characteristic solver on the exact MP/Wigner sheets, max |ρ̂ − ρ| at ×8, ×32;
// - one 1000×1000 GOE and Wishart (c = 1/50, 1/2) per seed: TV against the exact law and the
//   first two moments' relative errors at ×8 and ×32;
// - the RBF kernel Gram matrix of N Fashion-MNIST test images (14×14 pooled, bandwidth ℓ by the
//   median heuristic: ℓ = median per-pixel RMS distance (`gram` divides by the pixel count), K = exp(−‖x − y‖²/(2ℓ²))), its leading
//   n_s×n_s block decompressed to N against eigvalsh of the whole N×N matrix: TV (histogram of the
//   direct eigenvalues on the decompressed grid), log-det and the time ratio.
// Usage: node --import tsx bench/decompress.ts [--seeds 7] [--n 8192] [--ns 1024] [--pade 0,1]
//   (--n 16384 is the issue's size; --n 0 skips the kernel)
import { performance } from 'node:perf_hooks';
import { fashionMnist } from '../src/experiments/data/fashion-mnist.js';
import {
  decompress,
  freeForm,
  lawSheets,
  resizeDensity,
  spectralFunctions,
  totalVariation,
} from '../src/free/index.js';
import { eigvalsh, gram } from '../src/linalg/api.js';
import { Matrix } from '../src/linalg/matrix.js';
import type { SpectralLaw } from '../src/rmt/laws/law.js';
import { marchenkoPastur } from '../src/rmt/laws/marchenko-pastur.js';
import { wigner } from '../src/rmt/laws/wigner.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const arg = (name: string, fallback: string) => args[name] ?? fallback;
const seeds = arg('seeds', '7').split(',').map(Number);
const [padeP, padeQ] = arg('pade', '0,1').split(',').map(Number) as [number, number];
const pct = (v: number) => `${(100 * v).toFixed(2)} %`;

console.log('exact sheets → law at the new size (max |ρ̂ − ρ| on 256 points)');
for (const [name, law, s, big] of [
  ['Wigner ×8', wigner(2), 8, wigner(2 * Math.sqrt(8))],
  ['Wigner ×32', wigner(2), 32, wigner(2 * Math.sqrt(32))],
  ['MP 1/50 ×32', marchenkoPastur(1 / 50), 32, marchenkoPastur(32 / 50)],
  ['MP 1/2 ×8', marchenkoPastur(1 / 2), 8, marchenkoPastur(4)],
] as [string, SpectralLaw, number, SpectralLaw][]) {
  const r = resizeDensity(lawSheets(law), s, {
    mean: law.name === 'wigner' ? 0 : 1,
    variance: 1,
    points: 256,
  });
  let e = 0;
  r.grid.forEach((x, i) => (e = Math.max(e, Math.abs(r.density[i]! - big.density(x)))));
  console.log(`  ${name.padEnd(12)} ${e.toExponential(2)}`);
}

console.log('\none 1000×1000 matrix → ×8, ×32: TV, m1 error, m2 error (against the exact law)');
const cases: [string, SpectralLaw, (s: number) => SpectralLaw][] = [
  ['GOE', wigner(2), (s) => wigner(2 * Math.sqrt(s))],
  ['Wishart 1/50', marchenkoPastur(1 / 50), (s) => marchenkoPastur(s / 50)],
  ['Wishart 1/2', marchenkoPastur(1 / 2), (s) => marchenkoPastur(s / 2)],
];
for (const seed of seeds)
  for (const [name, law, big] of cases) {
    const fit = freeForm(eigvalsh(law.sampleMatrix(1000, seed)), { padeP, padeQ });
    const cells = [1, 2].map((k) => {
      const s = k === 1 ? 8 : 32;
      const d = decompress(fit, 1000 * s);
      if (!d.ok) return `×${s} FAILED (${d.reason})`;
      const L = big(s);
      const mean = law.name === 'wigner' ? 0 : 1;
      const m2 = law.name === 'wigner' ? s : 1 + L.parameters.ratio!;
      const e1 = mean === 0 ? d.moments[0] / Math.sqrt(s) : d.moments[0] / mean - 1;
      return `×${s} TV ${pct(totalVariation(d.grid, d.density, d.missingMass, L))} m1 ${pct(e1)} m2 ${pct(d.moments[1] / m2 - 1)}`;
    });
    console.log(`  seed ${seed} ${name.padEnd(13)} ${cells.join(' | ')}`);
  }

const n = Number(arg('n', '8192'));
const ns = Number(arg('ns', '1024'));
if (n > 0) {
  const images = fashionMnist('test', 2);
  const x = Matrix.fromRowMajor(n, images.cols, images.data.subarray(0, n * images.cols));
  const xt = Matrix.zeros(x.cols, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < x.cols; j++) xt.data[j * n + i] = x.data[i * x.cols + j]!;
  const g = gram(xt); // X Xᵀ
  const d2 = (i: number, j: number) =>
    g.data[i * n + i]! + g.data[j * n + j]! - 2 * g.data[i * n + j]!;
  const sample: number[] = [];
  for (let i = 0; i < 2000; i++) sample.push(Math.sqrt(Math.max(d2(i % n, (7 * i + 1) % n), 0)));
  sample.sort((a, b) => a - b);
  const ell = sample[1000]!;
  const k = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) k.data[i * n + j] = Math.exp(-d2(i, j) / (2 * ell * ell));
  const small = Matrix.zeros(ns, ns);
  for (let i = 0; i < ns; i++)
    for (let j = 0; j < ns; j++) small.data[i * ns + j] = k.data[i * n + j]!;
  let t = performance.now();
  const direct = eigvalsh(k);
  const tDirect = (performance.now() - t) / 1000;
  t = performance.now();
  const fit = freeForm(eigvalsh(small), { padeP, padeQ });
  const d = decompress(fit, n);
  const tFree = (performance.now() - t) / 1000;
  const exactLogdet = direct.reduce((s, v) => s + Math.log(v), 0);
  console.log(`\nFashion-MNIST RBF kernel (ℓ = ${ell.toFixed(4)}, median heuristic), ${ns} → ${n}`);
  console.log(
    `  direct eigvalsh ${tDirect.toFixed(2)} s; decompression (eigvalsh ${ns} + fit + solve) ${tFree.toFixed(2)} s = ${pct(tFree / tDirect)}`,
  );
  console.log(
    `  glue residual ${fit.glue.residual.toExponential(2)}; ok ${d.ok}${d.reason ? ` (${d.reason})` : ''}`,
  );
  if (d.ok) {
    // TV against the direct eigenvalues' histogram on the decompressed grid's cells.
    const lo = Math.min(d.support[0], direct[0]!);
    const hi = Math.max(d.support[1], direct[n - 1]!);
    const bins = 200;
    const hist = new Float64Array(bins);
    for (const v of direct)
      hist[Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins))]! += 1 / n;
    const empirical = {
      support: [lo, hi] as const,
      atoms: [],
      density: (v: number) =>
        hist[Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins))]! * (bins / (hi - lo)),
    };
    const f = spectralFunctions(d);
    console.log(
      `  TV ${pct(totalVariation(d.grid, d.density, d.missingMass, empirical))}; log-det ${f.logdet.toFixed(1)} vs ${exactLogdet.toFixed(1)} (${pct(f.logdet / exactLogdet - 1)})`,
    );
  }
}
