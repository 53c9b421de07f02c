import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXPERIMENTS } from '../../src/experiments/registry.js';
import { type ReproduceResult, reproduce } from '../../src/experiments/reproduce.js';
import { analyseExperiment } from '../../src/experiments/runner.js';
import { ResultStore } from '../../src/experiments/store.js';
import { figureLayoutProblems } from '../../src/plot/layout-check.js';
import { realDataInstalled } from './helpers.js';

const withData = realDataInstalled();
const names = EXPERIMENTS.map((e) => e.name).filter((n) => withData || n !== 'real-data');

describe('rmtkit reproduce: theory against simulation (tiny sizes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-agree-'));
  let result: ReproduceResult;

  it('runs every experiment and writes figures, data, summaries and a self-contained report', async () => {
    try {
      result = await reproduce({ names, size: 'tiny', out: dir, workers: 2 });
      for (const e of result.experiments) {
        assert.ok(e.figures.length > 0, e.name);
        for (const f of e.figures)
          for (const file of Object.values(f.files))
            assert.ok(existsSync(join(dir, 'tiny', file)), file);
        const summary = JSON.parse(readFileSync(join(dir, 'tiny', e.name, 'summary.json'), 'utf8'));
        assert.equal(summary.checks.length, e.checks.length);
        assert.equal(typeof summary.agreement.maxZ, 'number');
      }
      const html = readFileSync(result.report, 'utf8');
      for (const name of names) assert.ok(html.includes(`id="${name}"`), name);
      assert.doesNotMatch(
        html,
        /<script|<link|src="http|url\(http/,
        'nothing is loaded from outside the page',
      );
      assert.match(html, /data:image\/svg\+xml;base64,/);
      assert.match(html, /data:image\/png;base64,/);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  });

  for (const name of EXPERIMENTS.map((e) => e.name)) {
    const skip =
      name === 'real-data' && !withData
        ? "needs Debian's python3-scipy and dataset-fashion-mnist"
        : false;
    it(`${name}: agrees within 4 standard errors plus its finite-size term`, { skip }, () => {
      const e = result.experiments.find((x) => x.name === name)!;
      const worst = e.checks.filter((c) => c.claim).sort((a, b) => b.z - a.z)[0];
      assert.ok(e.agreement.claimed > 0);
      assert.ok(
        e.agreement.agrees,
        `max z beyond the finite-size term ${e.agreement.maxZBeyondFiniteSize} (worst ${JSON.stringify(worst)})`,
      );
    });
  }

  it('every figure shows all of its data points and error bars, and labels ≥ 3 ticks per axis', async () => {
    const store = new ResultStore(join(dir, 'results.sqlite'));
    const problems: string[] = [];
    try {
      for (const experiment of EXPERIMENTS.filter((e) => names.includes(e.name))) {
        const run = await analyseExperiment(experiment, 'tiny', store, {
          missing: 0,
          computed: 0,
          seconds: 0,
        });
        for (const figure of run.analysis.figures) {
          for (const p of await figureLayoutProblems(figure.spec)) {
            problems.push(`${experiment.name}/${figure.name}: ${p}`);
          }
        }
      }
    } finally {
      store.close();
    }
    assert.deepEqual(problems, []);
  });

  it('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
