import { Command, CommanderError } from 'commander';
import { DataFormatError, InvalidArgumentError, VerificationError } from '../errors.js';

/**
 * The `rmtkit` command line. Each command lives in `commands/<name>.ts` and registers itself;
 * every command accepts `--json`. Usage errors and bad input exit with code 2 and one line (a
 * JSON object on stderr under `--json`).
 */
export async function main(argv: string[]): Promise<void> {
  const args = argv.slice(2);
  // `--version` needs none of the commands (their modules take most of the start-up time).
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    console.log(VERSION);
    return;
  }
  // Only the command being run is loaded (with its plotting, SQLite or solver modules).
  const { loadCommands } = await import('./commands/index.js');
  const commands = await loadCommands(args[0]);
  const program = new Command('rmtkit')
    .description('Random-matrix theory of machine learning: masked SSR, spectra, diagnostics.')
    .version(VERSION)
    .exitOverride();
  for (const register of commands) register(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error, args.includes('--json'));
  }
}

/**
 * Prints one line for a user error (exit 2) or for a result that failed its self-check (exit 1),
 * or the stack for a bug (exit 1). With `json`, the line is a JSON object
 * `{ "error", "message", "argument"?, "exitCode" }` so that a caller parsing `--json` output gets
 * its failures in the same form.
 */
export function reportError(thrown: unknown, json = false): number {
  const error = asDataError(thrown);
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2;
  }
  const exitCode =
    error instanceof InvalidArgumentError || error instanceof DataFormatError ? 2 : 1;
  const known = exitCode === 2 || error instanceof VerificationError;
  if (json) {
    const e = error instanceof Error ? error : new Error(String(error));
    console.error(
      JSON.stringify({
        error: e.name,
        message: e.message,
        ...(error instanceof InvalidArgumentError ? { argument: error.argument } : {}),
        exitCode,
      }),
    );
  } else if (known) console.error(`rmtkit: ${(error as Error).message}`);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return exitCode;
}

/**
 * An operating-system or SQLite failure on a path the user gave (`--out` in a missing folder, a
 * directory, a read-only file, a full disk, a damaged results.sqlite) as a one-line
 * DataFormatError naming the path; anything else unchanged.
 * @example asDataError(enoent).message // '/nonexistent/A.npy: cannot open: no such file or directory (ENOENT)'
 */
export function asDataError(error: unknown): unknown {
  const e = error as { code?: unknown; syscall?: unknown; path?: unknown; message?: unknown };
  if (typeof e !== 'object' || e === null || typeof e.code !== 'string') return error;
  if (e.code.startsWith('SQLITE_'))
    return new DataFormatError(
      'result store',
      '',
      `${e.code}: ${String(e.message)}; move the damaged results.sqlite away to start afresh`,
    );
  if (!/^E[A-Z]+$/.test(e.code) || typeof e.path !== 'string') return error;
  const reason = SYSTEM_REASONS[e.code] ?? 'failed';
  const call = typeof e.syscall === 'string' ? e.syscall : 'use';
  return new DataFormatError(e.path, '', `cannot ${call}: ${reason} (${e.code})`);
}

const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a parent is not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'already exists',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

const VERSION = '0.1.0';
