import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ECG_FILES } from '../../src/experiments/data/ecg.js';
import { FASHION_MNIST_DIR } from '../../src/experiments/data/fashion-mnist.js';

const ENTRY = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));
// tsx by its resolved URL, so that a child started in another folder (`cwd`) finds it.
const TSX = import.meta.resolve('tsx');

/**
 * Starts `rmtkit <args>` from the sources in a child process (stdout and stderr collected), in
 * folder `cwd` when given.
 */
export function spawnCli(
  args: string[],
  cwd?: string,
): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', TSX, ENTRY, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b) => (stdout += b));
  child.stderr!.on('data', (b) => (stderr += b));
  const done = new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Whether the Debian data packages of the real-data experiment are installed. */
export function realDataInstalled(): boolean {
  return (
    ECG_FILES.some((f) => existsSync(f)) &&
    existsSync(`${FASHION_MNIST_DIR}/train-images-idx3-ubyte.gz`)
  );
}
