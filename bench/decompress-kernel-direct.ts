// Issue 15's kernel target end to end: the RBF Gram matrix of the first N Fashion-MNIST training
// images (14×14 pooled, ℓ the benches' median heuristic), random n_s×n_s principal sub-matrices
// decompressed to N and compared with the direct eigvalsh of the N×N matrix (computed once by
// bench/decompress-kernel-data.ts and saved, with its ℓ and seconds, so it is never run twice).
// Per sub-sample: the default decompression (refused or not), the same with the glue accepted
// whatever its residual ("forced", to see what it would give), KS and 64-log-bin TV against the
// direct spectrum, log-det, m₁, m₂, the largest eigenvalue, the exact free compression of the
// direct spectrum against the sub-sample (compressionCheck), and the time against the direct one.
// Usage: node --import tsx bench/decompress-kernel-direct.ts [--eigs .scratch/fm14/eigs-16384.f64]
//   [--n 16384] [--ns 1024] [--subsamples 4] [--seed 1]
import { performance } from 'node:perf_hooks';
import {
  compressionCheck,
  type Decompression,
  decompress,
  decompressOutliers,
  freeForm,
} from '../src/free/index.js';
import { eigvalsh } from '../src/linalg/api.js';
import { choiceWithoutReplacement } from '../src/random/shuffle.js';
import { randomStream } from '../src/random/stream.js';
import { parseArgs } from './args.js';
import { directSpectrum, rbfKernel } from './decompress-kernel-data.js';

const args = parseArgs(process.argv.slice(2));
const file = args.eigs ?? '.scratch/fm14/eigs-16384.f64';
const {
  eigenvalues: direct,
  ell,
  seconds: directSeconds,
} = directSpectrum(file, Number(args.n ?? 16384));
const n = direct.length;
const ns = Number(args.ns ?? 1024);
const subsamples = Number(args.subsamples ?? 4);
const stream = randomStream(Number(args.seed ?? 1));
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

/** CDF of the grid density (trapezoid, linear between grid points); 0 below, 1 − missing above. */
function gridCdf(d: Decompression): (x: number) => number {
  const { grid, density } = d;
  const cum = new Float64Array(grid.length);
  for (let i = 1; i < grid.length; i++)
    cum[i] = cum[i - 1]! + ((grid[i]! - grid[i - 1]!) * (density[i]! + density[i - 1]!)) / 2;
  return (x) => {
    if (x <= grid[0]!) return 0;
    if (x >= grid[grid.length - 1]!) return cum[grid.length - 1]!;
    let j = 1;
    while (grid[j]! < x) j++;
    const t = (x - grid[j - 1]!) / (grid[j]! - grid[j - 1]!);
    return cum[j - 1]! * (1 - t) + cum[j]! * t;
  };
}

/**
 * KS against the direct spectrum and TV on 64 log bins of its range (mass ≤ 0 or missing: apart).
 */
function distances(d: Decompression): { ks: number; tv: number } {
  const cdf = gridCdf(d);
  let ks = 0;
  direct.forEach((x, j) => {
    const f = cdf(x);
    ks = Math.max(ks, Math.abs(f - j / n), Math.abs(f - (j + 1) / n));
  });
  const bins = 64;
  const lo = Math.log(direct[0]!);
  const hi = Math.log(direct[n - 1]!);
  const edge = (b: number) => Math.exp(lo + ((hi - lo) * b) / bins) * (b === bins ? 1 + 1e-12 : 1);
  let tv = Math.abs(cdf(direct[0]!)); // estimated mass below the smallest eigenvalue (incl. ≤ 0)
  let j = 0;
  for (let b = 0; b < bins; b++) {
    let count = 0;
    while (j < n && direct[j]! < edge(b + 1)) j++, count++;
    tv += Math.abs(cdf(edge(b + 1)) - cdf(edge(b)) - count / n);
  }
  tv += Math.abs(1 - cdf(edge(bins))); // mass above the largest eigenvalue, and missing mass
  return { ks, tv: tv / 2 };
}

