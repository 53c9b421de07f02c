import { InvalidArgumentError } from '../errors.js';

/**
 * The function f of tr f(A) for {@link slq}: 'log' (log-determinant), 'inverse' (tr A⁻¹), 'exp'
 * (tr eᴬ), `{ power: p }` (tr Aᵖ; non-integer p needs A ⪰ 0), `{ schatten: p }` (the Schatten
 * norm ‖A‖_p = (Σ|λ|ᵖ)^{1/p}, p > 0), `{ count: [a, b] }` (the number of eigenvalues in [a, b]),
 * or any function of one real variable.
 */
export type SpectralFunction =
  | 'log'
  | 'inverse'
  | 'exp'
  | { power: number }
  | { schatten: number }
  | { count: readonly [number, number] }
  | ((x: number) => number);

/** A resolved spectral function: f itself, and g applied to the trace (the Schatten root). */
export interface ResolvedFunction {
  name: string;
  f: (x: number) => number;
  /** Maps the trace estimate t to the reported value (identity except for Schatten norms). */
  outer?: (t: number) => number;
  /** Whether f needs positive arguments (log, non-integer powers). */
  positive: boolean;
}

/**
 * Resolves a {@link SpectralFunction}.
 * @throws {InvalidArgumentError} naming 'fn' for anything else, a non-finite power, a Schatten
 *   p ≤ 0, or an interval with a > b.
 */
export function resolveFunction(fn: SpectralFunction): ResolvedFunction {
  if (typeof fn === 'function') return { name: 'custom', f: fn, positive: false };
  if (fn === 'log') return { name: 'log', f: Math.log, positive: true };
  if (fn === 'inverse') return { name: 'inverse', f: (x) => 1 / x, positive: false };
  if (fn === 'exp') return { name: 'exp', f: Math.exp, positive: false };
  if (typeof fn === 'object' && fn !== null) {
    if ('power' in fn) {
      const p = fn.power;
      if (!Number.isFinite(p)) throw new InvalidArgumentError('fn', 'power must be finite', p);
      return { name: `power ${p}`, f: (x) => x ** p, positive: !Number.isInteger(p) };
    }
    if ('schatten' in fn) {
      const p = fn.schatten;
      if (!(p > 0) || !Number.isFinite(p))
        throw new InvalidArgumentError('fn', 'schatten p must be a finite number > 0', p);
      return {
        name: `schatten ${p}`,
        f: (x) => Math.abs(x) ** p,
        outer: (t) => Math.max(t, 0) ** (1 / p),
        positive: false,
      };
    }
    if ('count' in fn) {
      const [a, b] = fn.count;
      if (!(a <= b))
        throw new InvalidArgumentError('fn', 'count must be an interval [a, b] with a ≤ b', [a, b]);
      return { name: `count [${a}, ${b}]`, f: (x) => (x >= a && x <= b ? 1 : 0), positive: false };
    }
  }
  throw new InvalidArgumentError(
    'fn',
    "must be 'log', 'inverse', 'exp', { power }, { schatten }, { count: [a, b] } or a function",
    typeof fn === 'object' ? JSON.stringify(fn) : String(fn),
  );
}
