// Embedding quality of each sketch family at the issue-13 sizes (d = 200, n = 20000, l = 2d):
// the extreme singular values of S·U for an orthonormal n×d basis U against the Marchenko–Pastur
// edges 1 ± √(d/l), and cond(S·U) = cond(A·R⁻¹) of sketch-and-precondition, over many seeds.
// Usage: node --import tsx bench/sketch-quality.ts [--d 200] [--n 20000] [--seeds 100]
//        [--families gaussian,saso:8,srht] [--embedding 2]
import { performance } from 'node:perf_hooks';
import { qr, svd } from '../src/linalg/api.js';
import { gaussianMatrix } from '../src/random/gaussian.js';
import { parseSketch } from '../src/sketch/distribution.js';
import { sketchingOperator } from '../src/sketch/operator.js';
import { sketchedSingularValueEdges } from '../src/sketch/theory-embedding.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const d = Number(args.d ?? 200);
const n = Number(args.n ?? 20000);
const seeds = Number(args.seeds ?? 100);
const l = Math.ceil(Number(args.embedding ?? 2) * d);
const families = (args.families ?? 'gaussian,uniform,rademacher,saso:8,srht,laso').split(',');
const u = qr(gaussianMatrix(n, d, 'quality-basis')).q;
const { lower, upper } = sketchedSingularValueEdges(d, l);
console.log(
  `d = ${d}, n = ${n}, l = ${l}: edges 1 ± √(d/l) = ${lower.toFixed(4)}, ${upper.toFixed(4)}; cond limit ${(upper / lower).toFixed(3)}; ${seeds} seeds`,
);
for (const family of families) {
  const start = performance.now();
  const lows: number[] = [];
  const highs: number[] = [];
  const conds: number[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const s = svd(sketchingOperator(parseSketch(family), l, n, seed).applyLeft(u)).s;
    highs.push(s[0]!);
    lows.push(s[d - 1]!);
    conds.push(s[0]! / s[d - 1]!);
  }
  const mean = (x: number[]) => x.reduce((t, v) => t + v, 0) / x.length;
  const worst = (x: number[], edge: number) => Math.max(...x.map((v) => Math.abs(v - edge)));
  console.log(
    `${family.padEnd(11)} σ_min mean ${mean(lows).toFixed(4)} (worst |σ_min − edge| ${worst(lows, lower).toFixed(4)})  σ_max mean ${mean(highs).toFixed(4)} (worst ${worst(highs, upper).toFixed(4)})  cond mean ${mean(conds).toFixed(3)}, max ${Math.max(...conds).toFixed(3)}, seeds with cond > 6: ${conds.filter((c) => c > 6).length}  (${((performance.now() - start) / 1000).toFixed(1)} s)`,
  );
}
