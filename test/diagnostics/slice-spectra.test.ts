import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { diagnoseModel } from '../../src/diagnostics/model.js';
import { gramResolved, RESOLUTION, sliceSpectra } from '../../src/diagnostics/slice-spectra.js';
import type { WeightFile } from '../../src/io/weights/tensor.js';
import { matmul, qr, svd } from '../../src/linalg/api.js';
import { asyncLanes, parallelFlops, setBlasThreads } from '../../src/linalg/backend.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { randomStream } from '../../src/random/stream.js';

/**
 * The single-precision Gram route's bound on each eigenvalue of WᵀW (N×M, N ≥ M): rounding W to
 * float32 and the float32 dot products of length N move each entry by at most (N + 2)·ε₃₂ times
 * the entry of |W|ᵀ|W|, so every eigenvalue by at most its Frobenius norm (Weyl); one more N·ε₃₂
 * covers the double eigensolver's (N + M)·ε·λmax many times over.
 */
function singleGramBound(w: Matrix): number {
  const { rows: N, cols: M, data } = w;
  let sum = 0;
  for (let i = 0; i < M; i++)
    for (let j = 0; j < M; j++) {
      let dot = 0;
      for (let k = 0; k < N; k++) dot += Math.abs(data[k * M + i]!) * Math.abs(data[k * M + j]!);
      sum += dot * dot;
    }
  return (N + 3) * 2 ** -24 * Math.sqrt(sum);
}

/** W = U·diag(s)·Vᵀ (N×M) with Haar U, V and s log-spaced from 1 down to 1/cond. */
function conditioned(N: number, M: number, cond: number, seed: number): Matrix {
  const u = qr(gaussianMatrix(N, M, randomStream(seed).child('U'))).q;
  const v = qr(gaussianMatrix(M, M, randomStream(seed).child('V'))).q;
  const us = u.clone();
  for (let i = 0; i < N; i++)
    for (let j = 0; j < M; j++) us.data[i * M + j]! *= cond ** (-j / (M - 1));
  return matmul(us, v, { transB: true });
}

describe('sliceSpectra: the Gram route where it resolves the spectrum, else the SVD', () => {
  for (const cond of [10, 1e3, 1e5]) {
    it(`Gram eigenvalues of a 300×120 matrix with singular values spread over ${cond} are the SVD's s² within (N + M)·ε·λmax`, async () => {
      const w = conditioned(300, 120, cond, 3);
      const exact = svd(w).s;
      const gram = (await sliceSpectra([w], 'gram')).singular[0]!;
      const scale = (300 + 120) * Number.EPSILON * exact[0]! ** 2;
      for (let i = 0; i < exact.length; i++)
        assert.ok(
          Math.abs(gram[i]! ** 2 - exact[i]! ** 2) <= scale,
          `λ_${i}: ${gram[i]! ** 2} vs ${exact[i]! ** 2}`,
        );
    });
  }

  it('takes the Gram route for a well-conditioned matrix, and the SVD when the smallest λ is below RESOLUTION·(N + M)·ε·λmax', async () => {
    const good = conditioned(300, 120, 100, 4);
    const bad = conditioned(300, 120, 1e6, 5);
    const both = await sliceSpectra([good, bad]);
    assert.equal(both.method, 'gram+svd');
    assert.deepEqual(both.singular[1], svd(bad).s);
    const s = both.singular[0]!;
    const exact = svd(good).s;
    for (let i = 0; i < s.length; i++) assert.ok(Math.abs(s[i]! - exact[i]!) <= 1e-8 * exact[i]!);
    assert.equal((await sliceSpectra([good], 'svd')).method, 'svd');
    assert.equal((await sliceSpectra([bad], 'gram')).method, 'gram');
  });

  it("'gram-single' takes the single-precision Gram for every matrix, within its rounding bound of the SVD's s²", async () => {
    const w = conditioned(300, 120, 1e6, 5); // unresolved in double: 'auto' would take the SVD
    const single = await sliceSpectra([w], 'gram-single');
    assert.equal(single.method, 'gram-single');
    const exact = svd(w).s;
    const double = (await sliceSpectra([w], 'gram')).singular[0]!;
    const bound = singleGramBound(w);
    let deviation = 0;
    for (let i = 0; i < exact.length; i++) {
      const error = Math.abs(single.singular[0]![i]! ** 2 - exact[i]! ** 2);
      assert.ok(error <= bound, `λ_${i}: ${single.singular[0]![i]! ** 2} vs ${exact[i]! ** 2}`);
      deviation = Math.max(deviation, Math.abs(single.singular[0]![i]! - double[i]!));
    }
    assert.ok(deviation > 0, 'the product ran in single precision');
  });

  it('refuses the Gram route when an eigenvalue is within its error of a decision level, or zero', () => {
    const evals = Float64Array.of(0.5e-5, 1, 2);
    assert.equal(gramResolved(evals, 10, 3), true);
    assert.equal(gramResolved(evals, 10, 3, [1e-5]), true);
    assert.equal(gramResolved(evals, 10, 3, [0.5e-5 * (1 + 0.5 / RESOLUTION)]), false);
    assert.equal(gramResolved(Float64Array.of(0, 1), 10, 2), false);
    assert.equal(gramResolved(Float64Array.of(-1e-17, 1), 10, 2), false);
  });
});

