import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitWithoutFingers } from '../../src/diagnostics/fingers.js';
import { diagnoseMatrix } from '../../src/diagnostics/layer.js';
import { fitPowerLaw } from '../../src/diagnostics/powerlaw.js';
import { fitTruncatedPowerLaw } from '../../src/diagnostics/tpl.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { randomStream } from '../../src/random/stream.js';
import { matrixWithSpectrum, pareto, truncatedPareto } from './helpers.js';

const scaled = (rows: number, cols: number, sigma: number, seed: number) => {
  const w = gaussianMatrix(rows, cols, seed);
  for (let k = 0; k < w.data.length; k++) w.data[k] *= sigma;
  return w;
};

describe('fits on matrices with a known spectrum', () => {
  for (const [alpha, seed0] of [
    [2.5, 0],
    [3.5, 100],
    [5, 200],
  ] as const) {
    it(`recovers α = ${alpha} within its σ on 20 matrices with a Pareto spectrum: ≥ 50 % within σ (68 % expected), ≥ 85 % within 2σ (95 %), mean error below 3σ/√20`, () => {
      const z: number[] = [];
      for (let seed = seed0; seed < seed0 + 20; seed++) {
        const d = diagnoseMatrix(matrixWithSpectrum(pareto(200, alpha, 1, seed), 300, seed + 1000));
        z.push((d.alpha - alpha) / d.sigma);
      }
      const report = z.map((v) => v.toFixed(2)).join(' ');
      assert.ok(z.filter((v) => Math.abs(v) <= 1).length >= 10, report);
      assert.ok(z.filter((v) => Math.abs(v) <= 2).length >= 17, report);
      assert.ok(Math.abs(z.reduce((a, b) => a + b, 0) / 20) < 3 / Math.sqrt(20), report);
    });
  }

  it('finds σ of pure noise within 2 % and no spikes (N×M = 600×300, 300×300, 2000×100)', () => {
    for (const [rows, cols, sigma] of [
      [600, 300, 0.37],
      [300, 300, 1.3],
      [100, 2000, 0.02],
    ] as const) {
      for (const seed of [1, 2, 3]) {
        const d = diagnoseMatrix(scaled(rows, cols, sigma, seed), { mpFit: true });
        assert.ok(
          Math.abs(d.sigma_mp! / sigma - 1) < 0.02,
          `${rows}×${cols}: σ = ${d.sigma_mp} vs ${sigma}`,
        );
        assert.equal(d.num_spikes, 0, `${rows}×${cols} seed ${seed}`);
        assert.ok(d.mp_softrank! > 0.9 && d.mp_softrank! < 1.1);
      }
    }
  });

  it('separates spikes above the BBP threshold from the bulk, and leaves σ unbiased', () => {
    const N = 600;
    const M = 300;
    const w = scaled(N, M, 1, 4);
    const s = randomStream(5);
    // Two rank-one signals of strength θ·σ·(NM)^{1/4}, well above the BBP threshold (θ = 1).
    for (const theta of [4, 6]) {
      const u = s.fill(new Float64Array(N), 'normal').map((v) => v / Math.sqrt(N));
      const v = s.fill(new Float64Array(M), 'normal').map((x) => x / Math.sqrt(M));
      const strength = theta * (N * M) ** 0.25;
      for (let i = 0; i < N; i++)
        for (let j = 0; j < M; j++) w.data[i * M + j] += strength * u[i]! * v[j]!;
    }
    const d = diagnoseMatrix(w, { mpFit: true });
    assert.equal(d.num_spikes, 2);
    assert.ok(Math.abs(d.sigma_mp! - 1) < 0.02, String(d.sigma_mp));
    assert.ok(d.mp_softrank! < 0.5);
  });

  it('flags correlation traps: a few huge entries survive randomisation, a spread signal does not', () => {
    const noise = scaled(400, 200, 1, 6);
    assert.equal(diagnoseMatrix(noise, { randomize: true, seed: 1 }).rand_num_spikes, 0);
    const trapped = noise.clone();
    for (const [i, j] of [
      [3, 7],
      [150, 99],
      [300, 180],
    ])
      trapped.data[i * 200 + j] = 60;
    const t = diagnoseMatrix(trapped, { randomize: true, seed: 1 });
    assert.equal(t.rand_num_spikes, 3);
    assert.equal(t.traps!.length, 3);
    assert.ok(t.traps!.every((v) => v > 3000));
    // A rank-one signal spread over all entries is destroyed by the permutation: a spike, no trap.
    const signal = noise.clone();
    for (let i = 0; i < 400; i++)
      for (let j = 0; j < 200; j++)
        signal.data[i * 200 + j] += 0.25 * Math.sin(i / 7) * Math.cos(j / 5);
    const g = diagnoseMatrix(signal, { randomize: true, mpFit: true, seed: 1 });
    assert.ok(
      g.num_spikes! >= 1 && g.rand_num_spikes === 0,
      `${g.num_spikes} ${g.rand_num_spikes}`,
    );
    assert.ok(
      g.rand_distance! > diagnoseMatrix(noise, { randomize: true, seed: 1 }).rand_distance!,
    );
  });

  it('warns over-trained below α = 2 and under-trained above 6', () => {
    assert.equal(
      diagnoseMatrix(matrixWithSpectrum(pareto(300, 1.7, 1, 3), 400, 3)).warning,
      'over-trained',
    );
    assert.equal(diagnoseMatrix(scaled(400, 200, 1, 7)).warning, 'under-trained');
  });

  it('drops fingers: two outliers that push xmin into the far tail are removed and the fit of the data without them returned', () => {
    // A truncated power law whose two added outliers make the plain fit pick a small tail.
    const body = Array.from(truncatedPareto(400, 1.5, 0.3, 5));
    const top = Math.max(...body);
    const withFingers = [...body, 3 * top, 4 * top];
    const raw = fitPowerLaw(withFingers);
    const fixed = fitWithoutFingers(withFingers);
    assert.equal(fixed.num_fingers, 2);
    assert.equal(fixed.raw_alpha, raw.alpha);
    assert.ok(raw.alpha > fixed.fit.alpha + 1, `${raw.alpha} → ${fixed.fit.alpha}`);
    assert.deepEqual(fixed.fit.alpha, fitPowerLaw(body).alpha);
    assert.equal(fitWithoutFingers(body).num_fingers, 0);
  });

  it('fits a truncated power law: (α, Λ) within 4 standard errors; Λ = 0 on Pareto data', () => {
    for (const seed of [1, 2]) {
      const f = fitTruncatedPowerLaw(truncatedPareto(5000, 1.5, 0.3, seed), 1, 2);
      assert.ok(f.converged);
      assert.ok(
        Math.abs(f.alpha - 1.5) < 4 * f.alphaSigma && Math.abs(f.Lambda - 0.3) < 4 * f.LambdaSigma,
        JSON.stringify(f),
      );
    }
    const p = fitTruncatedPowerLaw(pareto(5000, 2.5, 1, 1), 1, 2.5);
    assert.equal(p.Lambda, 0);
    assert.ok(Math.abs(p.alpha - 2.5) < 3 * (1.5 / Math.sqrt(5000)));
  });
});
