import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { flodance } from '../../src/estimate/flodance.js';
import { logdetCholesky } from '../../src/estimate/logdet-cholesky.js';
import { writeNpy } from '../../src/io/npy.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { randomStream } from '../../src/random/stream.js';
import { runCli } from './run-cli.js';

describe('rmtkit logdet --method flodance', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-flodance-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  // RBF kernel exp(−r²/(2ℓ²)) of 600 seeded uniform points in [0, 1]², ℓ = 0.5, nugget 0.01.
  const n = 600;
  const s = randomStream('cli-flodance');
  const x = Float64Array.from({ length: 2 * n }, () => s.uniform());
  const a = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const r2 = (x[2 * i]! - x[2 * j]!) ** 2 + (x[2 * i + 1]! - x[2 * j + 1]!) ** 2;
      a.data[i * n + j] = Math.exp(-r2 / 0.5) + (i === j ? 0.01 : 0);
    }
  const file = join(dir, 'K.npy');
  writeNpy(file, a);

  it('--json reports the library’s extrapolation, within 2 % of the exact log-det at --fraction 0.5', async () => {
    const { out, code } = await runCli(
      'logdet',
      file,
      '--method',
      'flodance',
      '--fraction',
      '0.5',
      '--json',
    );
    assert.equal(code, 0);
    const report = JSON.parse(out) as { logAbsDet: number; standardError: number; m: number };
    const library = flodance(a, { fraction: 0.5 });
    assert.equal(report.logAbsDet, library.logAbsDet);
    assert.equal(report.standardError, library.standardError);
    assert.equal(report.m, 300);
    const exact = logdetCholesky(a).logAbsDet;
    assert.ok(
      Math.abs(report.logAbsDet - exact) <= 0.02 * Math.abs(exact),
      `${report.logAbsDet} vs ${exact}`,
    );
  });

  it('prints the block it extrapolated from, and exits 2 naming --fraction outside (0, 1]', async () => {
    const human = await runCli('logdet', file, '--method', 'flodance');
    assert.equal(human.code, 0);
    assert.match(human.out, /by FLODANCE: extrapolated from the leading 60×60 block/);
    for (const bad of ['0', '1.5', 'x']) {
      const { code, err } = await runCli('logdet', file, '--method', 'flodance', '--fraction', bad);
      assert.equal(code, 2);
      assert.match(err, /--fraction must be/);
    }
  });
});