/** N∫log x ρ(x)dx over the positive grid (mass at x ≤ 0 and missing mass left out). */
function logdetOf(d: Decompression): number {
  const { grid, density } = d;
  let s = 0;
  for (let i = 1; i < grid.length; i++)
    if (grid[i - 1]! > 0)
      s +=
        ((grid[i]! - grid[i - 1]!) *
          (Math.log(grid[i]!) * density[i]! + Math.log(grid[i - 1]!) * density[i - 1]!)) /
        2;
  return n * s;
}

const trueLogdet = direct.reduce((s, v) => s + Math.log(v), 0);
const m1 = direct.reduce((s, v) => s + v, 0) / n;
const m2 = direct.reduce((s, v) => s + v * v, 0) / n;
console.log(
  `Fashion-MNIST train RBF, ℓ ${ell}, N ${n} (direct eigvalsh ${directSeconds.toFixed(1)} s), n_s ${ns}`,
);
console.log(
  `  direct: λ ${direct[0]!.toExponential(3)} … ${direct[n - 1]!.toFixed(1)}, log det ${trueLogdet.toFixed(0)}, m₁ ${m1.toFixed(4)}, m₂ ${m2.toFixed(1)}`,
);
for (let r = 0; r < subsamples; r++) {
  const rows = choiceWithoutReplacement(stream, n, ns).sort();
  const k = rbfKernel(rows, ell);
  const t = performance.now();
  const small = eigvalsh(k);
  const fit = freeForm(small);
  const d = decompress(fit, n);
  const seconds = (performance.now() - t) / 1000;
  const forced = d.ok ? d : decompress(fit, n, 512, Number.POSITIVE_INFINITY);
  const { ks, tv } = distances(forced);
  const check = compressionCheck(direct, small);
  // The same test inside the sample, needing no large matrix: 1024 → 256 random rows of it.
  const quarter = choiceWithoutReplacement(stream, ns, ns / 4).sort();
  const inSample = compressionCheck(
    small,
    eigvalsh(
      rbfKernel(
        Array.from(quarter, (i) => rows[i]!),
        ell,
      ),
    ),
  );
  const logdet = logdetOf(forced);
  console.log(
    `  sub-sample ${r}: ${d.ok ? 'ok' : `refused (${d.reason})`}; ${seconds.toFixed(2)} s = ${pct(seconds / directSeconds)} of direct`,
  );
  console.log(
    `    ${d.ok ? '' : 'forced: '}ok ${forced.ok}, KS ${pct(ks)}, TV (64 log bins) ${pct(tv)}, log det ${logdet.toFixed(0)} (${pct(logdet / trueLogdet - 1)}), m₁ ${forced.moments[0].toFixed(4)}, m₂ ${forced.moments[1].toFixed(1)}, top ${forced.support[1].toFixed(1)} vs ${direct[n - 1]!.toFixed(1)}`,
  );
  console.log(
    `    free compression of the direct spectrum to ${ns} vs this sub-matrix: KS ${pct(check.ks)}; in-sample ${ns} → ${ns / 4}: KS ${pct(inSample.ks)}`,
  );
  // What the free model does get: m₂ = μ² + s·σ² and the spikes moved along their characteristics.
  const s = n / ns;
  const mean = small.reduce((a, v) => a + v, 0) / ns;
  const second = small.reduce((a, v) => a + v * v, 0) / ns;
  const top = decompressOutliers(small.subarray(0, ns - 3), small.subarray(ns - 3), s);
  const spikes = [2, 1, 0].map((i) => `${top[i]!.toFixed(0)}/${direct[n - 3 + i]!.toFixed(0)}`);
  console.log(
    `    model: m₂ ${(mean ** 2 + s * (second - mean ** 2)).toFixed(1)} vs ${m2.toFixed(1)}; top 3 ${spikes.join(', ')}`,
  );
}
