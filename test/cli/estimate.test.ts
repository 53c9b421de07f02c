import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeNpy } from '../../src/io/npy.js';
import { eigvalsh, gram } from '../../src/linalg/api.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { fromJson, loadFixture } from '../linalg/helpers.js';
import { runCli } from './run-cli.js';

/** numpy.linalg.slogdet of a fixture matrix. */
interface Slogdet {
  sign: number;
  logAbsDet: number;
}

/** Relative error |a − b| / |b|. */
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('rmtkit logdet, trace and density', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-estimate-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  // A 200×200 Wishart matrix XᵀX/n (n = 400, d/n = 0.5) + 0.1·I: eigenvalues in about [0.19, 3].
  const a = gram(gaussianMatrix(400, 200, 'cli-estimate'));
  for (let i = 0; i < 200; i++) a.data[i * 200 + i]! += 0.1;
  const eigenvalues = eigvalsh(a);
  const sum = (f: (x: number) => number) => eigenvalues.reduce((s, x) => s + f(x), 0);
  const file = join(dir, 'A.npy');
  writeNpy(file, a);

  it('logdet --method exact --json equals Σ ln λ of the eigenvalues to 1e-10 relative', async () => {
    const { out, code } = await runCli('logdet', file, '--method', 'exact', '--json');
    assert.equal(code, 0);
    const report = JSON.parse(out);
    const exact = sum(Math.log);
    assert.equal(report.sign, 1);
    assert.equal(report.n, 200);
    assert.ok(relative(report.logAbsDet, exact) <= 1e-10, `${report.logAbsDet} vs ${exact}`);
    assert.ok(report.seconds >= 0);
  });

  it('logdet --method exact gives numpy’s slogdet of symmetric indefinite and general matrices to 1e-10', async () => {
    const { cases } = loadFixture<{
      cases: Array<{ name: string; a: { rows: number; cols: number; data: number[] } } & Slogdet>;
    }>('linalg/logdet.json');
    const runs: Array<[string, string[], string]> = [
      ['symmetric indefinite 64', [], 'ldl'],
      ['symmetric indefinite 64', ['--structure', 'symmetric'], 'ldl'],
      ['general 64', [], 'lu'],
      ['general 64', ['--structure', 'general'], 'lu'],
      ['spd 64', ['--structure', 'general'], 'lu'],
      ['spd 64', [], 'cholesky'],
    ];
    for (const [name, flags, factorization] of runs) {
      const c = cases.find((c) => c.name === name)!;
      const path = join(dir, `${name.replaceAll(' ', '-')}.npy`);
      writeNpy(path, fromJson(c.a));
      const { out, code } = await runCli('logdet', path, ...flags, '--json');
      assert.equal(code, 0, name);
      const report = JSON.parse(out);
      assert.equal(report.factorization, factorization, `${name} ${flags}`);
      assert.equal(report.sign, c.sign, `${name} ${flags}`);
      assert.ok(relative(report.logAbsDet, c.logAbsDet) <= 1e-10, `${name} ${flags}`);
    }
    const human = await runCli('logdet', join(dir, 'general-64.npy'));
    assert.match(human.out, /exact by LU/);
    assert.match(human.out, /\(sign −1\)/);
  });

  it('logdet --method slq --json lies within 4 standard errors of the exact value', async () => {
    const flags = ['--min-probes', '30', '--max-probes', '30', '--lanczos-steps', '30'];
    const { out, code } = await runCli('logdet', file, '--method', 'slq', ...flags, '--json');
    assert.equal(code, 0);
    const r = JSON.parse(out);
    const exact = sum(Math.log);
    assert.equal(r.probes, 30);
    assert.equal(r.lanczosSteps, 30);
    assert.ok(r.standardError > 0);
    assert.ok(r.interval[0] < r.logAbsDet && r.logAbsDet < r.interval[1]);
    assert.ok(
      Math.abs(r.logAbsDet - exact) <= 4 * r.standardError,
      `${r.logAbsDet} ± ${r.standardError} vs ${exact}`,
    );
    // tr A and tr A² are the default control variates; without them the error bar is wider.
    assert.equal(r.controlVariates, 2);
    const plain = JSON.parse(
      (await runCli('logdet', file, '--method', 'slq', ...flags, '--no-control-variates', '--json'))
        .out,
    );
    assert.equal(plain.controlVariates, 0);
    assert.ok(
      r.standardError < plain.standardError,
      `${r.standardError} vs ${plain.standardError}`,
    );
  });

  it('trace --fn inv lies within 4 standard errors of Σ 1/λ, and --fn id by hutch++ of tr A', async () => {
    const inv = JSON.parse((await runCli('trace', file, '--fn', 'inv', '--json')).out);
    const exactInv = sum((x) => 1 / x);
    assert.equal(inv.method, 'slq');
    assert.ok(
      Math.abs(inv.value - exactInv) <= 4 * inv.standardError,
      `${inv.value} vs ${exactInv}`,
    );
    assert.equal(typeof inv.converged, 'boolean');
    const id = JSON.parse(
      (await runCli('trace', file, '--fn', 'id', '--method', 'hutch++', '--json')).out,
    );
    const exactTrace = sum((x) => x);
    assert.ok(
      Math.abs(id.value - exactTrace) <= 4 * id.standardError,
      `${id.value} vs ${exactTrace}`,
    );
  });

  it('density --json integrates to 1 on its grid (slq and kpm) and --plot writes an SVG', async () => {
    for (const method of ['slq', 'kpm']) {
      const plot = join(dir, `density-${method}.svg`);
      const { out, code } = await runCli(
        'density',
        file,
        '--method',
        method,
        '--plot',
        plot,
        '--json',
      );
      assert.equal(code, 0);
      const r = JSON.parse(out);
      assert.equal(r.grid.length, 512);
      assert.equal(r.density.length, 512);
      assert.equal(r.standardError.length, 512);
      let integral = 0;
      let mean = 0;
      for (let i = 1; i < r.grid.length; i++) {
        const h = r.grid[i] - r.grid[i - 1];
        integral += (h * (r.density[i] + r.density[i - 1])) / 2;
        mean += (h * (r.grid[i] * r.density[i] + r.grid[i - 1] * r.density[i - 1])) / 2;
      }
      assert.ok(Math.abs(integral - 1) < 0.01, `${method}: ∫ρ = ${integral}`);
      // The mean eigenvalue tr A / n, up to the probes' noise (a few per cent with 30 probes).
      assert.ok(relative(mean, sum((x) => x) / 200) < 0.05, `${method}: ∫xρ = ${mean}`);
      assert.match(readFileSync(plot, 'utf8'), /^<svg/);
    }
  });

  it('prints readable summaries without --json', async () => {
    const exact = await runCli('logdet', file);
    assert.equal(exact.code, 0);
    assert.match(exact.out, /exact by Cholesky/);
    assert.match(exact.out, /ln \|det A\| +-?\d.*\(sign \+1\)/);
    const slq = await runCli('trace', file, '--fn', 'log', '--max-probes', '20');
    assert.match(slq.out, /95 % interval/);
    const density = await runCli('density', file, '--points', '64');
    assert.match(density.out, /integral over the grid 1\.0/);
  });

  it('exits 2 with a message naming the file or the flag for bad input', async () => {
    writeFileSync(join(dir, 'wide.csv'), '1,2,3\n4,5,6\n');
    const indefinite = a.clone();
    for (let i = 0; i < 200; i++) indefinite.data[i * 200 + i]! -= 0.5; // diagonal still > 0
    writeNpy(join(dir, 'indefinite.npy'), indefinite);
    const asymmetric = a.clone();
    asymmetric.data[1]! += 1e-3;
    writeNpy(join(dir, 'asymmetric.npy'), asymmetric);
    const wide = join(dir, 'wide.csv');
    const cases: Array<[string[], RegExp]> = [
      [['logdet', wide], /wide\.csv must hold a square matrix/],
      [['trace', wide, '--fn', 'id', '--method', 'hutchinson'], /wide\.csv must hold a square/],
      [['density', wide], /wide\.csv must hold a square matrix/],
      [['trace', file, '--fn', 'sqrt'], /--fn must be one of id \| inv/],
      [['trace', file, '--fn', 'inv', '--method', 'hutchinson'], /--fn must be id for --method/],
      [['logdet', file, '--method', 'slq', '--rtol', '-1'], /--rtol must be ≥ 0\. Value: -1/],
      [['logdet', file, '--method', 'lu'], /--method must be one of exact, slq/],
      [['logdet', file, '--min-probes', '1'], /--min-probes must be an integer ≥ 2/],
      [['logdet', file, '--confidence', '1'], /--confidence must be a number in \(0, 1\)/],
      [
        ['logdet', join(dir, 'indefinite.npy'), '--structure', 'spd'],
        /indefinite\.npy must be symmetric positive definite/,
      ],
      [
        ['logdet', file, '--structure', 'lower'],
        /--structure must be one of auto, spd, symmetric, general\. Value: "lower"/,
      ],
      [
        ['logdet', file, '--method', 'slq', '--structure', 'general'],
        /--structure must be auto or spd for --method slq/,
      ],
      [
        ['logdet', join(dir, 'asymmetric.npy'), '--structure', 'symmetric'],
        /asymmetric\.npy must be symmetric/,
      ],
      [
        ['logdet', join(dir, 'indefinite.npy'), '--method', 'slq'],
        /indefinite\.npy must be positive definite for fn log/,
      ],
      [
        ['logdet', join(dir, 'asymmetric.npy'), '--method', 'slq'],
        /asymmetric\.npy must be symmetric/,
      ],
      [['density', file, '--probe-count', '0'], /--probe-count must be an integer ≥ 1/],
      [['density', file, '--moments', '50'], /--moments applies to --method kpm only/],
      [['density', file, '--method', 'kpm', '--moments', '1'], /--moments must be an integer ≥ 2/],
      [['density', file, '--plot', join(dir, 'd.pdf')], /--plot must name a \.svg or \.png file/],
    ];
    for (const [args, message] of cases) {
      const { err, code } = await runCli(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, message, args.join(' '));
    }
  });
});
