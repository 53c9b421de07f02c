import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { eigvalsh } from '../../src/linalg/api.js';
import { setBlasThreads } from '../../src/linalg/backend.js';
import type { FreeLaw } from '../../src/rmt/laws/free-law.js';
import * as laws from '../../src/rmt/laws/index.js';
import { edgePoint } from '../../src/rmt/laws/law.js';
import { tanhSinh } from '../../src/rmt/laws/quadrature.js';
import { checkHalfPlane, ksWithAtoms } from './laws-helpers.js';

/**
 * The free-probability laws with the cases the tests use: the law, its mean and second moment from
 * the closed forms (free cumulants: κ₁ and κ₂ + κ₁²), and the resolution of integrals of its
 * density (the Silverstein-based laws invert m at η = 1e-10·scale, which smooths the density by
 * ~1e-9).
 */
const CASES: ReadonlyArray<readonly [string, () => FreeLaw, number, number, number]> = [
  [
    'deformedWigner([-2, 2], [0.3, 0.7], 1) (two components)',
    () => laws.deformedWigner([-2, 2], [0.3, 0.7], 1),
    0.8,
    4 + 1,
    1e-12,
  ],
  [
    'deformedWigner([-1, 0.5, 3], [0.2, 0.5, 0.3], 0.5)',
    () => laws.deformedWigner([-1, 0.5, 3], [0.2, 0.5, 0.3], 0.5),
    0.95,
    0.2 + 0.125 + 2.7 + 0.5,
    1e-12,
  ],
  [
    'deformedMarchenkoPastur([1, 4], [0.5, 0.5], 0.1) (two components)',
    () => laws.deformedMarchenkoPastur([1, 4], [0.5, 0.5], 0.1),
    2.5,
    8.5 + 0.1 * 6.25,
    1e-8,
  ],
  [
    'deformedMarchenkoPastur([1, 3], [0.4, 0.6], 2) (atom at 0)',
    () => laws.deformedMarchenkoPastur([1, 3], [0.4, 0.6], 2),
    2.2,
    5.8 + 2 * 2.2 ** 2,
    1e-8,
  ],
  [
    'compoundFreePoisson(0.5, [2]) (closed form, atom at 0)',
    () => laws.compoundFreePoisson(0.5, [2]),
    1,
    2 + 1,
    1e-12,
  ],
  [
    'compoundFreePoisson(1.5, [1, 4], [0.5, 0.5])',
    () => laws.compoundFreePoisson(1.5, [1, 4], [0.5, 0.5]),
    3.75,
    1.5 * 8.5 + 3.75 ** 2,
    1e-8,
  ],
  [
    'freeLevy([1, 3], [0.5, 0.5], 2, -1, 0.25)',
    () => laws.freeLevy([1, 3], [0.5, 0.5], 2, -1, 0.25),
    3,
    0.25 + 10 + 9,
    1e-12,
  ],
  [
    'freeLevy([1, 4], [0.5, 0.5], 0.5, 1) (atom at the drift)',
    () => laws.freeLevy([1, 4], [0.5, 0.5], 0.5, 1),
    2.25,
    4.25 + 2.25 ** 2,
    1e-12,
  ],
  ['fussCatalan(2)', () => laws.fussCatalan(2), 1, 3, 1e-12],
  ['fussCatalan(3)', () => laws.fussCatalan(3), 1, 4, 1e-12],
  ['chiralBlock(0.5, -1, 2) (atom at α)', () => laws.chiralBlock(0.5, -1, 2), 0, 5.5 / 3, 1e-12],
  ['chiralBlock(0, 1, 0.5) (atom at β)', () => laws.chiralBlock(0, 1, 0.5), 2 / 3, 2 / 1.5, 1e-12],
];

/** The matrix size of the sampling checks (their Kolmogorov bound is 1.63/√n). */
const SAMPLE_SIZE = 400;

// One OpenBLAS thread: the eigenvalue solves at n = 400 are too small to share, and a second thread
// spinning on a busy machine costs far more than it saves (eigvalsh of a 400×400 matrix measured
// at 33 ms with one thread, 0.15 to 0.9 s with two, under load).
let blasThreads: ReturnType<typeof setBlasThreads>;
before(() => {
  blasThreads = setBlasThreads(1);
});
after(() => {
  if (blasThreads) setBlasThreads(blasThreads);
});

/**
 * ∫ g dμ from density() and the atoms: tanh–sinh on each component after x = c − r cos θ, with the
 * long t-range for the x^{−s/(s+1)} pole of Fuss–Catalan at 0.
 */
