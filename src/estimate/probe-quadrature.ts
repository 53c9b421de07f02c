import type { LinearOperator } from '../operators/linear-operator.js';
import type { RandomStream } from '../random/stream.js';
import { gaussQuadrature, type QuadratureRule } from './gauss-quadrature.js';
import { lanczosBlock, type Reorthogonalization } from './lanczos-block.js';
import { type ProbeKind, probeBlock } from './probes.js';

/** The Gauss rule of one probe z and its squared norm: zᵀf(A)z ≈ norm2·Σ_k τ_k f(θ_k). */
export interface ProbeQuadrature extends QuadratureRule {
  norm2: number;
}

/**
 * Stochastic Lanczos quadrature for probes first … first + count − 1 of `stream`: one Lanczos
 * run of `steps` steps per probe, all of them batched into one matmat per step, and each
 * tridiagonal turned into its Gauss rule (docs/theory.md §13).
 */
export function probeQuadratures(
  op: LinearOperator,
  stream: RandomStream,
  kind: ProbeKind,
  first: number,
  count: number,
  steps: number,
  reorthogonalize: Reorthogonalization,
): ProbeQuadrature[] {
  const z = probeBlock(stream, op.cols, first, count, kind);
  const { runs } = lanczosBlock(op, z, steps, { reorthogonalize });
  return runs.map((run) => ({
    ...gaussQuadrature(run.alpha, run.beta),
    norm2: run.startNorm * run.startNorm,
  }));
}
