import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { diagnoseModel } from '../../src/diagnostics/model.js';
import { wwFitFromText } from '../../src/diagnostics/ww/fit-text.js';
import { readWeightFile } from '../../src/io/weights/read.js';
import { setBackend } from '../../src/linalg/backend.js';
import type { DiagnoseProbe } from '../../web/src/diagnose/view.js';
import { runCli } from '../cli/run-cli.js';
import { seriousViolations } from './axe.js';
import { type DiagnoseSession, diagnoseInPage, openDiagnosePage } from './diagnose-session.js';

const SILERO = new URL(
  '../../node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx',
  import.meta.url,
).pathname;

/** `window.__diagnose` of the page. */
function probe(page: Page): Promise<DiagnoseProbe> {
  return page.evaluate(() => (window as unknown as { __diagnose: DiagnoseProbe }).__diagnose);
}

/** The table's cells of `column`, row by row, at full precision (a number cell's title). */
async function columnValues(page: Page, column: string): Promise<number[]> {
  return page.$$eval(
    '.diagnose-table tbody tr',
    (trs, name) => {
      const col = Array.from(document.querySelectorAll('.diagnose-table th')).findIndex(
        (th) => th.textContent === name,
      );
      return trs.map((tr) => Number((tr.children[col] as HTMLElement).title));
    },
    column,
  );
}

/** Sets a numeric input and commits it (the form listens to `change`). */
async function typeNumber(page: Page, name: string, value: string): Promise<void> {
  await page.fill(`input[name="${name}"]`, value);
  await page.dispatchEvent(`input[name="${name}"]`, 'change');
}

