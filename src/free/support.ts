import { InvalidArgumentError } from '../errors.js';

/**
 * The support [a, b] of a density with square-root edges from its sorted eigenvalues
 * (docs/theory.md §14.1): near an edge the k-th eigenvalue from the end sits where the mass
 * beyond it is (k − ½)/n, so with ρ(x) ≈ C√(b − x) it lies at b − γ(k − ½)^{2/3}. A least-squares
 * line through the m = max(4, ⌈n^{1/2}/2⌉) outermost eigenvalues against (k − ½)^{2/3} gives b
 * as its intercept (likewise a); the result always contains every eigenvalue, and a ≥ 0 when all
 * eigenvalues are ≥ 0.
 * @throws {InvalidArgumentError} ('eigenvalues') for fewer than 4 values.
 * @example detectSupport(Float64Array.from({ length: 1000 }, (_, i) => -1 + (2 * i) / 999))
 */
export function detectSupport(sorted: Float64Array): [number, number] {
  const n = sorted.length;
  if (n < 4)
    throw new InvalidArgumentError(
      'eigenvalues',
      'must have at least 4 values for support detection',
      n,
    );
  const m = Math.min(n >> 1, Math.max(4, Math.ceil(Math.sqrt(n) / 2)));
  const top = edge((k) => sorted[n - k]!, m);
  const bottom = -edge((k) => -sorted[k - 1]!, m);
  const lo = sorted[0]!;
  const hi = sorted[n - 1]!;
  const tiny = 1e-9 * Math.max(hi - lo, Math.abs(hi), Number.MIN_VALUE);
  let a = Math.min(bottom, lo - tiny);
  const b = Math.max(top, hi + tiny);
  if (lo >= 0 && a < 0) a = 0;
  return [a, b];
}

/** Intercept of the line x_k = b − γ(k − ½)^{2/3}, k = 1 … m, through the outermost points. */
function edge(value: (k: number) => number, m: number): number {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let k = 1; k <= m; k++) {
    const x = (k - 0.5) ** (2 / 3);
    const y = value(k);
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
  return (sy - slope * sx) / m;
}
