import type { Backend } from '../../kernels.js';
import { cholesky, choleskySolve, spdInverse } from './cholesky/cholesky.js';
import { ldlLogdet } from './determinant/ldl-logdet.js';
import { luLogdet } from './determinant/lu-logdet.js';
import { eigh, eigvalsh } from './eigen/eigen.js';
import { lstsqQr } from './least-squares/lstsq.js';
import { gemm } from './products/gemm.js';
import { gemv } from './products/gemv.js';
import { gram } from './products/gram.js';
import { gramEigvalsh } from './products/gram-eigvalsh.js';
import { qrPivoted } from './qr/pivoted.js';
import { qr } from './qr/qr.js';
import { qrR } from './qr/r-factor.js';
import { svd } from './svd/svd.js';
import { trsm } from './triangular/trsm.js';

/**
 * TypeScript kernels: always available (Node and browser), no compiler needed. Gram, GEMM and
 * the eigensolver's trailing updates run on a WebAssembly SIMD micro-kernel that the TypeScript
 * emits (simd/tile.ts) where the runtime has it, with bit-identical results to the scalar path.
 */
export const jsBackend: Backend = {
  name: 'js',
  priority: 0,
  kernels: {
    gemm,
    gram,
    cholesky,
    choleskySolve,
    spdInverse,
    qr,
    eigvalsh,
    gramEigvalsh,
    eigh,
    svd,
    gemv,
    trsm,
    qrPivoted,
    lstsqQr,
    qrR,
    luLogdet,
    ldlLogdet,
  },
};
