// Reconstructive SSL (docs/theory.md §16): the closing numbers of issue 17, measured.
// Run: OPENBLAS_NUM_THREADS=1 node --import tsx bench/ssl.ts
import { runSslTrial } from '../src/ssl/index.js';
import { logLogSlope, spearman } from '../src/ssl/summary.js';
import { meanError } from '../src/stats/mean-error.js';

const T = 20;
const mean = (f: (t: number) => number) => meanError(Array.from({ length: T }, (_, t) => f(t)));
const ns = [50, 158, 500, 1581, 5000];
const model = { d1: 40, d2: 60, p: 3, s: 2 };
const runs = Array.from({ length: T }, (_, t) =>
  runSslTrial({ model, n: ns, pretext: 'oracle', seed: t }),
);
const rate = ns.map((_, i) => meanError(runs.map((r) => r[i]!.sslLinear)));
console.log('1. well-specified, oracle ψ*, least squares (p = 3, s = 2, σ = 1), 20 trials');
ns.forEach((n, i) =>
  console.log(
    `   n = ${n}: ${rate[i]!.mean.toExponential(3)} ± ${rate[i]!.stderr.toExponential(1)}  ratio to (p+s)σ²/n = ${(rate[i]!.mean / (5 / n)).toFixed(3)}`,
  ),
);
console.log(
  `   log-log slope: ${logLogSlope(
    ns,
    rate.map((m) => m.mean),
  ).toFixed(3)} (target −1 ± 0.1)`,
);
const eps = [0, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2];
const byEps = eps.map((epsilon) =>
  mean(
    (t) =>
      runSslTrial({ model: { ...model, epsilon }, n: 100, pretext: 'oracle', seed: t })[0]!
        .sslRidge,
  ),
);
console.log('2. ridge (λ = 0.05) excess risk at n = 100 against ε_s');
eps.forEach((e, i) =>
  console.log(
    `   ε_s = ${e}: ${byEps[i]!.mean.toExponential(3)} ± ${byEps[i]!.stderr.toExponential(1)}`,
  ),
);
console.log(
  `   Spearman ρ = ${spearman(
    eps,
    byEps.map((m) => m.mean),
  ).toFixed(3)} (target ≥ 0.9)`,
);
console.log(
  '3. SSL + ridge vs supervised ridge (d₁ = 60, d₂ = 120, σ = 0.5, oracle ψ*), mean ± stderr',
);
const cmp = [25, 50, 100, 200, 400, 800];
for (const encodingRank of [3, 2]) {
  const rs = Array.from({ length: T }, (_, t) =>
    runSslTrial({
      model: { d1: 60, d2: 120, p: 3, s: 2, sigma: 0.5, encodingRank },
      n: cmp,
      pretext: 'oracle',
      seed: t,
    }),
  );
  cmp.forEach((n, i) => {
    const a = meanError(rs.map((r) => r[i]!.sslRidge));
    const b = meanError(rs.map((r) => r[i]!.supervisedRidge));
    const verdict =
      a.mean + 2 * a.stderr < b.mean - 2 * b.stderr
        ? 'SSL wins'
        : a.mean - 2 * a.stderr > b.mean + 2 * b.stderr
          ? 'SSL loses'
          : 'tie';
    console.log(
      `   rank C_h = ${encodingRank}, n = ${n}: SSL ${a.mean.toFixed(4)} ± ${a.stderr.toFixed(4)}  supervised ${b.mean.toFixed(4)} ± ${b.stderr.toFixed(4)}  ${verdict}`,
    );
  });
}
