import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli as run } from '../cli/run-cli.js';

describe('rmtkit spectrum', () => {
  it('prints { grid, density, eta, edges, outliers, empirical } with --json --simulate', async () => {
    const { out, code } = await run(
      'spectrum',
      '--cov',
      'spiked:3:1',
      '--d',
      '300',
      '--alpha',
      '2',
      '--lambda',
      '0.1',
      '--simulate',
      '--seed',
      '2',
      '--json',
    );
    assert.equal(code, 0);
    const r = JSON.parse(out);
    assert.deepEqual(Object.keys(r), ['grid', 'density', 'eta', 'edges', 'outliers', 'empirical']);
    assert.equal(r.grid.length, r.density.length);
    assert.equal(r.empirical.length, 300);
    assert.equal(r.outliers.length, 1);
    assert.ok(r.edges[0][0] < r.edges[0][1]);
    assert.ok(r.density.every((v: number) => v >= 0));
  });

  it('leaves out empirical without --simulate and reports usage errors in one line', async () => {
    const { out } = await run(
      'spectrum',
      '--cov',
      'ar1:0.5',
      '--d',
      'inf',
      '--alpha',
      '2',
      '--lambda',
      '0.1',
      '--json',
    );
    assert.deepEqual(Object.keys(JSON.parse(out)), ['grid', 'density', 'eta', 'edges', 'outliers']);
    const bad = await run(
      'spectrum',
      '--cov',
      'ar1:0.5',
      '--d',
      '100',
      '--alpha',
      '2',
      '--lambda',
      '0.1',
      '--method',
      'fast',
    );
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--method/);
  });
});

describe('rmtkit bbp', () => {
  it('prints { threshold, points: [{ theta, outlier, overlap }] } with --json', async () => {
    const { out, code } = await run(
      'bbp',
      '--theta',
      '0.5,3',
      '--d',
      '800',
      '--alpha',
      '2',
      '--lambda',
      '0.1',
      '--json',
    );
    assert.equal(code, 0);
    const r = JSON.parse(out);
    assert.deepEqual(Object.keys(r), ['threshold', 'points']);
    assert.ok(Math.abs(r.threshold - Math.SQRT1_2) < 1e-15);
    assert.deepEqual(Object.keys(r.points[0]), ['theta', 'outlier', 'overlap']);
    assert.equal(r.points[0].outlier, null);
    assert.ok(Math.abs(r.points[1].overlap - 0.8095238095238095) < 1e-12);
  });

  it('takes --localized k and --simulate', async () => {
    const { out } = await run(
      'bbp',
      '--theta',
      '10',
      '--d',
      '200',
      '--alpha',
      '2',
      '--lambda',
      '0.1',
      '--localized',
      '4',
      '--simulate',
      '--json',
    );
    const p = JSON.parse(out).points[0];
    assert.ok(p.outlier > 0.8 && p.simulated.overlap > 0.8);
  });
});
