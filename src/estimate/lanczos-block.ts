import { interval } from '../constraints.js';
import { InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import { columnNorms, orthogonalizeColumns, scaleColumns } from './columns.js';
import { OrthogonalityMonitor } from './orthogonality.js';

/** Reorthogonalisation of the Lanczos vectors: every step, when ω says so, or never. */
export type Reorthogonalization = 'full' | 'partial' | 'none';

/** One Lanczos run: T = tridiag(beta, alpha, beta), m = alpha.length ≤ steps. */
export interface LanczosRun {
  /** Diagonal α₀…α_{m−1} of T. */
  alpha: Float64Array;
  /** Off-diagonal β₀…β_{m−2} of T. */
  beta: Float64Array;
  /** ‖r_m‖, the norm of the residual after the last step (0 at an invariant subspace). */
  residual: number;
  /** ‖start‖, the norm of the starting vector. */
  startNorm: number;
}

/** Lanczos steps: an integer ≥ 1. */
export const lanczosSteps = interval(1, Infinity, '[)', { integer: true });

const EPS = 2 ** -52;

/**
 * Runs k independent Lanczos recurrences at once, one per column of `starts` (n×k), so that each
 * step is one `op.matmat` on an n×k block (BLAS-3 for dense operators). Column c gives the
 * tridiagonal T_c with Q_cᵀAQ_c = T_c for the orthonormal Krylov basis Q_c of span{s_c, As_c, …}
 * (docs/theory.md §13). Per column the arithmetic is the same whatever k, so a run does not
 * depend on its batch. A run stops early at an invariant subspace (β below max(n, 100)·ε·‖T‖).
 * `basis` returns the blocks Q_j (n×k, column c = q_j of run c; zero after a run stopped).
 * @throws {InvalidArgumentError} naming 'op' unless it is square and marked symmetric, 'starts'
 *   for a wrong shape or a zero column, 'steps' unless an integer ≥ 1, 'reorthogonalize'.
 * @example
 * const probes = probeBlock(randomStream(1), A.rows, 0, 30, 'rademacher')
 * lanczosBlock(denseOperator(A, { symmetric: true }), probes, 30).runs[0].alpha // T of probe 0
 */
export function lanczosBlock(
  op: LinearOperator,
  starts: Matrix,
  steps: number,
  options: { reorthogonalize?: Reorthogonalization; basis?: boolean } = {},
): { runs: LanczosRun[]; basis?: Matrix[] } {
  const { n, k, mode } = checkArguments(op, starts, steps, options.reorthogonalize ?? 'none');
  const keep = mode !== 'none' || options.basis === true;
  const startNorms = columnNorms(starts);
  startNorms.forEach((s, c) => {
    if (!(s > 0)) throw new InvalidArgumentError('starts', `column ${c} must not be zero`, s);
  });
  let q = scaleColumns(
    starts,
    startNorms.map((s) => 1 / s),
  );
  let previous = Matrix.zeros(n, k);
  const blocks: Matrix[] = keep ? [q] : [];
  const alpha = Array.from({ length: k }, () => new Float64Array(steps));
  const beta = Array.from({ length: k }, () => new Float64Array(steps));
  const length = new Int32Array(k).fill(-1); // steps taken by a run that stopped, else −1
  const norm = new Float64Array(k);
  const monitors =
    mode === 'partial' ? Array.from(startNorms, () => new OrthogonalityMonitor(steps)) : [];
  const on = new Float64Array(k).fill(1); // 1 for a running recurrence, 0 once it stopped
  const coupling = new Float64Array(k); // β_{j−1} of each running recurrence
  for (let j = 0; j < steps; j++) {
    const w = op.matmat(q).data;
    const qd = q.data;
    const pd = previous.data;
    const dots = new Float64Array(k);
    for (let i = 0; i < n * k; i += k)
      for (let c = 0; c < k; c++) {
        const v = (w[i + c]! - coupling[c]! * pd[i + c]!) * on[c]!;
        w[i + c] = v;
        dots[c] += qd[i + c]! * v;
      }
    const squares = new Float64Array(k);
    for (let i = 0; i < n * k; i += k)
      for (let c = 0; c < k; c++) {
        const v = w[i + c]! - dots[c]! * qd[i + c]!;
        w[i + c] = v;
        squares[c] += v * v;
      }
    const wm = Matrix.fromRowMajor(n, k, w);
    let r: Float64Array = squares.map(Math.sqrt);
    const mask = new Uint8Array(k);
    for (let c = 0; c < k; c++) {
      if (!on[c]) continue;
      alpha[c]![j] = dots[c]!;
      beta[c]![j] = r[c]!;
      norm[c] = Math.max(norm[c]!, Math.abs(dots[c]!) + r[c]! + (j > 0 ? beta[c]![j - 1]! : 0));
      mask[c] =
        mode === 'full'
          ? 1
          : mode === 'partial'
            ? +monitors[c]!.step(j, alpha[c]!, beta[c]!, norm[c]!)
            : 0;
    }
    if (mask.some((m) => m === 1)) {
      orthogonalizeColumns(wm, blocks, mask);
      r = columnNorms(wm);
      for (let c = 0; c < k; c++) if (mask[c]) beta[c]![j] = r[c]!;
    }
    for (let c = 0; c < k; c++) {
      if (!on[c]) continue;
      coupling[c] = beta[c]![j]!;
      if (j === steps - 1 || beta[c]![j]! <= Math.max(n, 100) * EPS * norm[c]!) {
        on[c] = 0;
        coupling[c] = 0;
        length[c] = j + 1;
      }
    }
    if (j === steps - 1 || !on.some((a) => a === 1)) break;
    previous = q;
    q = scaleColumns(
      wm,
      Array.from(beta, (b, c) => (on[c] ? 1 / b[j]! : 0)),
    );
    if (keep) blocks.push(q);
  }
  const runs = Array.from({ length: k }, (_, c) => {
    const m = length[c]!;
    return {
      alpha: alpha[c]!.slice(0, m),
      beta: beta[c]!.slice(0, m - 1),
      residual: beta[c]![m - 1]!,
      startNorm: startNorms[c]!,
    };
  });
  return options.basis ? { runs, basis: blocks } : { runs };
}

function checkArguments(op: LinearOperator, starts: Matrix, steps: number, mode: string) {
  if (op.rows !== op.cols || op.symmetric !== true)
    throw new InvalidArgumentError(
      'op',
      'must be a square operator marked symmetric (symmetric: true) for Lanczos',
      `${op.rows}×${op.cols}, symmetric: ${op.symmetric ?? false}`,
    );
  if (starts.rows !== op.cols || starts.cols === 0)
    throw new InvalidArgumentError(
      'starts',
      `must be ${op.cols}×k with k ≥ 1`,
      `${starts.rows}×${starts.cols}`,
    );
  lanczosSteps.check('steps', steps);
  if (mode !== 'full' && mode !== 'partial' && mode !== 'none')
    throw new InvalidArgumentError('reorthogonalize', "must be 'full', 'partial' or 'none'", mode);
  return { n: op.cols, k: starts.cols, mode: mode as Reorthogonalization };
}
