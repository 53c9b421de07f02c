import { Command, CommanderError } from 'commander';
import { DataFormatError, InvalidArgumentError, VerificationError } from '../errors.js';
import { asDataError } from './system-errors.js';

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
    .addHelpText('after', HELP_FOOTER)
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

const VERSION = '0.1.0';

const HELP_FOOTER = `
Examples:
  rmtkit reproduce --quick                          every experiment at reduced size, report.html
  rmtkit theory --cov ar1:0.5 --d inf --alpha 2 --lambda 0.1
  rmtkit diagnose model.onnx --mp-fit --json        WeightWatcher-style layer metrics
  rmtkit logdet A.npy --method slq                  log-determinant with an error bar
  rmtkit <command> --help                           the options of one command

Environment:
  RMTKIT_BACKEND=js|native   force a linear-algebra backend (default: native when built)
  RMTKIT_THREADS=N           worker threads of the JS backend
  RMTKIT_SIMD=0              JS backend without its WebAssembly SIMD kernels
  RMTKIT_BLAS_SPIN=1         old OpenBLAS threads spin instead of sched_yield (quiet machines only)
  RMTKIT_BLAS_IDLE=1         mid-size BLAS/LAPACK calls use the idle cores (last bits then vary)
  RMTKIT_MALLOC_TUNING=0     keep glibc's default malloc thresholds
  RMTKIT_MAX_MEMORY=SIZE     memory a request may plan for (default 3/4 of RAM; e.g. 8GB)
  RMTKIT_QUEUE=URL           Redis URL for reproduce --queue and worker (keeps a password out of ps)
  OPENBLAS_NUM_THREADS=N     OpenBLAS threads for every call (default: 1 for small ones, else all)

Exit codes: 0 success; 1 a failed self-check, a disagreeing experiment or a bug; 2 bad input
(one line naming the argument, a JSON object on stderr under --json).`;
