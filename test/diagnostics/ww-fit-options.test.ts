import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { wwPowerLaw } from '../../src/diagnostics/ww/fit.js';
import { fmin } from '../../src/diagnostics/ww/fmin.js';
import { upperGamma } from '../../src/diagnostics/ww/upper-gamma.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { runCli as run } from '../cli/run-cli.js';

// Column parity of the fit options with bench/ww_reference.py is in ww-reference.test.ts; here
// the kernels under them, the rejected combinations and the CLI flags.
const DIR = new URL('../fixtures/diagnostics/', import.meta.url).pathname;
const kernels = JSON.parse(readFileSync(`${DIR}ww_kernels.json`, 'utf8')) as {
  upper_gamma: [number, number, number][];
  fmin: Record<string, { x0: number[]; x: number[]; fun: number; calls: number }>;
};
const WEIGHTS = `${DIR}weights/`;

const FUNCTIONS: Record<string, (p: readonly number[]) => number> = {
  rosenbrock: ([x, y]) => (1 - x!) ** 2 + 100 * (y! - x! ** 2) ** 2,
  quadratic1d: ([x]) => (x! - 3.7) ** 2 + 0.5,
  beale: ([x, y]) =>
    (1.5 - x! + x! * y!) ** 2 + (2.25 - x! + x! * y! ** 2) ** 2 + (2.625 - x! + x! * y! ** 3) ** 2,
};

describe("the powerlaw package's kernels (WeightWatcher's pl_package='powerlaw')", () => {
  it('upperGamma matches mpmath at 40 digits to 1e-13 relative for a ∈ (−8, 0), z ∈ [1e-9, 300]', () => {
    for (const [a, z, want] of kernels.upper_gamma) {
      const got = upperGamma(a, z);
      assert.ok(Math.abs(got - want) <= 1e-13 * want, `Γ(${a}, ${z}) = ${got} vs ${want}`);
    }
  });
  for (const [name, run] of Object.entries(kernels.fmin)) {
    it(`fmin takes scipy.optimize.fmin's steps on ${name}: same evaluations, x to 1e-12`, () => {
      const got = fmin(FUNCTIONS[name]!, run.x0);
      assert.equal(got.calls, run.calls);
      got.x.forEach((v, i) => {
        assert.ok(Math.abs(v - run.x[i]!) <= 1e-12 * Math.max(1, Math.abs(run.x[i]!)), `${v}`);
      });
    });
  }
});

describe("WeightWatcher's fit options: what check_params rejects", () => {
  const evals = Float64Array.from({ length: 50 }, (_, i) => (i + 1) ** 1.5);
  const cases: [Parameters<typeof wwPowerLaw>[1], string][] = [
    [{ xmax: 0 }, 'xmax'],
    [{ xmax: 2.5 }, 'xmax'],
    [{ fixFingers: 'xmin_peak', xmax: -2 }, 'xmax'],
    [{ fixFingers: 'clip_xmax', fit: 'E_TPL' }, 'fixFingers'],
  ];
  for (const [options, argument] of cases)
    it(`${JSON.stringify(options)} throws an InvalidArgumentError naming ${argument}`, () => {
      assert.throws(
        () => wwPowerLaw(evals, options),
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument,
      );
    });
  it('an integer xmax above half the eigenvalues fits up to the eigenvalue nearest to it (WWFit)', () => {
    const fit = wwPowerLaw(evals, { xmax: 40 });
    const head = wwPowerLaw(evals.subarray(0, 12)); // 12^1.5 ≈ 41.6 is the λ nearest to 40
    assert.equal(fit.xmax, 12 ** 1.5);
    assert.deepEqual([fit.alpha, fit.xmin, fit.D], [head.alpha, head.xmin, head.D]);
  });
});

describe("fix_fingers='clip_xmax' with the powerlaw package (fit 'TPL', xmax 'force')", () => {
  // Four equal eigenvalues: powerlaw's Fit has no candidate xmin (the only distinct value is
  // dropped) and returns α = NaN without raising, where WWFit would fit.
  const flat = Float64Array.of(3, 3, 3, 3);
  it('fails the layer with raw_alpha NaN when every clipped fit is NaN (no exception there)', () => {
    const fit = wwPowerLaw(flat, { fixFingers: 'clip_xmax', fit: 'TPL' });
    assert.equal(fit.status, 'failed');
    assert.deepEqual([fit.alpha, fit.numFingers, fit.Lambda], [-1, 0, -1]);
    assert.ok(Number.isNaN(fit.rawAlpha) && Number.isNaN(fit.xmax));
  });
  it("with xmax 'force' fails with raw_alpha −1 and xmax λmax (evals[-5] of 4 values raises)", () => {
    const fit = wwPowerLaw(flat, { fixFingers: 'clip_xmax', xmax: 'force' });
    assert.equal(fit.status, 'failed');
    assert.deepEqual([fit.alpha, fit.numFingers, fit.rawAlpha, fit.xmax], [-1, 0, -1, 3]);
  });
});

describe('rmtkit diagnose --ww-* flags', () => {
  it("adds WeightWatcher's Lambda column with --ww-fit tpl and keeps the layers' xmin search", async () => {
    const { out, code } = await run('diagnose', WEIGHTS, '--columns', 'ww', '--ww-fit', 'tpl');
    assert.equal(code, 0);
    const [header, ...rows] = out.split('\n');
    const names = header!.split(',');
    const lambda = names.indexOf('Lambda');
    assert.ok(lambda > 0, header);
    for (const row of rows) assert.ok(Number.isFinite(Number(row.split(',')[lambda])), row);
  });
  for (const flags of [
    ['--ww-fit', 'tpl'],
    ['--ww-xmax', 'force'],
    ['--ww-fit', 'tpl', '--ww-xmax', 'force'],
  ])
    it(`accepts --ww-fix-fingers clip_xmax ${flags.join(' ')} (WeightWatcher runs it)`, async () => {
      const args = ['--columns', 'ww', '--ww-fix-fingers', 'clip_xmax', ...flags];
      const { out, code, err } = await run('diagnose', WEIGHTS, ...args);
      assert.equal(code, 0, err);
      const [header, ...rows] = out.split('\n');
      const names = header!.split(',');
      const wanted = ['num_fingers', 'raw_alpha', ...(flags.includes('tpl') ? ['Lambda'] : [])];
      for (const name of wanted) assert.ok(names.includes(name), `${name} in ${header}`);
      const [alpha, lmax, xmax] = ['alpha', 'lambda_max', 'xmax'].map((n) => names.indexOf(n));
      for (const row of rows) {
        const cells = row.split(',');
        assert.ok(Number(cells[alpha!]) > 0, row);
        // a forced xmax is λmax or, after a clip, a smaller eigenvalue; without force None
        if (flags.includes('force')) assert.ok(Number(cells[xmax!]) <= Number(cells[lmax!]), row);
        else assert.equal(cells[xmax!], '', row);
      }
    });
  it('rejects bad values in one line naming the flag (exit 2)', async () => {
    for (const [flag, value] of [
      ['--ww-fit', 'gauss'],
      ['--ww-xmax', '0'],
      ['--ww-xmax', '1.5'],
      ['--ww-fix-fingers', 'peak'],
      ['--ww-xmin-max', '-1'],
    ] as const) {
      const { err, code } = await run('diagnose', WEIGHTS, flag, value);
      assert.equal(code, 2, `${flag} ${value}`);
      assert.match(err, new RegExp(`invalid argument: ${flag} `));
      assert.equal(err.trim().split('\n').length, 1);
    }
  });
});
