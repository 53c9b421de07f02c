#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
// Entry point: runs the compiled CLI (dist/), building it first when running from a fresh checkout.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(entry)) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) {
    console.error('rmtkit: dist/ is missing and the TypeScript build failed; run `npm run build`.');
    process.exit(2);
  }
}
const { main } = await import(entry);
await main(process.argv);
