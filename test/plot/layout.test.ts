import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paddedDomain, tickValues } from '../../src/plot/axes.js';
import { type CurveRow, curvesSpec } from '../../src/plot/curves.js';
import { histogramSpec } from '../../src/plot/histogram.js';
import { figureLayoutProblems } from '../../src/plot/layout-check.js';
import { randomStream } from '../../src/random/stream.js';

describe('plot/axes', () => {
  it('pads the data range on both sides, in log units on a log axis', () => {
    const [lo, hi] = paddedDomain([1, 3], 'linear');
    assert.ok(lo < 1 && hi > 3);
    assert.ok(Math.abs(1 - lo - (hi - 3)) < 1e-12, 'symmetric padding');
    const [llo, lhi] = paddedDomain([0.01, 100, -5, 0], 'log');
    assert.ok(Math.abs(Math.log10(0.01) - Math.log10(llo) - (Math.log10(lhi) - 2)) < 1e-12);
    assert.ok(llo < 0.01 && lhi > 100, 'non-positive values ignored on a log axis');
    const [slo, shi] = paddedDomain([5], 'linear');
    assert.ok(slo < 5 && shi > 5, 'a single value gets a range around it');
  });

  it('gives at least three ticks inside every domain, at most about eight', () => {
    const stream = randomStream(11);
    for (let trial = 0; trial < 2000; trial++) {
      const scale = trial % 2 === 0 ? 'log' : 'linear';
      const a = 10 ** (12 * stream.uniform() - 6);
      const ratio = 1 + 10 ** (7 * stream.uniform() - 4); // widths from 1e-4 relative to 1e3×
      const domain: [number, number] = scale === 'log' ? [a, a * ratio] : [a - a * ratio, a];
      const ticks = tickValues(domain, scale);
      assert.ok(ticks.length >= 3 && ticks.length <= 9, `${scale} ${domain}: ${ticks}`);
      for (const t of ticks)
        assert.ok(t >= domain[0] - Math.abs(domain[0]) * 1e-9, `${t} below ${domain}`);
      for (const t of ticks)
        assert.ok(t <= domain[1] + Math.abs(domain[1]) * 1e-9, `${t} above ${domain}`);
      for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i]! > ticks[i - 1]!, 'increasing');
    }
  });

  it('uses round values: powers of ten on long log axes, 1-2-5 on short ones', () => {
    assert.deepEqual(tickValues([0.004, 0.03], 'log'), [0.005, 0.01, 0.02]);
    assert.deepEqual(tickValues([0.5, 2000], 'log'), [1, 10, 100, 1000]);
    assert.deepEqual(tickValues([0.1, 0.9], 'linear'), [0.2, 0.4, 0.6, 0.8]);
  });
});

/** Rows shaped like the error-vs-α figure: two models at very different scales, log axes. */
function errorRows(): CurveRow[] {
  const rows: CurveRow[] = [];
  for (const model of ['isotropic', 'Fashion-MNIST']) {
    for (const lambda of [0.01, 1]) {
      for (const alpha of [0.25, 0.5, 1, 2, 6]) {
        const y =
          (model === 'isotropic' ? 1.6 : 0.004) * (1 + lambda / alpha) * (alpha === 1 ? 3 : 1);
        const series = `λ = ${lambda}`;
        rows.push({ kind: 'theory', series, x: alpha, y, lo: null, hi: null, model });
        rows.push({ kind: 'simulation', series, x: alpha, y, lo: y * 0.9, hi: y * 1.1, model });
      }
    }
  }
  return rows;
}

describe('plot/layout-check', () => {
  it('finds no problem in a faceted log-log figure: every point and error bar inside, ≥ 3 ticks', async () => {
    const spec = curvesSpec(errorRows(), {
      title: 'error vs α',
      xTitle: 'α',
      yTitle: 'error',
      seriesTitle: 'λ',
      xScale: 'log',
      yScale: 'log',
      column: 'model',
    });
    assert.deepEqual(await figureLayoutProblems(spec), []);
  });

  it('finds no problem with a shared y axis, row and column panels, and a linear scale', async () => {
    const rows = errorRows().map((r) => ({ ...r, quantity: r.x > 1 ? 'large' : 'small' }));
    const spec = curvesSpec(rows, {
      title: 't',
      xTitle: 'α',
      yTitle: 'e',
      seriesTitle: 'λ',
      column: 'model',
      row: 'quantity',
      independentY: false,
    });
    assert.deepEqual(await figureLayoutProblems(spec), []);
  });

  it('detects points cut by the frame (Vega defaults) and an axis with too few labels', async () => {
    const values = [
      { x: 0.25, y: 0.004 },
      { x: 6, y: 0.009 },
    ];
    const spec = {
      data: { values },
      mark: { type: 'point' as const, filled: true },
      encoding: {
        x: {
          field: 'x',
          type: 'quantitative' as const,
          scale: { type: 'log' as const, nice: false },
        },
        y: {
          field: 'y',
          type: 'quantitative' as const,
          scale: { type: 'log' as const, nice: false },
          axis: { values: [0.005] },
        },
      },
    };
    const problems = await figureLayoutProblems(spec);
    assert.ok(
      problems.some((p) => /outside the/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /the y axis labels [0-2] tick/.test(p)),
      problems.join('\n'),
    );
  });

  it('finds no problem in a histogram with its density curve', async () => {
    const rows = [];
    for (let i = 0; i < 20; i++) {
      const lo = i / 10;
      rows.push({
        kind: 'histogram' as const,
        x: null,
        lo,
        hi: lo + 0.1,
        y: Math.sin((lo * Math.PI) / 2),
      });
      rows.push({
        kind: 'density' as const,
        x: lo + 0.05,
        lo: null,
        hi: null,
        y: Math.sin(((lo + 0.05) * Math.PI) / 2),
      });
    }
    const spec = histogramSpec(rows, { title: 'h', xTitle: 'a', yTitle: 'density' });
    assert.deepEqual(await figureLayoutProblems(spec), []);
  });
});
