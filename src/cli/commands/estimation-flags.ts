import type { Command } from 'commander';
import { interval } from '../../constraints.js';
import { InvalidArgumentError, NotPositiveDefiniteError } from '../../errors.js';
import { probeConstraints } from '../../estimate/estimate.js';
import { lanczosSteps } from '../../estimate/lanczos-block.js';
import { powerTraces } from '../../estimate/power-traces.js';
import type { ProbeKind } from '../../estimate/probes.js';
import { assertSymmetricFinite, type Matrix } from '../../linalg/matrix.js';
import { loadMatrix, parseNumber } from '../inputs.js';

/*
 * What `logdet`, `trace` and `density` share: the probe flags (checked by the library's own
 * constraint objects), loading a square matrix with errors that name the file, library argument
 * names turned into flag names (the progress bar is in estimation-progress.ts).
 */

/** A probe seed on the command line: a non-negative safe integer. */
export const SEED = interval(0, Number.MAX_SAFE_INTEGER, '[]', { integer: true });

/** The text of the probe flags, as commander hands them over. */
export interface ProbeFlags {
  probes: string;
  minProbes: string;
  maxProbes?: string;
  rtol: string;
  confidence: string;
  lanczosSteps: string;
  seed: string;
}

/** The probe flags parsed: options for `slq`, `hutchinson` and `hutchPlusPlus`. */
export interface ProbeSettings {
  probes: ProbeKind;
  minProbes: number;
  maxProbes: number;
  rtol: number;
  confidence: number;
  lanczosSteps: number;
  seed: number;
}

/** Library option names → the flags that set them, for {@link withFlagNames}. */
export const PROBE_FLAG_NAMES: Record<string, string> = {
  probes: '--probes',
  minProbes: '--min-probes',
  maxProbes: '--max-probes',
  rtol: '--rtol',
  confidence: '--confidence',
  lanczosSteps: '--lanczos-steps',
  seed: '--seed',
};

/** Adds the probe flags of the stochastic estimators (defaults as in the library). */
export function addProbeFlags(command: Command): Command {
  const c = probeConstraints;
  const range = (text: string) => text.replace('must be ', '');
  return command
    .option('--probes <kind>', 'probe distribution: rademacher | gaussian', 'rademacher')
    .option('--min-probes <n>', `probes always drawn (${range(c.minProbes.describe())})`, '10')
    .option('--max-probes <n>', 'probes at most (default: max(50, --min-probes))')
    .option(
      '--rtol <r>',
      `stop once the interval's half-width is ≤ rtol·|value| (${range(c.rtol.describe())}; 0: always --max-probes)`,
      '0.01',
    )
    .option('--confidence <c>', 'confidence level of the interval', '0.95')
    .option('--lanczos-steps <k>', 'Lanczos steps per probe (slq)', '20')
    .option('--seed <s>', 'seed of the probes: the same seed gives the same answer', '0');
}

/**
 * Parses the probe flags with {@link probeConstraints}, the constraints the library checks.
 * @throws {InvalidArgumentError} naming the flag.
 */
export function parseProbeFlags(flags: ProbeFlags): ProbeSettings {
  const c = probeConstraints;
  if (flags.probes !== 'rademacher' && flags.probes !== 'gaussian')
    throw new InvalidArgumentError('--probes', "must be 'rademacher' or 'gaussian'", flags.probes);
  const minProbes = parseNumber('--min-probes', flags.minProbes, c.minProbes);
  const maxProbes =
    flags.maxProbes === undefined
      ? Math.max(50, minProbes)
      : parseNumber('--max-probes', flags.maxProbes, c.maxProbes);
  if (maxProbes < minProbes)
    throw new InvalidArgumentError(
      '--max-probes',
      `must be ≥ --min-probes = ${minProbes}`,
      maxProbes,
    );
  return {
    probes: flags.probes,
    minProbes,
    maxProbes,
    rtol: parseNumber('--rtol', flags.rtol, c.rtol),
    confidence: parseNumber('--confidence', flags.confidence, c.confidence),
    lanczosSteps: parseNumber('--lanczos-steps', flags.lanczosSteps, lanczosSteps),
    seed: parseNumber('--seed', flags.seed, SEED),
  };
}

