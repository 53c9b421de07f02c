// Shared helpers of the SSR tests: independent references (ml-matrix, plain loops) and statistics.
import { Matrix as MlMatrix, pseudoInverse, solve } from 'ml-matrix';
import { Matrix } from '../../src/linalg/matrix.js';

/** Columns of `x` other than k, as an ml-matrix, and column k as a vector. */
function split(x: Matrix, k: number): { others: MlMatrix; target: MlMatrix } {
  const rows = x.toArray();
  return {
    others: new MlMatrix(rows.map((r) => r.filter((_, j) => j !== k))),
    target: MlMatrix.columnVector(rows.map((r) => r[k]!)),
  };
}

/**
 * Â column by column from d separate regressions of column k on the others (ml-matrix, no
 * shared code with rmtkit): ridge (XᵀX/n + λI)⁻¹Xᵀx/n for λ > 0, the minimum-norm least-squares
 * solution X⁺x for λ = 0.
 */
export function separateRegressions(x: Matrix, lambda: number): Matrix {
  const { rows: n, cols: d } = x;
  const a = Matrix.zeros(d, d);
  for (let k = 0; k < d; k++) {
    const { others, target } = split(x, k);
    let coef: MlMatrix;
    if (lambda > 0) {
      const lhs = others
        .transpose()
        .mmul(others)
        .div(n)
        .add(MlMatrix.eye(d - 1).mul(lambda));
      coef = solve(lhs, others.transpose().mmul(target).div(n));
    } else {
      coef = pseudoInverse(others).mmul(target);
    }
    for (let j = 0, r = 0; j < d; j++) if (j !== k) a.data[j * d + k] = coef.get(r++, 0);
  }
  return a;
}

/** Copy of x with its columns centred. */
export function centredCopy(x: Matrix): Matrix {
  const { rows: n, cols: d } = x;
  const out = x.clone();
  for (let k = 0; k < d; k++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x.data[i * d + k] / n;
    for (let i = 0; i < n; i++) out.data[i * d + k] -= mean;
  }
  return out;
}

/** (1/(n d)) ‖X − X Â‖²_F in plain loops. */
export function residualError(x: Matrix, a: Matrix): number {
  const { rows: n, cols: d } = x;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      let fit = 0;
      for (let j = 0; j < d; j++) fit += x.data[i * d + j] * a.data[j * d + k];
      sum += (x.data[i * d + k] - fit) ** 2;
    }
  }
  return sum / (n * d);
}

/** max |a − b| / max |b|. */
export function relativeDiff(a: Matrix | Float64Array, b: Matrix | Float64Array): number {
  const x = a instanceof Matrix ? a.data : a;
  const y = b instanceof Matrix ? b.data : b;
  let diff = 0;
  let scale = 0;
  for (let t = 0; t < y.length; t++) {
    diff = Math.max(diff, Math.abs(x[t] - y[t]));
    scale = Math.max(scale, Math.abs(y[t]));
  }
  return diff / scale;
}

/** Mean and standard error of the mean. */
export function meanAndError(values: number[]): { mean: number; se: number } {
  const m = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / m;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (m - 1);
  return { mean, se: Math.sqrt(variance / m) };
}
