import { InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import type { RandomStream } from '../random/stream.js';

/** The distribution of a probe vector: ±1 entries (Rademacher) or N(0, 1) entries. */
export type ProbeKind = 'rademacher' | 'gaussian';

/** Throws unless `kind` is a probe distribution; returns it. */
export function checkProbeKind(kind: string): ProbeKind {
  if (kind !== 'rademacher' && kind !== 'gaussian')
    throw new InvalidArgumentError('probes', "must be 'rademacher' or 'gaussian'", kind);
  return kind;
}

/**
 * Probe vectors first, first + 1, …, first + count − 1 as the columns of an n×count matrix.
 * Probe i is drawn from `stream.split(i)` alone (n entries in order), so it is the same in any
 * batch and on any worker. Rademacher entries take one bit each from the stream's 32-bit words.
 * E[zzᵀ] = I for both kinds (docs/theory.md §13).
 * @example probeBlock(randomStream(1), 100, 0, 30, 'rademacher') // 100×30 matrix of ±1
 */
export function probeBlock(
  stream: RandomStream,
  n: number,
  first: number,
  count: number,
  kind: ProbeKind,
): Matrix {
  const out = Matrix.zeros(n, count);
  const column = new Float64Array(n);
  for (let j = 0; j < count; j++) {
    probeVector(stream.split(first + j), kind, column);
    for (let i = 0; i < n; i++) out.data[i * count + j] = column[i]!;
  }
  return out;
}

/** Fills `out` with one probe drawn from `stream`; returns `out`. */
export function probeVector(
  stream: RandomStream,
  kind: ProbeKind,
  out: Float64Array,
): Float64Array {
  if (kind === 'gaussian') return stream.fill(out, 'normal');
  for (let i = 0; i < out.length; i += 32) {
    const word = stream.uint32();
    const end = Math.min(out.length, i + 32);
    for (let k = i; k < end; k++) out[k] = (word >>> (k - i)) & 1 ? 1 : -1;
  }
  return out;
}
