/**
 * Shared helpers of the sketching-operator tests (test-only); the reference product and the
 * deterministic test matrices are test/linalg/helpers.ts's (naiveProduct, lcgMatrix).
 */
import { Matrix } from '../../src/linalg/matrix.js';
import type { SketchDistribution } from '../../src/sketch/types.js';

/** One distribution of every family (laso twice: uniform and by probabilities). */
export const FAMILIES: readonly SketchDistribution[] = [
  { kind: 'gaussian' },
  { kind: 'uniform' },
  { kind: 'rademacher' },
  { kind: 'saso', vecNnz: 1 },
  { kind: 'saso', vecNnz: 3 },
  { kind: 'laso', sampling: 'uniform' },
  { kind: 'laso', sampling: 'leverage' },
  { kind: 'srht' },
];

/** Non-uniform sampling probabilities p_j ∝ j + 1 (for laso:leverage). */
export function rampProbabilities(n: number): Float64Array {
  const p = new Float64Array(n);
  for (let j = 0; j < n; j++) p[j] = (2 * (j + 1)) / (n * (n + 1));
  return p;
}

/** The options sketchingOperator needs for `d` on n columns. */
export function optionsFor(d: SketchDistribution, n: number): { probabilities?: Float64Array } {
  return d.kind === 'laso' && d.sampling === 'leverage'
    ? { probabilities: rampProbabilities(n) }
    : {};
}

/** A short label for test names. */
export function label(d: SketchDistribution): string {
  if (d.kind === 'saso') return `saso:${d.vecNnz}`;
  if (d.kind === 'laso') return `laso:${d.sampling}`;
  return d.kind;
}

/** max |a − b| / max |b| over entries (shapes must agree). */
export function relativeError(a: Matrix | Float64Array, b: Matrix | Float64Array): number {
  const x = a instanceof Matrix ? a.data : a;
  const y = b instanceof Matrix ? b.data : b;
  if (x.length !== y.length) throw new Error(`length mismatch ${x.length} vs ${y.length}`);
  let diff = 0;
  let scale = 0;
  for (let k = 0; k < x.length; k++) {
    diff = Math.max(diff, Math.abs(x[k]! - y[k]!));
    scale = Math.max(scale, Math.abs(y[k]!));
  }
  return diff / scale;
}
