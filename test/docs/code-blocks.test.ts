import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../cli/run-cli.js';
import {
  codeBlocks,
  commandLines,
  documentationFiles,
  notebookScript,
  shellWords,
} from './code-blocks.js';
import { writeDocumentedInputs } from './inputs.js';

// Every code block of README.md and docs/*.md runs as written (TypeScript blocks against the
// sources, with their `// number` comments checked; `npx rmtkit` lines through the CLI, in a folder
// holding the input files the docs name), so the docs cannot drift from the code. A block is
// exempted only by a `<!-- docs-check: skip <reason> -->` line above it; `exit N` expects that
// exit code.
const ROOT = new URL('../..', import.meta.url).pathname;
const SOURCES = join(ROOT, 'src/index.ts');
/** Long-running or networked commands, each covered by its own tests (experiments, web, queue). */
const NOT_RUN = new Set(['serve', 'worker', 'reproduce']);

describe('documentation code blocks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-docs-'));
  const home = process.cwd();
  let ecg = false;
  before(() => {
    ecg = writeDocumentedInputs(dir);
    process.chdir(dir);
  });
  after(() => {
    process.chdir(home);
    rmSync(dir, { recursive: true, force: true });
  });

  for (const file of documentationFiles(ROOT)) {
    describe(file, () => {
      const blocks = codeBlocks(ROOT, file);
      const typescript = blocks.filter((b) => b.lang === 'ts' && !b.directive?.startsWith('skip'));
      if (typescript.length > 0) {
        it(`its ${typescript.length} TypeScript block(s) run in order and their numbers hold`, () => {
          const script = join(dir, `${file.replace(/\W/g, '_')}.mts`);
          writeFileSync(script, notebookScript(typescript, SOURCES));
          const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
            cwd: dir,
            encoding: 'utf8',
            timeout: 300_000,
          });
          assert.equal(run.status, 0, `${file}\n${run.stderr}`);
        });
      }
      for (const block of blocks) {
        const skip = block.directive?.startsWith('skip') ? block.directive : false;
        if (block.lang === 'ts') continue;
        const commands = commandLines(block.body).filter(
          (c) => !NOT_RUN.has(shellWords(c.line)[2] ?? ''),
        );
        if (commands.length === 0) continue;
        const blockExit = Number(/^exit (\d+)/.exec(block.directive ?? '')?.[1] ?? 0);
        it(`${block.where}: ${commands.length} command(s) run`, { skip }, async (t) => {
          for (const { line, exit = blockExit } of commands) {
            if (!ecg && line.includes('ecg_')) {
              t.diagnostic(`not run (no ECG record here): ${line}`);
              continue;
            }
            const { code, err } = await runCli(...shellWords(line).slice(2));
            assert.equal(code, exit, `${block.where}: ${line}\n${err}`);
          }
        });
      }
    });
  }
});
