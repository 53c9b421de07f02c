import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { backend, setBackend } from '../../src/linalg/backend.js';
import { runCli } from '../cli/run-cli.js';
import { seriousViolations } from './axe.js';
import { type DiagnoseSession, diagnoseInPage, openDiagnosePage } from './diagnose-session.js';

const SILERO = new URL(
  '../../node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx',
  import.meta.url,
).pathname;

/**
 * `a` and `b` agree: numbers to `rel` relative (nulls, the CLI's NaN, equal), strings and
 * booleans exactly, arrays and objects key by key; `file` fields compare by base name (the page
 * sees a chosen file's name, the CLI the path it was given).
 */
function assertAgree(a: unknown, b: unknown, rel: number, at: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)), `${at}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    assert.equal(a.length, b.length, `${at}: length`);
    a.forEach((v, k) => assertAgree(v, b[k], rel, `${at}[${k}]`));
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    assert.deepEqual(ka, Object.keys(b).sort(), `${at}: keys`);
    for (const k of ka) {
      const x: unknown = (a as Record<string, unknown>)[k];
      const y: unknown = (b as Record<string, unknown>)[k];
      if (k === 'file') assert.equal(basename(String(x)), basename(String(y)), `${at}.file`);
      else assertAgree(x, y, rel, `${at}.${k}`);
    }
  } else assert.equal(a, b, at);
}

/** `rmtkit diagnose --json --mp-fit --htmp` in-process on the JS backend, with its wall time. */
async function cliOnJs(path: string): Promise<{ json: any; ms: number }> {
  const previous = setBackend('js');
  try {
    const start = performance.now();
    const { out, code } = await runCli('diagnose', path, '--mp-fit', '--htmp', '--json');
    const ms = performance.now() - start;
    assert.equal(code, 0);
    return { json: JSON.parse(out), ms };
  } finally {
    setBackend(previous);
  }
}

/** The text of the file a click on `button` downloads. */
async function downloaded(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.click(button);
  const chunks: Buffer[] = [];
  for await (const c of await (await download).createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A CSV field as a number when it is one, else as text (file fields: by base name). */
function asNumber(field: string): number | string {
  return field !== '' && Number.isFinite(Number(field)) ? Number(field) : basename(field);
}

describe('weight diagnostics in the browser (web/src/diagnose) in headless Chromium', () => {
  let session: DiagnoseSession;
  let page: Page;
  before(async () => {
    session = await openDiagnosePage();
    page = session.page;
  });
  after(async () => {
    await session?.close();
  });

  it('diagnoses Silero VAD (ONNX) with the numbers of `rmtkit diagnose --json` to 1e-9 relative, in at most 3× the CLI’s time on the JS backend', async () => {
    const before = await cliOnJs(SILERO);
    const run = await diagnoseInPage(page, [SILERO], 300_000);
    const afterRun = await cliOnJs(SILERO);
    assert.equal(run.state, 'done', run.message);
    const report = run.output!.report;
    assert.ok(report.layers.length >= 6, `${report.layers.length} layers`);
    assertAgree(report, before.json, 1e-9, 'report');
    // The CLI's time: the mean of a run before and one after the page's, on this shared machine.
    const cliMs = (before.ms + afterRun.ms) / 2;
    console.log(
      `Silero VAD v5 (${report.layers.length} layers, --mp-fit --htmp): page ${run.wallMs.toFixed(0)} ms, CLI on the ${backend() === 'js' ? '' : 'forced '}JS backend ${before.ms.toFixed(0)} / ${afterRun.ms.toFixed(0)} ms, ratio ${(run.wallMs / cliMs).toFixed(2)}`,
    );
    assert.ok(run.wallMs <= 3 * cliMs, `page ${run.wallMs} ms > 3 × CLI ${cliMs} ms`);
    // The table has the CLI's JSON columns as headers and a row per layer; the plot is drawn.
    const headers = await page.$$eval('.diagnose-table th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(headers, run.output!.columns);
    assert.equal(await page.locator('.diagnose-table tbody tr').count(), report.layers.length);
    // The first layer's plot: the ESD with the power-law, MP and HTMP fits in its legend.
    const legend = await page.textContent('.diagnose-plot svg');
    for (const entry of ['ESD', 'power law α =', 'MP fit σ =', 'HTMP fit κ ='])
      assert.ok(legend?.includes(entry), `the plot's legend lacks '${entry}'`);
  });

  it('has no serious or critical accessibility violations (axe-core) with a model diagnosed', async () => {
    assert.ok((await page.locator('.diagnose-table tbody tr').count()) > 0, 'the table is shown');
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('sorts the table by a clicked column, and downloads it as the CLI’s CSV and JSON', async () => {
    await page.click('.diagnose-table th button:text-is("alpha")');
    const alphas = await page.$$eval('.diagnose-table tbody tr', (trs) => {
      const col = Array.from(document.querySelectorAll('.diagnose-table th')).findIndex(
        (th) => th.textContent === 'alpha',
      );
      return trs.map((tr) => Number((tr.children[col] as HTMLElement).title));
    });
    assert.deepEqual(
      alphas,
      [...alphas].sort((a, b) => a - b),
    );
    assert.equal(
      await page.getAttribute('.diagnose-table th:has(button:text-is("alpha"))', 'aria-sort'),
      'ascending',
    );
    const cli = await cliOnJs(SILERO);
    // Both downloads say how they were computed: the equivalent command line first.
    const command = 'rmtkit diagnose silero_vad_v5.onnx --mp-fit --htmp';
    const {
      command: jsonCommand,
      options,
      ...json
    } = JSON.parse(await downloaded(page, 'button[data-role="json"]'));
    assert.equal(jsonCommand, command);
    assert.equal(options.mpFit, true);
    assertAgree(json, cli.json, 1e-9, 'downloaded JSON');
    const [first, ...csv] = (await downloaded(page, 'button[data-role="csv"]')).trim().split('\n');
    assert.equal(first, `# ${command}`);
    const previous = setBackend('js');
    try {
      const { out } = await runCli('diagnose', SILERO, '--mp-fit', '--htmp', '--csv');
      const want = out.trim().split('\n');
      assert.equal(csv.length, want.length);
      // Fields compare as numbers to 1e-9 where both are numbers (no field here holds a comma).
      csv.forEach((line, k) =>
        assertAgree(
          line.split(',').map(asNumber),
          want[k]!.split(',').map(asNumber),
          1e-9,
          `CSV line ${k + 1}`,
        ),
      );
    } finally {
      setBackend(previous);
    }
  });
});
