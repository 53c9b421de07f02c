import { Command, CommanderError } from 'commander';
import { DataFormatError, InvalidArgumentError, VerificationError } from '../errors.js';
import { commands } from './commands/index.js';

/**
 * The `rmtkit` command line. Each command lives in `commands/<name>.ts` and registers itself;
 * every command accepts `--json`. Usage errors and bad input exit with code 2 and one line.
 */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('rmtkit')
    .description('Random-matrix theory of machine learning: masked SSR, spectra, diagnostics.')
    .version(VERSION)
    .exitOverride();
  for (const register of commands) register(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

/**
 * Prints one line for a user error (exit 2) or for a result that failed its self-check (exit 1),
 * or the stack for a bug (exit 1).
 */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof InvalidArgumentError || error instanceof DataFormatError) {
    console.error(`rmtkit: ${error.message}`);
    return 2;
  }
  if (error instanceof VerificationError) {
    console.error(`rmtkit: ${error.message}`);
    return 1;
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 1;
}

const VERSION = '0.1.0';
