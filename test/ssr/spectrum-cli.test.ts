import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ar1Covariance } from '../../src/covariance/index.js';
import { writeNpy } from '../../src/io/index.js';
import { runCli as run } from '../cli/run-cli.js';

describe('rmtkit spectrum', () => {
  it('prints { grid, density, eta, edges, outliers, empirical, kolmogorov } with --json --simulate', async () => {
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
    assert.deepEqual(Object.keys(r), [
      'grid',
      'density',
      'eta',
      'edges',
      'outliers',
      'empirical',
      'kolmogorov',
    ]);
    assert.ok(r.kolmogorov > 0 && r.kolmogorov < 0.05);
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

describe('rmtkit spectrum --data (--method exact|slq)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-spectrum-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'x.npy');
  writeNpy(file, ar1Covariance(0.5, 200).sample(400, 3));

  it('prints the SLQ density with error bars and its distance to the theory with --json', async () => {
    const args = ['spectrum', '--data', file, '--lambda', '0.1', '--cov', 'ar1:0.5'];
    const { out, code } = await run(...args, '--method', 'slq', '--probes', '40', '--json');
    assert.equal(code, 0);
    const r = JSON.parse(out);
    assert.deepEqual(Object.keys(r), [
      'grid',
      'density',
      'eta',
      'edges',
      'outliers',
      'slq',
      'kolmogorov',
    ]);
    assert.deepEqual(Object.keys(r.slq), [
      'grid',
      'density',
      'standardError',
      'distribution',
      'distributionStandardError',
      'probes',
      'lanczosSteps',
      'bounds',
      'n',
      'd',
      'seconds',
    ]);
    assert.equal(r.slq.probes, 40);
    assert.equal(r.slq.lanczosSteps, 80);
    assert.equal(r.slq.grid.length, 400);
    assert.ok(r.slq.standardError.some((v: number) => v > 0));
    assert.ok(r.kolmogorov < 0.05, `kolmogorov ${r.kolmogorov}`);
    const exact = JSON.parse((await run(...args, '--json')).out);
    assert.equal(exact.empirical.length, 200);
    assert.ok(exact.kolmogorov < 0.05);
  });

  it('works without a model, and exits 2 for a bad --method or --alpha with --data', async () => {
    const { out, code } = await run(
      'spectrum',
      '--data',
      file,
      '--lambda',
      '0.1',
      '--method',
      'slq',
      '--lanczos-steps',
      '20',
      '--probes',
      '4',
      '--seed',
      '2',
      '--json',
    );
    assert.equal(code, 0);
    assert.deepEqual(Object.keys(JSON.parse(out)), ['slq']);
    const bad = await run('spectrum', '--data', file, '--lambda', '0.1', '--method', 'eig');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--method/);
    const alpha = await run('spectrum', '--data', file, '--lambda', '0.1', '--alpha', '2');
    assert.equal(alpha.code, 2);
    assert.match(alpha.err, /--alpha/);
    const steps = await run(
      'spectrum',
      '--data',
      file,
      '--lambda',
      '0.1',
      '--method',
      'slq',
      '--lanczos-steps',
      '0',
    );
    assert.equal(steps.code, 2);
    assert.match(steps.err, /--lanczos-steps/);
  });

  it('still takes a theory solver through --method (as --theory)', async () => {
    const { out, code } = await run(
      'spectrum',
      '--cov',
      'ar1:0.5',
      '--d',
      'inf',
      '--alpha',
      '2',
      '--lambda',
      '0.1',
      '--method',
      'mp',
      '--json',
    );
    assert.equal(code, 0);
    assert.ok(JSON.parse(out).edges.length >= 1);
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
