// WeightWatcher's norm metrics and detX of a layer's pooled ESD (used by columns.ts).

/**
 * apply_norm_metrics: ranks and entropy from s = √λ with numpy's tolerance s_max·N·ε.
 * @example wwNormMetrics(evals, norm, alpha, N).stableRank
 */
export function wwNormMetrics(evals: Float64Array, norm: number, alpha: number, N: number) {
  const n = evals.length;
  const max = evals[n - 1]!;
  const tol = Math.sqrt(max) * N * Number.EPSILON;
  let rank = 0;
  let alphaSum = 0;
  for (const v of evals) {
    if (Math.sqrt(v) > tol) rank++;
    alphaSum += v ** alpha;
  }
  let h = 0;
  for (const v of evals) {
    const p = v / norm + 1e-10;
    h -= p * Math.log(p);
  }
  const logSpectralNorm = Math.log10(max);
  return {
    norm,
    logNorm: Math.log10(norm),
    spectralNorm: max,
    logSpectralNorm,
    alphaWeighted: alpha * logSpectralNorm,
    logAlphaNorm: Math.log10(alphaSum),
    stableRank: norm / max,
    matrixRank: rank,
    entropy: h / Math.log(rank + 1e-10),
  };
}

/**
 * apply_detX: on λ rescaled to mean 1, the fewest top eigenvalues whose product is < 1.
 * @example wwDetX(evals, norm).detXNum
 */
export function wwDetX(evals: Float64Array, norm: number) {
  const n = evals.length;
  const w = Math.sqrt(n) / Math.sqrt(norm);
  const s2 = w * w;
  const x = evals.map((v) => s2 * v);
  let num = 0;
  let idx = 0;
  if (n >= 2 && x[0]! < x[n - 1]!) {
    num = n;
    let prod = 1;
    for (idx = n - 1; idx >= 1; idx--) {
      prod *= x[idx]!;
      if (prod < 1) {
        num = n - idx;
        break;
      }
    }
    if (idx === 0) idx = 1;
  }
  return { detXNum: num, detXVal: x[idx]! / s2, detXValUnrescaled: x[idx]! };
}
