import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { populationData } from '../../src/features/population-data.js';
import { rfTheory } from '../../src/features/rf-theory.js';
import { writeNpy } from '../../src/io/npy.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { buildCovariance, parseCovarianceSpec } from '../../src/scenario/covariance-spec.js';
import { runCli } from './run-cli.js';

describe('rmtkit rf-theory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-rf-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const x = gaussianMatrix(64, 16, 1);
  for (let k = 0; k < x.data.length; k++) x.data[k] /= 4;
  const y = Float64Array.from({ length: 64 }, (_, i) => (i % 2 ? 1 : -1));
  writeNpy(join(dir, 'X.npy'), x);
  writeNpy(join(dir, 'y.npy'), y);
  writeNpy(join(dir, 'y-short.npy'), y.subarray(1));
  const args = ['--data', join(dir, 'X.npy'), '--targets', join(dir, 'y.npy')];

  it('--json prints the curve that rfTheory gives, 60 ratios × 2 ridges', async () => {
    const { out, code } = await runCli(
      'rf-theory',
      ...args,
      '--test-data',
      join(dir, 'X.npy'),
      '--test-targets',
      join(dir, 'y.npy'),
      '--ratio',
      '0.1:10:60',
      '--gamma',
      '1e-5,1e-1',
      '--json',
    );
    assert.equal(code, 0);
    const report = JSON.parse(out);
    assert.equal(report.points.length, 120);
    const direct = rfTheory(
      { x, y, xTest: x, yTest: y, activation: 'relu' },
      [report.points[7].ratio],
      [1e-5],
    );
    assert.equal(report.points[7].train, direct[0].train);
    assert.equal(report.points[7].test, direct[0].test);
  });
  it('prints a table without --json', async () => {
    const { out, code } = await runCli(
      'rf-theory',
      ...args,
      '--ratio',
      '2',
      '--activation',
      'tanh',
    );
    assert.equal(code, 0);
    assert.match(out, /train MSE/);
  });
  for (const [flag, value, name] of [
    ['--ratio', '0', '--ratio'],
    ['--ratio', '-1:10:5', '--ratio'],
    ['--gamma', '-1', '--gamma'],
    ['--activation', 'swish', 'activation'],
  ] as const)
    it(`exits 2 naming ${name} for ${flag} ${value}`, async () => {
      const { err, code } = await runCli('rf-theory', ...args, flag, value);
      assert.equal(code, 2);
      assert.match(err, new RegExp(name));
    });
  it('--cov draws the data from a population model: the curve equals rfTheory on populationData with the same seed', async () => {
    const { out, code } = await runCli(
      'rf-theory',
      ...['--cov', 'ar1:0.5', '--d', '32', '--n', '48', '--n-test', '40', '--noise', '0.3'],
      ...['--seed', '7', '--ratio', '0.5:2:3', '--gamma', '1e-1', '--json'],
    );
    assert.equal(code, 0);
    const report = JSON.parse(out);
    assert.equal(report.n, 48);
    assert.equal(report.nTest, 40);
    const data = populationData(
      buildCovariance(parseCovarianceSpec('ar1:0.5'), 32),
      { n: 48, nTest: 40, noise: 0.3, seed: 7 },
      'relu',
    );
    const direct = rfTheory(data, [report.points[1].ratio], [1e-1]);
    assert.equal(report.points[1].test, direct[0].test);
  });
  for (const [extra, name] of [
    [['--cov', 'ar1:0.5'], '--d'],
    [['--cov', 'ar1:0.5', '--d', 'inf'], '--d'],
    [['--cov', 'ar1:2', '--d', '8'], '--cov'],
    [['--cov', 'iso', '--d', '8', '--noise', '-1'], '--noise'],
    [['--cov', 'iso', '--d', '8', '--n', '0'], '--n'],
    [['--cov', 'iso', '--d', '8', '--data', 'X.npy'], '--cov'],
    [[], '--data'],
  ] as const)
    it(`exits 2 naming ${name} for ${extra.join(' ') || 'no data'}`, async () => {
      const { err, code } = await runCli('rf-theory', ...extra);
      assert.equal(code, 2);
      assert.match(err, new RegExp(name));
    });
  it('exits 2 naming --targets when data and targets differ in length', async () => {
    const { err, code } = await runCli(
      'rf-theory',
      '--data',
      join(dir, 'X.npy'),
      '--targets',
      join(dir, 'y-short.npy'),
    );
    assert.equal(code, 2);
    assert.match(err, /--targets/);
  });
});
