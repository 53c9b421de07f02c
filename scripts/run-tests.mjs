// Runs every *.test.ts under the given folders (default: test/) with Node's test runner and tsx.
// Node 20's --test does not expand globs itself, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = [];
function walk(path) {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort())
      if (entry !== 'node_modules') walk(join(path, entry));
  } else if (path.endsWith('.test.ts')) files.push(path);
}
for (const root of roots.length ? roots : ['test']) walk(root);
if (files.length === 0) {
  console.error(`no *.test.ts files under ${roots.join(', ') || 'test'}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...passThrough, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
