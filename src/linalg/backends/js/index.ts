import type { Backend } from '../../kernels.js';
import { gemm } from './gemm.js';
import { gram } from './gram.js';
import { cholesky, choleskySolve, spdInverse } from './cholesky.js';
import { qr } from './qr.js';
import { eigvalsh, eigh } from './eigen.js';
import { svd } from './svd.js';

/** Pure TypeScript kernels: always available (Node and browser), no compiler needed. */
export const jsBackend: Backend = {
  name: 'js',
  priority: 0,
  kernels: { gemm, gram, cholesky, choleskySolve, spdInverse, qr, eigvalsh, eigh, svd },
};
