import { totalmem } from 'node:os';
import { interval } from '../constraints.js';
import { InvalidArgumentError } from '../errors.js';

/**
 * Limits of the count flags of the command line, as constraint objects (their `describe()` is
 * printed in `--help`): a request beyond them would run for hours or exhaust memory.
 */
export const CLI_LIMITS = {
  /** Grid points of a spectrum or density curve. */
  grid: interval(16, 100_000, '[]', { integer: true }),
  /** Independent data sets of a demo or simulation. */
  seeds: interval(1, 1000, '[]', { integer: true }),
  /** Rademacher probes of stochastic Lanczos quadrature. */
  probes: interval(1, 10_000, '[]', { integer: true }),
  /** Lanczos steps per probe. */
  lanczosSteps: interval(1, 10_000, '[]', { integer: true }),
} as const;

/** `(at most N)` for a flag's help text, from its constraint. */
export function limitNote(limit: { hi: number }): string {
  return `(at most ${limit.hi.toLocaleString('en-US')})`;
}

/**
 * The memory a single command may plan to use, in bytes: `RMTKIT_MAX_MEMORY` (bytes, or with a
 * K/M/G/T suffix) if set, else 3/4 of the machine's physical memory.
 * @example memoryLimit() // 12884901888 on a 16 GiB machine
 */
export function memoryLimit(): number {
  const text = process.env.RMTKIT_MAX_MEMORY?.trim();
  if (text) {
    const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/i.exec(text);
    if (!match)
      throw new InvalidArgumentError(
        'RMTKIT_MAX_MEMORY',
        'must be a size in bytes, optionally with K, M, G or T',
        text,
      );
    const power = ' kmgt'.indexOf((match[2] || ' ').toLowerCase());
    return Number(match[1]) * 1024 ** power;
  }
  return 0.75 * totalmem();
}

/**
 * Refuses a request whose memory estimate exceeds {@link memoryLimit}, before allocating: one
 * line naming the flag, the estimate and the limit.
 * @param what what needs the memory, e.g. `a 50000×50000 covariance and its eigenvectors`.
 * @throws {InvalidArgumentError} naming `flag`.
 * @example requireMemory('--d', 50000, 3 * 8 * 50000 ** 2, 'a 50000×50000 eigendecomposition')
 */
export function requireMemory(flag: string, value: unknown, bytes: number, what: string): void {
  const limit = memoryLimit();
  if (bytes <= limit) return;
  throw new InvalidArgumentError(
    flag,
    `needs about ${gigabytes(bytes)} of memory for ${what}, more than the ${gigabytes(limit)} allowed (set RMTKIT_MAX_MEMORY to change)`,
    value,
  );
}

/** Bytes needed by `count` float64 values, as a number (may exceed 2⁵³ harmlessly). */
export function float64Bytes(...counts: number[]): number {
  return 8 * counts.reduce((sum, c) => sum + c, 0);
}

function gigabytes(bytes: number): string {
  if (bytes >= 1e15) return `${bytes.toExponential(1)} bytes`;
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(0)} MB`;
}
