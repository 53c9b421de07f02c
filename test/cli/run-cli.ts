import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process; returns stdout, stderr and the exit code it set (then resets it). */
export async function runCli(
  ...args: string[]
): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => out.push(a.join(' '));
  console.error = (...a: unknown[]) => err.push(a.join(' '));
  process.exitCode = 0;
  try {
    await main(['node', 'rmtkit', ...args]);
  } finally {
    console.log = log;
    console.error = error;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join('\n'), err: err.join('\n'), code };
}
