import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { randomStream } from '../../src/random/stream.js';
import type { DiagnoseProbe } from '../../web/src/diagnose/view.js';
import { safetensors } from '../hostile/build.js';
import { type DiagnoseSession, diagnoseInPage, openDiagnosePage } from './diagnose-session.js';

// A model of 24 layers of 1024×1024: ~100 MB of float32 that the page must read and diagnose in
// its worker while the tab stays responsive. Each layer is 3I + G/√n with G Gaussian (identity
// plus noise, as in residual blocks): its singular values lie in about [1, 5], so the default
// spectrum route takes the Gram matrix (a quarter of an SVD's work) and the test takes minutes,
// not the better part of an hour that 24 JS-backend SVDs take on this shared machine.
const LAYERS = 24;
const N = 1024;

describe('weight diagnostics in the browser: a large model', () => {
  let session: DiagnoseSession;
  let page: Page;
  let dir: string;
  let file: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rmtkit-diag-big-'));
    const data = new Float32Array(LAYERS * N * N);
    const row = new Float64Array(N);
    const stream = randomStream(20).child('large-model');
    for (let r = 0; r < LAYERS * N; r++) {
      stream.fill(row, 'normal');
      for (let j = 0; j < N; j++) row[j]! /= Math.sqrt(N);
      row[r % N]! += 3;
      data.set(row, r * N);
    }
    const header: Record<string, unknown> = {};
    for (let k = 0; k < LAYERS; k++)
      header[`layers.${k}.weight`] = {
        dtype: 'F32',
        shape: [N, N],
        data_offsets: [k * N * N * 4, (k + 1) * N * N * 4],
      };
    file = join(dir, 'large.safetensors');
    writeFileSync(file, safetensors(header, new Uint8Array(data.buffer)));
    session = await openDiagnosePage();
    page = session.page;
  });
  after(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('cancels a running diagnosis: the worker stops and the page says so', async () => {
    await page.setInputFiles('input[data-role="files"]', [file]);
    await page.waitForFunction(() =>
      /diagnos/.test(document.querySelector('[data-role="status"]')!.textContent ?? ''),
    );
    await page.click('button[data-role="cancel"]');
    const probe = await page.evaluate(
      () => (window as unknown as { __diagnose: DiagnoseProbe }).__diagnose,
    );
    assert.equal(probe.state, 'cancelled');
    assert.equal(probe.output, null);
    assert.ok(await page.isDisabled('button[data-role="cancel"]'));
  });

  it(`diagnoses ${LAYERS} layers of ${N}×${N} from one safetensors file without a main-thread long task of 200 ms or more`, async () => {
    const run = await diagnoseInPage(page, [file], 60 * 60_000);
    assert.equal(run.state, 'done', run.message);
    assert.equal(run.output!.report.layers.length, LAYERS);
    const methods = new Set(run.output!.report.layers.map((l) => l.esd_method));
    const longest = Math.max(0, ...run.longTasks);
    console.log(
      `${LAYERS} × ${N}×${N} safetensors: ${(run.wallMs / 1000).toFixed(1)} s in the page (spectra by ${[...methods].join(', ')}), ${run.longTasks.length} long tasks, the longest ${longest.toFixed(0)} ms`,
    );
    assert.ok(longest < 200, `a main-thread task took ${longest} ms`);
  });
});
