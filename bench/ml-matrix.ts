// ml-matrix timings for the kernels it has (the comparison asked for the JS backend).
import { performance } from 'node:perf_hooks';
import {
  CholeskyDecomposition,
  EigenvalueDecomposition,
  inverse,
  Matrix as MlMatrix,
  QrDecomposition,
  SingularValueDecomposition,
} from 'ml-matrix';
import type { KernelName } from '../src/linalg/kernels.js';
import type { Matrix } from '../src/linalg/matrix.js';

function toMl(m: Matrix): MlMatrix {
  return new MlMatrix(m.toArray());
}

/** Seconds for one ml-matrix call of the kernel, or undefined when ml-matrix has none. */
export function mlMatrixTimes(
  k: KernelName,
  x: Matrix,
  square: Matrix,
  spd: Matrix,
): number | undefined {
  const mx = toMl(x);
  const mSquare = toMl(square);
  const mSpd = toMl(spd);
  const ops: Partial<Record<KernelName, () => unknown>> = {
    gemm: () => mSquare.mmul(mSquare),
    gram: () => mx.transpose().mmul(mx).div(x.rows),
    cholesky: () => new CholeskyDecomposition(mSpd),
    spdInverse: () => inverse(mSpd),
    eigvalsh: () => new EigenvalueDecomposition(mSpd, { assumeSymmetric: true }).realEigenvalues,
    eigh: () => new EigenvalueDecomposition(mSpd, { assumeSymmetric: true }),
    svd: () => new SingularValueDecomposition(mSquare, { autoTranspose: true }),
    qr: () => new QrDecomposition(mSquare),
  };
  const op = ops[k];
  if (!op) return undefined;
  const start = performance.now();
  op();
  return (performance.now() - start) / 1000;
}
