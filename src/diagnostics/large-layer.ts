import { slq } from '../estimate/slq.js';
import { qr, svd } from '../linalg/api.js';
import { kernel } from '../linalg/backend.js';
import { Matrix } from '../linalg/matrix.js';
import { vectorOperator } from '../operators/linear-operator.js';
import { gaussianMatrix } from '../random/gaussian.js';
import type { Seed } from '../random/seed.js';
import { fitPowerLaw, type PowerLawFit } from './powerlaw.js';

/** The tail of a large layer's ESD, exact, and its bulk, estimated. */
export interface TailDiagnostics {
  N: number;
  M: number;
  /** The k largest λ = s² (ascending), from randomized block Krylov. */
  top: Float64Array;
  /** The power-law fit on `top`: the same candidates α_i, D_i as on the full ESD for xmin ∈ top. */
  fit: PowerLawFit;
  /** Σλ = ‖W‖²_F, exact. */
  norm: number;
  lambdaMax: number;
  /** log₁₀ Σλ^α: top exact plus the deflated bulk by SLQ. */
  log_alpha_norm: number;
  /** Entropy as normMetrics' (rank M assumed): top exact, the bulk's Σλ ln λ by SLQ. */
  entropy: number;
  /** Rounds of the rank doubling (1 when the first k held the fitted tail). */
  rounds: number;
}

/** Options of {@link diagnoseLargeLayer}. */
export interface TailOptions {
  /** First number of top eigenvalues (default min(M, 256)); doubled while the fit needs more. */
  rank?: number;
  /** Krylov blocks beyond the first, q (default 3). */
  power?: number;
  /** SLQ probes and Lanczos steps for the bulk (default 8 and 30). */
  probes?: number;
  lanczosSteps?: number;
  seed?: Seed;
}

/**
 * The power-law tail fit of a large weight matrix without its full SVD: the top k singular values
 * by randomized block Krylov (block k, q + 1 blocks; see blockKrylovSvd), then
 * fitPowerLaw on those k eigenvalues, which gives exactly the full fit's α_i and D_i for every
 * candidate xmin among them. If the chosen xmin is in the lowest quarter of the k values (the
 * minimum of D might lie below), k is doubled, up to M/2. The bulk (the spectrum with the top k
 * deflated: P·WᵀW·P, P = I − VVᵀ) enters Σλ^α and Σλ ln λ by stochastic Lanczos quadrature
 * (src/estimate/slq.ts); Σλ = ‖W‖²_F is exact. Cost O(NMk(q + 1)²) against O(NM²) for the full SVD.
 * @example diagnoseLargeLayer(W, { rank: 256, seed: 1 }).fit.alpha
 */
export function diagnoseLargeLayer(w: Matrix, options: TailOptions = {}): TailDiagnostics {
  const x = w.rows >= w.cols ? w : w.transpose();
  const N = x.rows;
  const M = x.cols;
  let k = Math.min(M, options.rank ?? 256);
  let rounds = 0;
  for (;;) {
    rounds++;
    const { s, vt } = blockKrylovSvd(x, k, options.power ?? 3, options.seed ?? 0);
    const top = s.map((v) => v * v).reverse();
    const fit = fitPowerLaw(top, { threshold: 1e-5 });
    const first = top.length - fit.n;
    if (fit.status === 'success' && first < top.length / 4 && 2 * k <= M / 2) {
      k *= 2;
      continue;
    }
    return { N, M, top, fit, rounds, ...bulk(x, top, vt, fit.alpha, options) };
  }
}

/**
 * The top k singular values and right vectors of X (N×M) by randomized block Krylov (Musco &
 * Musco 2015): K = [XΩ, (XXᵀ)XΩ, …, (XXᵀ)^q XΩ] for an M×k Gaussian Ω, each block
 * orthonormalised, Q = orth(K), then the SVD of QᵀX. Accurate top values without a spectral gap,
 * where subspace iteration (rsvd) underestimates those near k.
 */
function blockKrylovSvd(x: Matrix, k: number, q: number, seed: Seed) {
  const gemm = kernel('gemm');
  const b = Math.min(k, Math.floor(x.cols / (q + 1)));
  const blocks: Matrix[] = [];
  let y = qr(gemm(x, gaussianMatrix(x.cols, b, seed), false, false, 1)).q;
  blocks.push(y);
  for (let i = 0; i < q; i++) {
    y = qr(gemm(x, qr(gemm(x, y, true, false, 1)).q, false, false, 1)).q;
    blocks.push(y);
  }
  const width = b * blocks.length;
  const K = Matrix.zeros(x.rows, width);
  blocks.forEach((blk, j) => {
    for (let r = 0; r < x.rows; r++)
      K.data.set(blk.data.subarray(r * b, (r + 1) * b), r * width + j * b);
  });
  const small = svd(gemm(qr(K).q, x, true, false, 1));
  const kk = Math.min(k, small.s.length);
  return {
    s: small.s.slice(0, kk),
    vt: Matrix.fromRowMajor(kk, x.cols, small.vt.data.slice(0, kk * x.cols)),
  };
}

function bulk(x: Matrix, top: Float64Array, vt: Matrix, alpha: number, options: TailOptions) {
  const M = x.cols;
  let norm = 0;
  for (const v of x.data) norm += v * v;
  const gemm = kernel('gemm');
  // P·XᵀX·P on an M×b block, P = I − VVᵀ (V = vtᵀ, M×k)
  const deflate = (b: Matrix) => {
    const c = gemm(vt, b, false, false, 1);
    const out = gemm(vt, c, true, false, -1);
    for (let i = 0; i < out.data.length; i++) out.data[i]! += b.data[i]!;
    return out;
  };
  const apply = (b: Matrix) =>
    deflate(gemm(x, gemm(x, deflate(b), false, false, 1), true, false, 1));
  const vector = (v: Float64Array) => apply(Matrix.fromRowMajor(M, 1, v)).data;
  const op = vectorOperator(M, M, vector, vector, {
    symmetric: true,
    matmat: apply,
    rmatmat: apply,
  });
  const probes = options.probes ?? 8;
  const steps = Math.min(M - 1, options.lanczosSteps ?? 30);
  const slqOptions = {
    minProbes: probes,
    maxProbes: probes,
    lanczosSteps: steps,
    seed: options.seed,
  };
  const a = Number.isFinite(alpha) ? alpha : 2;
  const restAlpha = slq(op, (t) => (t > 0 ? t ** a : 0), slqOptions).value;
  const restXlogX = slq(op, (t) => (t > 0 ? t * Math.log(t) : 0), slqOptions).value;
  let topAlpha = 0;
  let topXlogX = 0;
  for (const v of top) {
    topAlpha += v ** a;
    topXlogX += v * Math.log(v);
  }
  // −Σ p ln p with p = λ/S: ln S − Σλ ln λ / S
  const h = Math.log(norm) - (topXlogX + restXlogX) / norm;
  return {
    norm,
    lambdaMax: top[top.length - 1]!,
    log_alpha_norm: Math.log10(topAlpha + Math.max(0, restAlpha)),
    entropy: h / Math.log(M),
  };
}
