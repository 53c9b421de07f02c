import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { reproduce } from '../../src/experiments/reproduce.js';
import { setBlasThreads } from '../../src/linalg/backend.js';
import { launchChromium } from '../web/browser.js';

const NAME = 'error-vs-alpha';

/** Every summary.json and figure CSV under `dir`, without what differs between runs. */
function outputs(dir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = join(dir, name);
    if (name.endsWith('.csv')) out[name] = readFileSync(file, 'utf8');
    if (name.endsWith('summary.json')) {
      const { seconds: _s, trials: _t, ...rest } = JSON.parse(readFileSync(file, 'utf8'));
      out[name] = rest;
    }
  }
  return out;
}

describe('rmtkit reproduce: outputs and report', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'rmtkit-report-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives bit-identical summaries from the same store whatever OpenBLAS’s thread count', async () => {
    const first = await reproduce({ names: [NAME], size: 'tiny', out: dir, workers: 2 });
    assert.equal(first.experiments[0].trials.computed, 72);
    const expected = outputs(join(dir, 'tiny'));
    // A rerun process starts with OpenBLAS's default thread count (all cores), the sweep's
    // workers use one: the analysis must not depend on which it inherits.
    for (const threads of [2, 1]) {
      const previous = setBlasThreads(threads);
      try {
        const again = await reproduce({ names: [NAME], size: 'tiny', out: dir, workers: 2 });
        assert.equal(again.experiments[0].trials.computed, 0);
      } finally {
        if (previous !== undefined) setBlasThreads(previous);
      }
      assert.deepEqual(outputs(join(dir, 'tiny')), expected, `${threads} BLAS thread(s)`);
    }
  });

  it('keeps every stored experiment in the report when a later command runs another one', async () => {
    const summary = join(dir, 'tiny', NAME, 'summary.json');
    const written = statSync(summary).mtimeMs;
    const result = await reproduce({ names: ['bbp'], size: 'tiny', out: dir, workers: 2 });
    assert.equal(result.report, join(dir, 'tiny', 'report.html'), 'outputs of one size together');
    assert.deepEqual(
      result.experiments.map((e) => e.name),
      ['bbp'],
    );
    const html = readFileSync(result.report, 'utf8');
    for (const id of [NAME, 'bbp']) assert.match(html, new RegExp(`<h2 id="${id}">`), id);
    assert.match(html, /Not asked for by this command; shown because its trials are all/);
    assert.equal(statSync(summary).mtimeMs, written, `${NAME} was not analysed again`);
    assert.match(html, /Why a large <i>max z<\/i> can still agree/);
  });

  it('fits the report into a 390 px wide phone screen', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(pathToFileURL(join(dir, 'tiny', 'report.html')).href);
      const layout = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        cells: Array.from(document.querySelectorAll('.cards td')).map(
          (td) => td.getBoundingClientRect().right,
        ),
      }));
      assert.ok(layout.page <= 390, `the page is ${layout.page} px wide`);
      assert.ok(layout.cells.length > 0);
      for (const right of layout.cells) assert.ok(right <= 390, `a cell ends at ${right} px`);
    } finally {
      await browser.close();
    }
  });
});
