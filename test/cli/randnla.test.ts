import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readNpy, writeNpy } from '../../src/io/npy.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import { defaultEmbedding } from '../../src/sketch/embedding.js';
import {
  gaussianVector,
  geometric,
  pseudoInverseSolve,
  relativeDifference,
} from '../sketch/matrices.js';
import { matrixWithSingularValues } from '../sketch/theory-helpers.js';
import { runCli } from './run-cli.js';

describe('rmtkit lstsq and rsvd', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-randnla-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const a = matrixWithSingularValues(2000, geometric(40, 1e6), 'cli');
  const b = gaussianVector(2000, 1);
  writeNpy(join(dir, 'A.npy'), a);
  writeNpy(join(dir, 'b.npy'), b);

  it('lstsq --json solves to backward error 1e-10 and writes the solution that the SVD gives', async () => {
    const out = join(dir, 'x.npy');
    const { out: text, code } = await runCli(
      'lstsq',
      '--data',
      join(dir, 'A.npy'),
      '--rhs',
      join(dir, 'b.npy'),
      '--sketch',
      'srht',
      '--out',
      out,
      '--json',
    );
    assert.equal(code, 0);
    const report = JSON.parse(text);
    assert.equal(report.method, 'sketch-precondition');
    assert.equal(report.sketch, 'srht');
    assert.equal(report.sketchSize, Math.ceil(defaultEmbedding(2000, 40, 1e-10) * 40));
    assert.ok(report.backwardError <= 1e-10 && report.converged);
    assert.ok(report.iterations > 0 && report.conditionEstimate < 4);
    const x = readNpy(out) as Float64Array;
    assert.ok(relativeDifference(x, pseudoInverseSolve(a, b)) < 1e-6);
  });

  it('lstsq prints a readable summary, and exits 2 naming the flag for bad input', async () => {
    const plain = await runCli(
      'lstsq',
      '--data',
      join(dir, 'A.npy'),
      '--rhs',
      join(dir, 'b.npy'),
      '--method',
      'direct',
    );
    assert.equal(plain.code, 0);
    assert.match(plain.out, /backward error/);
    writeFileSync(join(dir, 'short.txt'), '1\n2\n3\n');
    const cases: Array<[string[], RegExp]> = [
      [['--sketch', 'countsketch'], /--sketch must be one of/],
      [['--method', 'qr'], /--method must be one of/],
      [['--embedding', '0.5'], /--embedding must be > 1/],
      [['--tolerance', '2'], /--tolerance must be a number in \(0, 1\)/],
      [['--rhs', join(dir, 'short.txt')], /--rhs must have 2000 values/],
    ];
    for (const [flags, message] of cases) {
      const args = ['lstsq', '--data', join(dir, 'A.npy'), '--rhs', join(dir, 'b.npy'), ...flags];
      const { err, code } = await runCli(...args);
      assert.equal(code, 2, flags.join(' '));
      assert.match(err, message);
    }
  });

  it('rsvd --json returns the leading singular values and the exact relative error', async () => {
    const prefix = join(dir, 'f');
    const { out, code } = await runCli(
      'rsvd',
      '--data',
      join(dir, 'A.npy'),
      '--rank',
      '10',
      '--power',
      '3',
      '--out',
      prefix,
      '--json',
    );
    assert.equal(code, 0);
    const report = JSON.parse(out);
    const sigma = geometric(40, 1e6);
    report.singularValues.forEach((s: number, j: number) =>
      assert.ok(Math.abs(s / sigma[j]! - 1) < 1e-6),
    );
    const tail = Math.sqrt(
      sigma.slice(10).reduce((t, v) => t + v * v, 0) / sigma.reduce((t, v) => t + v * v, 0),
    );
    assert.ok(
      Math.abs(report.relativeError / tail - 1) < 1e-4,
      `${report.relativeError} vs ${tail}`,
    );
    const u = readNpy(`${prefix}.u.npy`) as Matrix;
    assert.equal(`${u.rows}x${u.cols}`, '2000x10');
    const bad = await runCli('rsvd', '--data', join(dir, 'A.npy'), '--rank', '0');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--rank must be an integer ≥ 1/);
  });
});
