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
    [{ fixFingers: 'clip_xmax', xmax: 'force' }, 'fixFingers'],
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
