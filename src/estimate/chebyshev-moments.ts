import { Matrix } from '../linalg/matrix.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import { columnDots } from './columns.js';

/**
 * Chebyshev moments μ_k = zᵀT_k(Ã)z / zᵀz, k = 0 … count − 1, for each column z of `probes`, of
 * the rescaled operator Ã = (A − center·I)/halfWidth (spectrum inside [−1, 1]). The vectors
 * v_k = T_k(Ã)z follow v_{k+1} = 2Ãv_k − v_{k−1}, one matmat per step on all probes at once,
 * and the product rule T_{2k} = 2T_k² − T₀, T_{2k+1} = 2T_{k+1}T_k − T₁ gives two moments per
 * step, ⌈count/2⌉ matmats in all (Weiße et al. 2006, §II.D). Returns probes.cols arrays.
 */
export function chebyshevMoments(
  op: LinearOperator,
  probes: Matrix,
  count: number,
  center: number,
  halfWidth: number,
): Float64Array[] {
  const { rows: n, cols: k } = probes;
  const apply = (v: Matrix): Matrix => {
    const av = op.matmat(v).data;
    for (let i = 0; i < av.length; i++) av[i] = (av[i]! - center * v.data[i]!) / halfWidth;
    return Matrix.fromRowMajor(n, k, av);
  };
  const norms = columnDots(probes, probes);
  const mu = Array.from({ length: k }, () => new Float64Array(count));
  const set = (index: number, values: Float64Array) => {
    if (index < count) for (let c = 0; c < k; c++) mu[c]![index] = values[c]! / norms[c]!;
  };
  let previous = probes;
  let current = apply(probes);
  set(0, norms);
  const mu1 = columnDots(probes, current);
  set(1, mu1);
  for (let j = 1; 2 * j < count; j++) {
    // Here current = v_j, previous = v_{j−1}: μ_{2j} = 2v_jᵀv_j − μ₀, μ_{2j+1} = 2v_{j+1}ᵀv_j − μ₁.
    set(
      2 * j,
      columnDots(current, current).map((s, c) => 2 * s - norms[c]!),
    );
    if (2 * j + 1 >= count) break;
    const next = apply(current);
    for (let i = 0; i < next.data.length; i++) next.data[i] = 2 * next.data[i]! - previous.data[i]!;
    previous = current;
    current = next;
    set(
      2 * j + 1,
      columnDots(current, previous).map((s, c) => 2 * s - mu1[c]!),
    );
  }
  return mu;
}