function integrate(law: FreeLaw, g: (x: number) => number, upTo = Infinity): number {
  let total = 0;
  for (const [lo, hi] of law.intervals) {
    if (upTo <= lo) break;
    const r = (hi - lo) / 2;
    const top = Math.acos(Math.max(-1, Math.min(1, ((lo + hi) / 2 - Math.min(upTo, hi)) / r)));
    total += tanhSinh(
      (t) => {
        const x = edgePoint(lo, hi, t);
        return law.density(x) * g(x) * r * Math.sin(t);
      },
      0,
      top,
      { tol: 1e-13, scale: 1e-2, range: 6.1, maxLevel: 12 },
    );
  }
  return total + law.atoms.filter((a) => a.at <= upTo).reduce((s, a) => s + a.mass * g(a.at), 0);
}

describe('free-probability laws (freealg’s catalogue)', () => {
  for (const [label, make, mean, second, resolution] of CASES) {
    const law = make();
    const tol = Math.max(resolution, 1e-12);

    it(`${label}: the density plus its atoms integrates to 1 (${tol})`, () => {
      const total = integrate(law, () => 1);
      assert.ok(Math.abs(total - 1) < tol, String(total));
    });

    it(`${label}: the first two moments are the closed forms (${tol})`, () => {
      const m1 = integrate(law, (x) => x);
      const m2 = integrate(law, (x) => x * x);
      assert.ok(Math.abs(m1 - mean) < tol * Math.max(1, Math.abs(mean)), `${m1} vs ${mean}`);
      assert.ok(Math.abs(m2 - second) < tol * second, `${m2} vs ${second}`);
    });

    it(`${label}: the CDF is the integral of the density, increases, and reaches 1`, () => {
      const [lo, hi] = law.support;
      for (const t of [0.1, 0.37, 0.8]) {
        const x = lo + t * (hi - lo);
        const direct = integrate(law, () => 1, x);
        assert.ok(Math.abs(law.cdf(x) - direct) < 10 * tol, `${x}: ${law.cdf(x)} vs ${direct}`);
      }
      let previous = 0;
      for (let k = -5; k <= 105; k++) {
        const value = law.cdf(lo + ((hi - lo) * k) / 100);
        assert.ok(value >= previous - 1e-15, `${k}: ${value} < ${previous}`);
        previous = value;
      }
      assert.ok(Math.abs(law.cdf(hi + 1) - 1) < 10 * tol);
      assert.equal(law.cdf(Math.min(lo, ...law.atoms.map((a) => a.at)) - 1), 0);
    });

    it(`${label}: the Stieltjes transform equals ∫ dμ(x)/(x − z) (1e-8 relative)`, () => {
      const [lo, hi] = law.support;
      const points = [
        { re: 0.3, im: 0.7 },
        { re: (lo + hi) / 2, im: 0.05 * (hi - lo) },
        { re: hi + 0.5, im: 0 },
        { re: lo - 0.7, im: 0 },
        { re: -2, im: -1 },
        { re: hi, im: 0.3 },
      ];
      for (const z of points) {
        const re = integrate(law, (x) => (x - z.re) / ((x - z.re) ** 2 + z.im ** 2));
        const im = integrate(law, (x) => z.im / ((x - z.re) ** 2 + z.im ** 2));
        const m = law.stieltjes(z);
        assert.ok(
          Math.hypot(m.re - re, m.im - im) < 1e-8 * Math.hypot(re, im),
          `at ${z.re}+${z.im}i: ${m.re}+${m.im}i vs ${re}+${im}i`,
        );
      }
    });

    it(`${label}: the Stieltjes transform maps ℂ⁺ to ℂ⁺ and is −1/z at infinity`, () => {
      checkHalfPlane(law, 60);
    });

    // The iid Kolmogorov 99 % quantile 1.63/√n bounds the matrix models with room (they converge
    // at ~log n/n: at n = 400 they sit near 0.01, against a bound of 0.08); n = 400 keeps the
    // eigenvalue solve at ~1/15 of n = 1000's cost.
    it(`${label}: the spectrum of sampleMatrix(${SAMPLE_SIZE}, 1) is within 1.63/√${SAMPLE_SIZE} of the law in Kolmogorov distance`, () => {
      const n = SAMPLE_SIZE;
      const a = law.sampleMatrix(n, 1);
      assert.equal(a.rows, n);
      const ks = ksWithAtoms(eigvalsh(a), law);
      assert.ok(ks < 1.63 / Math.sqrt(n), String(ks));
    });
  }

  it('Fuss–Catalan of order 1 is Marchenko–Pastur with c = 1', () => {
    const f = laws.fussCatalan(1);
    const mp = laws.marchenkoPastur(1);
    for (const x of [0.01, 0.5, 2, 3.9])
      assert.ok(Math.abs(f.density(x) - mp.density(x)) < 1e-12 * mp.density(x));
    const m = f.stieltjes({ re: 1, im: 0.5 });
    const e = mp.stieltjes({ re: 1, im: 0.5 });
    assert.ok(Math.hypot(m.re - e.re, m.im - e.im) < 1e-13);
  });

  it('free Lévy without drift and semicircle is the compound free Poisson law (two solvers agree)', () => {
    const levy = laws.freeLevy([1, 4], [0.5, 0.5], 1.5);
    const cfp = laws.compoundFreePoisson(1.5, [1, 4], [0.5, 0.5]);
    for (const z of [
      { re: 2, im: 0.3 },
      { re: -1, im: 0 },
      { re: 6, im: 1e-3 },
    ]) {
      const a = levy.stieltjes(z);
      const b = cfp.stieltjes(z);
      assert.ok(Math.hypot(a.re - b.re, a.im - b.im) < 1e-8 * Math.hypot(b.re, b.im));
    }
    levy.intervals.forEach(([lo, hi], k) => {
      assert.ok(
        Math.abs(lo - cfp.intervals[k]![0]) < 1e-9 && Math.abs(hi - cfp.intervals[k]![1]) < 1e-9,
      );
    });
  });

  it('deformed Wigner with one atom a is the semicircle of radius 2σ centred at a', () => {
    const d = laws.deformedWigner([1.5], [1], 0.25);
    const w = laws.wigner(1);
    assert.ok(Math.abs(d.support[0] - 0.5) < 1e-12 && Math.abs(d.support[1] - 2.5) < 1e-12);
    for (const x of [0.6, 1.2, 1.5, 2.4])
      assert.ok(Math.abs(d.density(x) - w.density(x - 1.5)) < 1e-12);
  });

  it('compound free Poisson with one jump t is Marchenko–Pastur of ratio 1/λ and variance λt', () => {
    const cfp = laws.compoundFreePoisson(1.5, [1, 1], [0.5, 0.5]);
    const mp = laws.compoundFreePoisson(1.5, [1]);
    for (const x of [0.2, 1, 3.5]) assert.ok(Math.abs(cfp.cdf(x) - mp.cdf(x)) < 1e-8);
  });

  it('rejects parameters outside each law’s domain with InvalidArgumentError naming them', () => {
    const bad: Array<[() => unknown, RegExp]> = [
      [() => laws.deformedWigner([0, 1], [0.5, 0.5], 0), /variance.*Value: 0/],
      [() => laws.deformedWigner([0, 1], [0.7, 0.5]), /weights must sum to 1/],
      [() => laws.deformedWigner([0, Number.NaN], [0.5, 0.5]), /values/],
      [() => laws.deformedMarchenkoPastur([1, -2], [0.5, 0.5], 0.5), /values.*Value: -2/],
      [() => laws.deformedMarchenkoPastur([1, 2], [0.5, 0.5], -1), /ratio.*Value: -1/],
      [() => laws.compoundFreePoisson(0, [1]), /rate.*Value: 0/],
      [() => laws.compoundFreePoisson(1, [0]), /jumps.*Value: 0/],
      [() => laws.freeLevy([1], [1], 1, 0, -1), /variance.*Value: -1/],
      [() => laws.freeLevy([1, 2], [1, 0], 1), /weights.*Value: 0/],
      [() => laws.freeLevy([1], [1], 1, Number.POSITIVE_INFINITY), /drift/],
      [() => laws.fussCatalan(1.5), /invalid argument: s.*Value: 1.5/],
      [() => laws.fussCatalan(0), /invalid argument: s/],
      [() => laws.chiralBlock(0, 0, 0), /ratio.*Value: 0/],
      [() => laws.chiralBlock(Number.NaN, 0, 1), /alpha/],
      [() => laws.chiralBlock(0, 0, 1).sampleMatrix(1, 1), /size/],
    ];
    for (const [f, message] of bad) {
      assert.throws(
        f,
        (e: unknown) => e instanceof InvalidArgumentError && message.test(e.message),
      );
    }
  });
});