describe("the diagnose page's WeightWatcher fit options (--ww-*) in headless Chromium", () => {
  let session: DiagnoseSession;
  let page: Page;
  before(async () => {
    session = await openDiagnosePage();
    page = session.page;
    // Without the MP and HTMP fits, which these options leave unchanged, a run takes seconds.
    await page.uncheck('input[name="mpFit"]');
    await page.uncheck('input[name="htmp"]');
  });
  after(async () => {
    await session?.close();
  });

  it("with xmin_peak and TPL shows WeightWatcher's alpha, xmin and Lambda equal to diagnoseModel's in Node to 1e-12", async () => {
    await page.selectOption('select[name="wwFixFingers"]', 'xmin_peak');
    await page.selectOption('select[name="wwFit"]', 'tpl');
    // A --ww-* option shows WeightWatcher's columns, the only ones it changes.
    assert.equal(await page.inputValue('select[name="columns"]'), 'ww');
    const run = await diagnoseInPage(page, [SILERO], 300_000);
    assert.equal(run.state, 'done', run.message);
    const previous = setBackend('js');
    let want: Awaited<ReturnType<typeof diagnoseModel>>;
    try {
      want = await diagnoseModel([readWeightFile(SILERO)], {
        ww: { fixFingers: 'xmin_peak', fit: 'TPL' },
      });
    } finally {
      setBackend(previous);
    }
    assert.ok(want.layers.length >= 6, `${want.layers.length} layers`);
    const headers = await page.$$eval('.diagnose-table th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(headers, run.output!.columns);
    let identical = 0;
    for (const column of ['alpha', 'xmin', 'Lambda'] as const) {
      const got = await columnValues(page, column);
      assert.equal(got.length, want.layers.length, column);
      got.forEach((v, k) => {
        const w = want.layers[k]!.ww[column]!;
        assert.ok(Number.isFinite(w), `${column} of layer ${k} is ${w}`);
        assert.ok(Math.abs(v - w) <= 1e-12 * Math.abs(w), `${column} of layer ${k}: ${v} vs ${w}`);
        if (v === w) identical++;
      });
    }
    console.log(`alpha, xmin, Lambda: ${identical} of ${3 * want.layers.length} bit-identical`);
  });

  it('downloads the table as `rmtkit diagnose --columns ww` prints it, headed by the flags used', async () => {
    const flags = ['--columns', 'ww', '--ww-fix-fingers', 'xmin_peak', '--ww-fit', 'tpl'];
    const command = `rmtkit diagnose silero_vad_v5.onnx ${flags.join(' ')}`;
    const csv = await downloaded(page, 'button[data-role="csv"]');
    const json = JSON.parse(await downloaded(page, 'button[data-role="json"]'));
    assert.equal(json.command, command);
    assert.deepEqual(json.options.ww, { fixFingers: 'xmin_peak', fit: 'TPL' });
    const previous = setBackend('js');
    try {
      const { out, code } = await runCli('diagnose', SILERO, ...flags);
      assert.equal(code, 0);
      // The CLI's file column holds the path it was given, the page's the chosen file's name.
      const want = out.trim().replaceAll(SILERO, 'silero_vad_v5.onnx').split('\n');
      const [first, ...got] = csv.trim().split('\n');
      assert.equal(first, `# ${command}`);
      assert.equal(got.length, want.length);
      assert.equal(got[0], want[0], 'header');
      // Text fields exactly, numbers to 1e-12 relative (a KS distance D differs in its last bit).
      got.forEach((line, k) => {
        const [a, b] = [line.split(','), want[k]!.split(',')];
        assert.equal(a.length, b.length, `line ${k + 1}`);
        a.forEach((field, j) => {
          const [x, y] = [Number(field), Number(b[j])];
          if (field === '' || !Number.isFinite(x) || !Number.isFinite(y))
            assert.equal(field, b[j], `line ${k + 1} field ${j + 1}`);
          else assert.ok(Math.abs(x - y) <= 1e-12 * Math.abs(y), `${field} vs ${b[j]}`);
        });
      });
    } finally {
      setBackend(previous);
    }
  });

  for (const [what, set, text] of [
    [
      '--ww-xmin-max without xmin_peak',
      async (p: Page) => {
        await p.selectOption('select[name="wwFixFingers"]', 'none');
        await p.selectOption('select[name="wwFit"]', 'pl');
        await typeNumber(p, 'wwXminMax', '2');
      },
      { xminMax: '2' },
    ],
    [
      'an integer --ww-xmax with xmin_peak',
      async (p: Page) => {
        await typeNumber(p, 'wwXminMax', '');
        await p.selectOption('select[name="wwFixFingers"]', 'xmin_peak');
        await p.selectOption('select[name="wwXmax"]', 'k');
        await typeNumber(p, 'wwXmaxK', '3');
      },
      { fixFingers: 'xmin_peak', xmax: '3' },
    ],
  ] as const)
    it(`rejects ${what} with the API's one-line message beside the form, and starts no run`, async () => {
      await set(page);
      const expected = (() => {
        try {
          wwFitFromText(text);
        } catch (error) {
          return (error as Error).message;
        }
        assert.fail(`${JSON.stringify(text)} is accepted`);
      })();
      assert.match(expected, /^invalid argument: \S+ /);
      assert.equal(await page.textContent('[data-role="options-error"]'), expected);
      const runs = (await probe(page)).runs;
      // Choosing the model again does not start a run either.
      await page.setInputFiles('input[data-role="files"]', [SILERO]);
      const state = await probe(page);
      assert.equal(state.runs, runs);
      assert.deepEqual([state.state, state.message, state.output], ['error', expected, null]);
      assert.equal(await page.isVisible('.diagnose-table'), false);
      assert.deepEqual(await seriousViolations(page), []);
    });

  it('runs again once the options are valid, and the message goes', async () => {
    await page.selectOption('select[name="wwXmax"]', 'force');
    const run = await diagnoseInPage(page, [SILERO], 300_000);
    assert.equal(run.state, 'done', run.message);
    assert.equal(await page.textContent('[data-role="options-error"]'), '');
    assert.ok(await page.isVisible('.diagnose-table'));
  });
});

/** The text of the file a click on `button` downloads. */
async function downloaded(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.click(button);
  const chunks: Buffer[] = [];
  for await (const c of await (await download).createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
