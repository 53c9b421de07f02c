import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomStream } from '../../src/random/stream.js';
import { KS_CRITICAL_0_001, ksStatistic, moments, normalCdf } from './stats.js';

// Every check is a 4-standard-error (or KS 0.1%) band for the sample size used, with a fixed seed.
const N = 200_000;

function within(actual: number, expected: number, se: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 4 * se, `${what}: ${actual} vs ${expected} ± 4·${se}`);
}

describe('RandomStream distributions', () => {
  it('draws uniforms with mean 1/2, variance 1/12 and a KS distance below the 0.1% critical value', () => {
    const x = randomStream(101).fill(new Float64Array(N));
    const { mean, variance, fourth } = moments(x);
    within(mean, 0.5, Math.sqrt(1 / 12 / N), 'mean');
    within(variance, 1 / 12, Math.sqrt((fourth - variance ** 2) / N), 'variance');
    assert.ok(Math.sqrt(N) * ksStatistic(x, (t) => t) < KS_CRITICAL_0_001);
  });

  it('draws normals with mean 0, variance 1, kurtosis 3 and a KS distance below the 0.1% critical value', () => {
    const z = randomStream(202).fill(new Float64Array(N), 'normal');
    const { mean, variance, fourth } = moments(z);
    within(mean, 0, 1 / Math.sqrt(N), 'mean');
    within(variance, 1, Math.sqrt(2 / N), 'variance');
    within(fourth, 3, Math.sqrt(96 / N), 'fourth moment'); // Var(z⁴) = 105 − 9
    assert.ok(Math.sqrt(N) * ksStatistic(z, normalCdf) < KS_CRITICAL_0_001);
  });

  it('gives sibling streams uncorrelated draws', () => {
    const root = randomStream('independence');
    for (const [i, j] of [
      [0, 1],
      [1, 2],
      [0, 1000],
    ] as const) {
      const a = root.split(i).fill(new Float64Array(N), 'normal');
      const b = root.split(j).fill(new Float64Array(N), 'normal');
      let dot = 0;
      for (let k = 0; k < N; k++) dot += a[k]! * b[k]!;
      within(dot / N, 0, 1 / Math.sqrt(N), `corr(split(${i}), split(${j}))`);
    }
  });

  it('draws consecutive normals without serial correlation', () => {
    const z = randomStream(303).fill(new Float64Array(N + 1), 'normal');
    let lag1 = 0;
    for (let k = 0; k < N; k++) lag1 += z[k]! * z[k + 1]!;
    within(lag1 / N, 0, 1 / Math.sqrt(N), 'lag-1 correlation');
  });

  it('draws integers without modulo bias, below and above 2³²', () => {
    const s = randomStream(404);
    // For n = 3·2³⁰ a plain x mod n would land below 2³⁰ half the time instead of a third.
    for (const n of [3 * 2 ** 30, 3 * 2 ** 50]) {
      const draws = 60_000;
      let low = 0;
      for (let k = 0; k < draws; k++) if (s.int(n) < n / 3) low++;
      within(low / draws, 1 / 3, Math.sqrt(2 / 9 / draws), `P(int(${n}) < n/3)`);
    }
    const counts = new Array<number>(7).fill(0);
    for (let k = 0; k < 70_000; k++) counts[s.int(7)]!++;
    const chi2 = counts.reduce((acc, c) => acc + (c - 10_000) ** 2 / 10_000, 0);
    assert.ok(chi2 < 22.46, `χ²(6) = ${chi2} above its 0.1% critical value 22.46`);
  });

  it('draws all 24 permutations of 4 items equally often', () => {
    const s = randomStream(505);
    const counts = new Map<string, number>();
    const draws = 48_000;
    for (let k = 0; k < draws; k++) {
      const key = s.permutation(4).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    assert.equal(counts.size, 24);
    const expected = draws / 24;
    const chi2 = [...counts.values()].reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    assert.ok(chi2 < 49.73, `χ²(23) = ${chi2} above its 0.1% critical value 49.73`);
  });

  it('chooses distinct indices, each with probability k/n, the same whichever storage is used', () => {
    const s = randomStream(606);
    const n = 50;
    const k = 5;
    const hits = new Array<number>(n).fill(0);
    const draws = 20_000;
    for (let t = 0; t < draws; t++) {
      const c = s.choice(n, k);
      assert.equal(new Set(c).size, k);
      for (const i of c) hits[i]!++;
    }
    const p = k / n;
    for (const h of hits)
      within(h / draws, p, Math.sqrt((p * (1 - p)) / draws), 'inclusion probability');
    // choice(n, k) with k < n/4 uses the sparse map; it must equal the dense shuffle's first k.
    assert.deepEqual(
      randomStream(7).choice(1000, 10),
      randomStream(7).permutation(1000).subarray(0, 10),
    );
    assert.deepEqual(randomStream(7).choice(8, 0), new Int32Array(0));
    assert.deepEqual(Array.from(randomStream(7).permutation(6)).sort(), [0, 1, 2, 3, 4, 5]);
  });
});
