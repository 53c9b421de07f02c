import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CONTINUATION_FAILED } from '../../src/cli/commands/decompress.js';
import { totalVariation } from '../../src/free/distance.js';
import { writeNpy } from '../../src/io/npy.js';
import { eigvalsh } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { wigner } from '../../src/rmt/laws/wigner.js';
import { runCli } from './run-cli.js';

describe('rmtkit decompress', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-decompress-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const a = wigner(2).sampleMatrix(300, 'cli-decompress');
  const eigs = eigvalsh(a);
  const eigsFile = join(dir, 'eigs.npy');
  const matrixFile = join(dir, 'A.npy');
  writeNpy(eigsFile, Matrix.fromRowMajor(300, 1, eigs));
  writeNpy(matrixFile, a);
  const write = (name: string, values: number[]) => {
    const path = join(dir, name);
    writeNpy(path, Matrix.fromRowMajor(values.length, 1, values));
    return path;
  };

  it('--eigs --size 2400 --json gives the semicircle of radius 2√8 to TV ≤ 3 %', async () => {
    const { out, code } = await runCli(
      'decompress',
      '--eigs',
      eigsFile,
      '--size',
      '2400',
      '--json',
    );
    assert.equal(code, 0);
    const r = JSON.parse(out);
    assert.equal(r.ok, true);
    const tv = totalVariation(
      Float64Array.from(r.grid),
      Float64Array.from(r.density),
      r.missingMass,
      wigner(2 * Math.sqrt(8)),
    );
    assert.ok(tv <= 0.03, `TV ${tv}`);
    // Against the sample's own invariants (mean, μ² + 8σ²): a 300-eigenvalue sample's σ² is
    // itself off the law's by O(1/n_s).
    assert.ok(Math.abs(r.moments[1] / r.expectedMoments[1] - 1) < 0.01, `m2 ${r.moments}`);
    assert.ok(Math.abs(r.moments[0] - r.expectedMoments[0]) < 0.01 * Math.sqrt(8));
  });

  it('--matrix diagonalises the matrix and --plot writes an SVG', async () => {
    const plot = join(dir, 'd.svg');
    const { out, code } = await runCli(
      'decompress',
      '--matrix',
      matrixFile,
      '--size',
      '1200',
      '--plot',
      plot,
    );
    assert.equal(code, 0);
    assert.match(out, /free decompression n_s = 300 → N = 1200/);
    assert.ok(existsSync(plot));
  });

  const bad: [string, string[], RegExp][] = [
    [
      'a support that misses eigenvalues',
      ['--support', '-1,1'],
      /--support must contain every eigenvalue/,
    ],
    ['a size below the sample', ['--size', '100'], /--size must be an integer ≥ n_s = 300/],
    ['a degree too high', ['--degree', '40'], /--degree must be ≤ ⌊2√n_s⌋ = 34/],
  ];
  for (const [name, flags, message] of bad)
    it(`exits 2 naming the flag for ${name}`, async () => {
      const args = ['decompress', '--eigs', eigsFile, '--size', '1200', ...flags];
      const { err, code } = await runCli(...args);
      assert.equal(code, 2);
      assert.match(err, message);
    });

  it('exits 2 naming the file, row and column of a non-finite eigenvalue', async () => {
    const file = write('nan.npy', [1, 2, Number.NaN, 4, 5]);
    const { err, code } = await runCli('decompress', '--eigs', file, '--size', '40');
    assert.equal(code, 2);
    assert.match(err, /nan\.npy row 3 column 1: NaN is not a finite number/);
  });

  it(`prints a failed continuation with its residual and exits ${CONTINUATION_FAILED}`, async () => {
    const file = write(
      'uniform.npy',
      Array.from({ length: 400 }, (_, i) => i / 399),
    );
    const { err, code } = await runCli('decompress', '--eigs', file, '--size', '3200');
    assert.equal(code, CONTINUATION_FAILED);
    assert.match(err, /decompression failed: glue misses the fit on the cut \(residual 0\.\d+/);
  });
});
