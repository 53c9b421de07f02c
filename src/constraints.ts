import { InvalidArgumentError } from './errors.js';

/** Which ends of an interval belong to it: `[` closed, `(` open. */
export type Bounds = '[]' | '[)' | '(]' | '()';

/**
 * A parameter constraint as data: an interval, optionally of integers. The same object checks
 * function arguments, CLI flags and form inputs, and writes the error text.
 */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly bounds: Bounds;
  readonly integer: boolean;
  /** Whether `value` satisfies the constraint. */
  contains(value: number): boolean;
  /** The requirement in words, e.g. `must be ≥ 0` or `must be an integer in [2, ∞)`. */
  describe(): string;
  /** Returns `value` if allowed. @throws {InvalidArgumentError} naming `argument`. */
  check(argument: string, value: number): number;
}

/**
 * An interval constraint lo … hi with the given ends (default closed-open `[)`).
 * @example interval(0, Infinity, '[)').check('lambda', -1) // throws "lambda must be ≥ 0. Value: -1."
 */
export function interval(
  lo: number,
  hi: number,
  bounds: Bounds = '[)',
  options: { integer?: boolean } = {},
): Interval {
  const integer = options.integer ?? false;
  const loOk = (v: number) => (bounds[0] === '[' ? v >= lo : v > lo);
  const hiOk = (v: number) => (bounds[1] === ']' ? v <= hi : v < hi);
  const describe = (): string => {
    const kind = integer ? 'an integer' : 'a number';
    if (hi === Infinity && !(bounds[1] === ']'))
      return integer
        ? `must be an integer ${bounds[0] === '[' ? '≥' : '>'} ${lo}`
        : `must be ${bounds[0] === '[' ? '≥' : '>'} ${lo}`;
    if (lo === -Infinity && bounds[0] === '(')
      return `must be ${kind} ${bounds[1] === ']' ? '≤' : '<'} ${hi}`;
    return `must be ${kind} in ${bounds[0]}${lo}, ${hi === Infinity ? '∞' : hi}${bounds[1]}`;
  };
  const contains = (v: number) =>
    typeof v === 'number' &&
    !Number.isNaN(v) &&
    loOk(v) &&
    hiOk(v) &&
    (!integer || Number.isInteger(v));
  return {
    lo,
    hi,
    bounds,
    integer,
    contains,
    describe,
    check(argument, value) {
      if (contains(value)) return value;
      // ±∞ just past an open infinite end reads better as "must be finite" than as the bound.
      if (Math.abs(value) === Infinity && Math.abs(value > 0 ? hi : lo) === Infinity)
        throw new InvalidArgumentError(argument, 'must be finite', value);
      throw new InvalidArgumentError(argument, describe(), value);
    },
  };
}

/**
 * Constraints of the covariance-model parameters (used by the models and the model-string parser).
 */
export const COVARIANCE_PARAMS = {
  /** AR(1) correlation ρ: Σ_ij = ρ^|i−j| is positive definite for |ρ| < 1. */
  rho: interval(-1, 1, '()'),
  /** Spike strength θ: I + θuuᵀ is positive semidefinite for θ ≥ −1. */
  theta: interval(-1, Infinity, '[)'),
  /** Second variance of the two-level diagonal model (variances 1 and ratio alternating). */
  ratio: interval(0, Infinity, '[)'),
  /** Power-law exponent a of σ_j ∝ j^(−a). */
  exponent: interval(0, Infinity, '[)'),
  /** Finite dimension of an explicit Σ. */
  d: interval(1, Infinity, '[)', { integer: true }),
  /** Seed of a random spike direction or basis. */
  seed: interval(0, Number.MAX_SAFE_INTEGER, '[]', { integer: true }),
} as const;

/**
 * Parses a numeric argument typed as text (a CLI flag, a form field) and checks it against a
 * constraint; errors name the argument.
 * @throws {InvalidArgumentError} naming `name`.
 * @example parseNumber('--lambda', '0.1', SSR_PARAMS.lambda) // 0.1
 */
export function parseNumber(name: string, text: string, constraint: Interval): number {
  const value = text.trim() === '' ? NaN : Number(text);
  if (Number.isNaN(value))
    throw new InvalidArgumentError(
      name,
      `must be a number (${constraint.describe().replace('must be ', '')})`,
      text,
    );
  if (!Number.isFinite(value)) throw new InvalidArgumentError(name, 'must be finite', text);
  return constraint.check(name, value);
}
