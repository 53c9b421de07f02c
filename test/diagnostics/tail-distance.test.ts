// The power-law fit's xmin search skips tail points that cannot change a candidate's D
// (src/diagnostics/tail-distance.ts): every α_i and D_i must still be the plain O(n²) loop's, bit
// for bit, on data shaped like the ESDs it meets and on the cases that stress the skipping.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitPowerLaw } from '../../src/diagnostics/powerlaw.js';
import { distanceScratch, tailDistance } from '../../src/diagnostics/tail-distance.js';
import { randomStream } from '../../src/random/stream.js';

/** The plain loop tailDistance replaces: every gap evaluated. */
function plainDistance(logs: Float64Array, i: number, m: number, alpha: number): number {
  let D = 0;
  const base = logs[i]!;
  for (let k = 0; k < m; k++) {
    const gap = Math.abs(1 - Math.exp((1 - alpha) * (logs[i + k]! - base)) - k / m);
    if (gap > D) D = gap;
  }
  return D;
}

/** Sorted samples of the shapes the fit meets, and of those that stress the bound. */
function datasets(): [string, Float64Array][] {
  const s = randomStream(11);
  const out: [string, Float64Array][] = [];
  const draw = (n: number, f: () => number) => Float64Array.from({ length: n }, f).sort();
  for (const n of [3, 40, 65, 66, 300, 2000]) {
    for (const mu of [0.5, 1.5, 3, 8])
      out.push([`Pareto μ=${mu}, n=${n}`, draw(n, () => s.uniform() ** (-1 / mu))]);
    out.push([`χ²₁ (MP-like bulk), n=${n}`, draw(n, () => s.normal() ** 2)]);
    out.push([`four tied values, n=${n}`, draw(n, () => Math.ceil(4 * s.uniform()))]);
    // Nearly equal values: α_i in the millions, where F_k rounds hardest.
    out.push([`1e10·(1 + 1e-12·u), n=${n}`, draw(n, () => 1e10 * (1 + 1e-12 * s.uniform()))]);
  }
  return out;
}

describe('tailDistance: the KS distance of each candidate tail, skipping what cannot count', () => {
  it("gives every candidate's D to the bit of the plain loop, with α_i from the fit's own formula", () => {
    let compared = 0;
    for (const [name, x] of datasets()) {
      const logs = x.map(Math.log);
      const n = x.length;
      const scratch = distanceScratch(n);
      let suffix = 0;
      for (let i = n - 1; i >= 0; i--) {
        suffix += logs[i]!;
        const m = n - i;
        const alpha = 1 + m / (suffix - m * logs[i]!);
        if (!(alpha > 1 && Number.isFinite(alpha)) || m < 2) continue;
        const expected = plainDistance(logs, i, m, alpha);
        assert.ok(
          Object.is(tailDistance(logs, i, m, alpha, scratch, true), expected),
          `${name}, i=${i}`,
        );
        assert.ok(
          Object.is(tailDistance(logs, i, m, alpha, scratch, false), expected),
          `${name}, i=${i}`,
        );
        compared++;
      }
    }
    assert.ok(compared > 10000, `only ${compared} candidates compared`);
  });

  it("leaves fitPowerLaw's result and every candidate (xmin, α, D) identical to the plain loop's", () => {
    for (const [name, x] of datasets()) {
      const fit = fitPowerLaw(x, { threshold: 0 });
      const logs = x.map(Math.log);
      const n = x.length;
      for (let c = 0; c < fit.candidates.D.length; c++) {
        const alpha = fit.candidates.alpha[c]!;
        const expected =
          alpha > 1 && Number.isFinite(alpha) ? plainDistance(logs, c, n - c, alpha) : 1;
        assert.ok(Object.is(fit.candidates.D[c], expected), `${name}: candidate ${c}`);
      }
      let best = 0;
      for (let c = 1; c < fit.candidates.D.length; c++)
        if (fit.candidates.D[c]! < fit.candidates.D[best]!) best = c;
      assert.ok(Object.is(fit.xmin, x[best]), name);
    }
  });
});
