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
  const { commands } = await import('./commands/index.js');
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
export function reportError(error: unknown, json = false): number {
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

const VERSION = '0.1.0';