/**
 * A number flag whose range the library checks (run the call in {@link withFlagNames} so that its
 * error names the flag).
 * @throws {InvalidArgumentError} naming `flag` unless the text is a finite number.
 */
export function parseFlagNumber(flag: string, text: string): number {
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value))
    throw new InvalidArgumentError(flag, 'must be a finite number', text);
  return value;
}

/**
 * The settings of a run for a JSON report: `probes` (a count there) becomes `probeKind`.
 */
export function estimateSettings(settings: ProbeSettings) {
  const { probes, ...rest } = settings;
  return { probeKind: probes, ...rest };
}

/**
 * Throws unless `value` is one of `choices`; returns it.
 * @throws {InvalidArgumentError} naming `flag`.
 */
export function parseChoice<T extends string>(
  flag: string,
  value: string,
  choices: readonly T[],
): T {
  if (!choices.includes(value as T))
    throw new InvalidArgumentError(flag, `must be one of ${choices.join(', ')}`, value);
  return value as T;
}

/**
 * Reads a square matrix file; with `symmetric`, also checks Aᵀ = A (to 1e-10 relative).
 * @throws {DataFormatError} for an unreadable file or a non-finite entry.
 * @throws {InvalidArgumentError} naming the file unless square (and symmetric).
 */
export function loadSquare(file: string, symmetric: boolean): Matrix {
  const a = loadMatrix(file);
  if (a.rows !== a.cols || a.rows === 0)
    throw new InvalidArgumentError(file, 'must hold a square matrix', `${a.rows}×${a.cols}`);
  if (symmetric) assertSymmetricFinite(file, a);
  return a;
}

/**
 * A cheap necessary condition for positive definiteness, checked before any factorisation or
 * Lanczos run: every diagonal entry a_ii = e_iᵀAe_i must be > 0.
 * @throws {InvalidArgumentError} naming the file and the first non-positive diagonal entry.
 */
export function checkPositiveDiagonal(file: string, a: Matrix): void {
  for (let i = 0; i < a.rows; i++) {
    const v = a.data[i * a.cols + i]!;
    if (!(v > 0))
      throw new InvalidArgumentError(
        file,
        `must be positive definite; its diagonal entry (${i}, ${i}) is not positive`,
        v,
      );
  }
}

/**
 * Runs `run`, renaming the arguments of the library's errors to the names the user typed
 * (`names`: library argument → flag or file), so a message names what to change.
 * @throws whatever `run` throws, renamed.
 */
export function withFlagNames<T>(names: Record<string, string>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidArgumentError && Object.hasOwn(names, error.argument)) {
      const name = names[error.argument]!;
      if (error instanceof NotPositiveDefiniteError)
        throw new NotPositiveDefiniteError(name, error.minor);
      throw new InvalidArgumentError(name, error.requirement, error.value);
    }
    throw error;
  }
}

/** How a run stopped, in words: the relative target met, missed, or not asked for (rtol 0). */
export function stopping(settings: ProbeSettings, converged: boolean): string {
  if (settings.rtol === 0) return `${settings.maxProbes} probes (--rtol 0: no early stop)`;
  return converged
    ? `target rtol ${settings.rtol} reached`
    : `target rtol ${settings.rtol} not reached within ${settings.maxProbes} probes`;
}

/** The Student-t confidence level as a percentage for the summaries, e.g. `95 %`. */
export function percent(confidence: number): string {
  return `${Number((100 * confidence).toPrecision(6))} %`;
}

/** Adds `--no-control-variates` (slq): on by default, since the matrix is explicit. */
export function addControlVariateFlag(command: Command): Command {
  return command.option(
    '--no-control-variates',
    'slq: do not use the exact tr A and tr A² as control variates (docs/theory.md §13.9)',
  );
}

/**
 * The `knownTraces` option of `slq` for an explicit matrix: [tr A, tr A²] (at most the
 * 2·steps − 1 the Gauss rule integrates exactly), or none with `--no-control-variates`.
 */
export function controlTraces(a: Matrix, enabled: boolean, steps: number): number[] {
  return enabled ? powerTraces(a).slice(0, 2 * steps - 1) : [];
}
