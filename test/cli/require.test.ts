import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

// A CommonJS user (`npm init -y` compiles TypeScript to CommonJS) loads the package with
// require(): the exports map has a default condition, and Node ≥ 20.19 loads the ES modules.
describe('the package from CommonJS', () => {
  it("require('rmtkit') gives the same API as import", () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-require-'));
    try {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(resolve('.'), join(dir, 'node_modules', 'rmtkit'), 'dir');
      const script =
        "const r = require('rmtkit'); console.log(JSON.stringify(Array.from(r.linalg.eigvalsh(r.Matrix.from([[2, 1], [1, 2]])))))";
      const run = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const values = JSON.parse(run.stdout) as number[];
      assert.ok(Math.abs(values[0]! - 1) < 1e-14 && Math.abs(values[1]! - 3) < 1e-14, run.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
