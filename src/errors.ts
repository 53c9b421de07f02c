/**
 * Typed errors shared by every layer. Messages follow one pattern so users can act on them:
 * `invalid argument: lambda must be ≥ 0. Value: -1.`
 */

/** A function argument is out of its allowed range or of the wrong shape. */
export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError';
  constructor(
    readonly argument: string,
    readonly requirement: string,
    readonly value?: unknown,
  ) {
    super(
      printable(
        `invalid argument: ${argument} ${requirement}.${value === undefined ? '' : ` Value: ${formatValue(value)}.`}`,
      ),
    );
  }
}

/** A matrix or vector argument contains NaN or ±Infinity. */
export class NonFiniteError extends InvalidArgumentError {
  override name = 'NonFiniteError';
  constructor(
    argument: string,
    readonly row: number,
    readonly col: number,
    value: number,
  ) {
    super(argument, `must be finite; entry (${row}, ${col}) is not`, value);
  }
}

/** Cholesky failed: the leading minor of the given order is not positive. */
export class NotPositiveDefiniteError extends InvalidArgumentError {
  override name = 'NotPositiveDefiniteError';
  constructor(
    argument: string,
    readonly minor: number,
  ) {
    super(
      argument,
      `must be symmetric positive definite; the leading minor of order ${minor} is not positive`,
    );
  }
}

/** An iterative kernel (eigensolver, SVD) did not converge. */
export class ConvergenceError extends Error {
  override name = 'ConvergenceError';
  constructor(
    readonly kernel: string,
    detail: string,
  ) {
    super(`${kernel} did not converge: ${detail}`);
  }
}

/**
 * A solver's result failed its own verification (masses summing to 1, monotone distribution
 * function, density ≥ 0, converged roots): the answer would be wrong, so none is given.
 */
export class VerificationError extends Error {
  override name = 'VerificationError';
  constructor(
    readonly solver: string,
    readonly problems: readonly string[],
  ) {
    super(`${solver} failed its self-check: ${problems.join('; ')}`);
  }
}

/** A data file does not parse; names the file and the place. */
export class DataFormatError extends Error {
  override name = 'DataFormatError';
  constructor(
    readonly file: string,
    readonly place: string,
    detail: string,
  ) {
    super(printable(`${file}${place ? ` ${place}` : ''}: ${detail}`));
  }
}

/** A backend does not implement a kernel. */
export class KernelMissingError extends Error {
  override name = 'KernelMissingError';
  constructor(
    readonly kernel: string,
    readonly backend: string,
  ) {
    super(`kernel '${kernel}' is not implemented by the '${backend}' backend`);
  }
}

/**
 * Text safe to print on a terminal in one line: control characters (C0, DEL, C1 — ANSI escape
 * sequences, carriage returns, newlines) from echoed file contents or arguments become `\uXXXX`,
 * and very long text is cut to 2000 characters.
 * @example printable('bad \u001b[31mred') // 'bad \\u001b[31mred'
 */
export function printable(text: string): string {
  const clean = text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return clean.length > 2000 ? `${clean.slice(0, 2000)}…` : clean;
}

function formatValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