describe('diagnoseModel: spectrum route and overlapped layers', () => {
  const file: WeightFile = {
    file: 'model.safetensors',
    format: 'safetensors',
    tensors: [
      ...Array.from({ length: 4 }, (_, k) => ({
        name: `layers.${k}.mlp`,
        shape: [96 + 16 * k, 64],
        data: gaussianMatrix(96 + 16 * k, 64, k + 1).data,
        dtype: 'float32',
        floating: true,
      })),
      {
        name: 'conv',
        shape: [12, 8, 3, 3],
        data: gaussianMatrix(1, 864, 9).data,
        dtype: 'float32',
        floating: true,
      },
      {
        name: 'rank_deficient',
        shape: [80, 40],
        data: matmul(gaussianMatrix(80, 5, 10), gaussianMatrix(5, 40, 11)).data,
        dtype: 'float32',
        floating: true,
      },
    ],
    skipped: [],
  };
  const options = { mpFit: true, randomize: true, fixFingers: true, seed: 7 };

  it('gives the same rows, bit for bit, with and without overlapping the next layer’s decompositions', async () => {
    const overlapped = await diagnoseModel([file], options);
    const serial = await diagnoseModel([file], { ...options, overlap: false });
    assert.deepEqual(overlapped, serial);
  });

  it('decomposes small layers one per core on one BLAS thread each, and restores the threading after', async () => {
    // Every layer here is far below the eigensolver's threshold for taking every thread, so the
    // native backend runs them side by side while the model is diagnosed. A count fixed by the
    // caller or the environment wins, and JS has its own threading: their lanes stay as they are.
    setBlasThreads('auto');
    const setting = setBlasThreads('auto'); // 'auto', or the environment's count
    const perCall = setting === 'auto' && parallelFlops('eigvalsh') > 0;
    const expected = perCall ? availableParallelism() : asyncLanes();
    const lanes: number[] = [];
    await diagnoseModel([file], { ...options, onLayer: () => lanes.push(asyncLanes()) });
    assert.deepEqual(
      lanes,
      lanes.map(() => expected),
    );
    assert.equal(setBlasThreads('auto'), setting, 'the threading is restored');
    if (perCall) {
      setBlasThreads(2);
      const fixed: number[] = [];
      try {
        await diagnoseModel([file], { ...options, onLayer: () => fixed.push(asyncLanes()) });
      } finally {
        assert.equal(setBlasThreads('auto'), 2, 'a fixed count is left alone');
      }
      assert.deepEqual(
        fixed,
        fixed.map(() => 1),
      );
    }
  });

  it("with 'gram-single' keeps every dense layer's tail: the same xmin index, α within the rounding bound's effect", async () => {
    const single = await diagnoseModel([file], { ...options, spectrum: 'gram-single' });
    const exact = await diagnoseModel([file], { ...options, spectrum: 'svd' });
    assert.deepEqual(
      single.layers.map((l) => l.esd_method),
      exact.layers.map(() => 'gram-single'),
    );
    for (let k = 0; k < 4; k++) {
      const [l, e] = [single.layers[k]!, exact.layers[k]!];
      const tensor = file.tensors[k]!;
      const w = Matrix.fromRowMajor(
        tensor.shape[0]!,
        tensor.shape[1]!,
        Float64Array.from(tensor.data),
      );
      // α = 1 + n/Σ ln(λ_i/xmin) over the n tail eigenvalues (each ≥ xmin): moving every eigenvalue
      // by at most B moves each logarithm by at most 2B/xmin to first order, so α by at most
      // (α − 1)²·2B/xmin; twice that covers the higher orders at these B/xmin (below 1e-3).
      const b = singleGramBound(w);
      assert.equal(l.num_pl_spikes, e.num_pl_spikes, l.name);
      assert.ok(b / e.xmin! < 1e-3);
      const bound = 2 * (e.alpha! - 1) ** 2 * ((2 * b) / e.xmin!);
      assert.ok(Math.abs(l.alpha! - e.alpha!) <= bound, `${l.name}: α ${l.alpha} vs ${e.alpha}`);
    }
  });

  it('agrees with the SVD route to 1e-8 on every metric, and uses the SVD for the rank-deficient layer', async () => {
    const auto = await diagnoseModel([file], options);
    const exact = await diagnoseModel([file], { ...options, spectrum: 'svd' });
    assert.deepEqual(
      auto.layers.map((l) => l.esd_method),
      ['gram', 'gram', 'gram', 'gram', 'gram', 'svd'],
    );
    for (const [k, l] of auto.layers.entries()) {
      const e = exact.layers[k]!;
      assert.equal(e.esd_method, 'svd');
      for (const key of [
        'alpha',
        'xmin',
        'log_alpha_norm',
        'entropy',
        'sigma_mp',
        'rand_distance',
      ] as const) {
        // a convolution's own metrics have no MP fit: undefined on both routes
        if (e[key] === undefined) assert.equal(l[key], undefined, `${l.name}.${key}`);
        else assert.ok(Math.abs(l[key]! - e[key]!) <= 1e-8 * Math.abs(e[key]!), `${l.name}.${key}`);
      }
      for (const key of ['matrix_rank', 'num_pl_spikes', 'num_spikes', 'num_fingers'] as const)
        assert.equal(l[key], e[key], `${l.name}.${key}`);
      for (const key of ['svMin', 'rankLoss', 'weakRankLoss', 'matrixRank', 'alpha'] as const)
        assert.ok(
          Math.abs(l.ww[key] - e.ww[key]) <=
            1e-8 * Math.abs(key === 'svMin' ? e.ww.svMax : e.ww[key]),
          `${l.name}.ww.${key}: ${l.ww[key]} vs ${e.ww[key]}`,
        );
    }
  });
});
