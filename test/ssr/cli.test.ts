import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readNpy, writeNpy } from '../../src/io/index.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/index.js';
import { fitSsr } from '../../src/ssr/index.js';
import { runCli as run } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rmtkit-ssr-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);

const x = gaussianMatrix(200, 6, 1);
writeNpy(path('x.npy'), x);
writeFileSync(
  path('test.csv'),
  `a,b,c,d,e,f\n${gaussianMatrix(50, 6, 2)
    .toArray()
    .map((r) => r.join(','))
    .join('\n')}\n`,
);

describe('rmtkit fit', () => {
  it('prints the JSON result with n, d, lambda, trainError, testError, backend and seconds', async () => {
    const { out, code } = await run(
      'fit',
      '--data',
      path('x.npy'),
      '--lambda',
      '0.1',
      '--test',
      path('test.csv'),
      '--out',
      path('a.npy'),
      '--json',
    );
    assert.equal(code, 0);
    const result = JSON.parse(out);
    for (const key of [
      'n',
      'd',
      'lambda',
      'trainError',
      'testError',
      'backend',
      'seconds',
      'centred',
    ])
      assert.ok(key in result, key);
    assert.equal(result.n, 200);
    assert.equal(result.d, 6);
    assert.equal(result.centred, true);
    assert.ok(
      Math.abs(result.trainError - fitSsr(x, { lambda: 0.1 }).trainError) <=
        1e-14 * result.trainError,
    );
    const a = readNpy(path('a.npy')) as Matrix;
    assert.equal(a.rows, 6);
    for (let k = 0; k < 6; k++) assert.equal(a.get(k, k), 0);
  });

  it('prints a short human table without --json', async () => {
    const { out, code } = await run('fit', '--data', path('x.npy'), '--lambda', '0', '--no-centre');
    assert.equal(code, 0);
    assert.match(out, /training error/);
    assert.match(out, /not centred/);
  });
});

describe('rmtkit theory', () => {
  it('prints points with alpha, lambda, kappa, df1, df2, genError, trainError, and the optimal λ on request', async () => {
    const { out, code } = await run(
      'theory',
      '--cov',
      'ar1:0.5',
      '--d',
      'inf',
      '--alpha',
      '0.5,2',
      '--lambda',
      '0,0.1,opt',
      '--json',
    );
    assert.equal(code, 0);
    const result = JSON.parse(out);
    assert.equal(result.points.length, 6);
    for (const p of result.points)
      for (const key of ['alpha', 'lambda', 'kappa', 'df1', 'df2', 'genError', 'trainError'])
        assert.ok(key in p, key);
    assert.equal(result.points[0].df1, null); // d = ∞: traces are infinite, df1OverN is finite
    assert.ok(result.points[0].df1OverN > 0);
    assert.equal(result.points.filter((p: { optimal: boolean }) => p.optimal).length, 2);
    assert.ok(Math.abs(result.irreducibleError - 0.6) <= 1e-13);
  });

  it('reads diag, dense, toeplitz and data models from files', async () => {
    writeFileSync(path('var.txt'), '1\n2\n3\n');
    writeNpy(
      path('sigma.npy'),
      Matrix.fromRows([
        [2, 0.5, 0],
        [0.5, 1, 0.1],
        [0, 0.1, 1],
      ]),
    );
    writeFileSync(path('gamma.csv'), '1,0.4,0.1\n');
    for (const cov of [
      `diag:${path('var.txt')}`,
      `dense:${path('sigma.npy')}`,
      `toeplitz:${path('gamma.csv')}`,
      `data:${path('x.npy')}`,
      'spiked:2:3',
      'powerlaw:1',
    ]) {
      const { out, code, err } = await run(
        'theory',
        '--cov',
        cov,
        ...(cov.startsWith('spiked') || cov.startsWith('powerlaw') ? ['--d', '50'] : []),
        '--alpha',
        '2',
        '--lambda',
        '0.1',
        '--json',
      );
      assert.equal(code, 0, `${cov}: ${err}`);
      assert.ok(JSON.parse(out).points[0].genError > 0, cov);
    }
  });
});

describe('CLI errors: one line naming the argument, exit code 2', () => {
  writeNpy(path('nan.npy'), Matrix.fromRowMajor(3, 2, [1, 2, 3, NaN, 5, 6]));
  writeNpy(
    path('notpsd.npy'),
    Matrix.fromRows([
      [1, 2],
      [2, 1],
    ]),
  );
  writeFileSync(path('ragged.csv'), '1,2,3\n4,5\n');
  const cases: Array<[string[], RegExp]> = [
    [['fit', '--data', path('x.npy'), '--lambda', '-1'], /--lambda must be ≥ 0\. Value: -1\./],
    [['fit', '--data', path('x.npy'), '--lambda', 'abc'], /--lambda must be a number/],
    [
      ['fit', '--data', path('nan.npy'), '--lambda', '1'],
      /nan\.npy row 2 column 2: NaN is not a finite number/,
    ],
    [['fit', '--data', path('ragged.csv'), '--lambda', '1'], /ragged\.csv line 2/],
    [
      ['fit', '--data', path('missing.npy'), '--lambda', '1'],
      /missing\.npy: cannot be read: no such file or directory \(ENOENT\)/,
    ],
    [
      ['theory', '--cov', 'ar1:0.5', '--d', 'inf', '--alpha', '0', '--lambda', '1'],
      /--alpha must be > 0\. Value: 0\./,
    ],
    [
      ['theory', '--cov', 'ar1:0.5', '--d', '1', '--alpha', '1', '--lambda', '1'],
      /--d must be an integer ≥ 2\. Value: 1\./,
    ],
    [
      ['theory', '--cov', 'ar1:1.5', '--d', '10', '--alpha', '1', '--lambda', '1'],
      /--cov \(ar1 rho\) must be a number in \(-1, 1\)/,
    ],
    [
      ['theory', '--cov', 'ar1:0.5', '--alpha', '1', '--lambda', '1'],
      /--d is required for ar1 models/,
    ],
    [
      ['theory', '--cov', `dense:${path('notpsd.npy')}`, '--alpha', '1', '--lambda', '1'],
      /--cov dense:.*sigma must be positive semidefinite/,
    ],
    [
      ['theory', '--cov', 'nonsense', '--alpha', '1', '--lambda', '1'],
      /--cov must be written iso, ar1:<rho>, two-level:<ratio>/,
    ],
  ];
  for (const [args, message] of cases) {
    it(`rejects ${args.map((a) => a.replace(`${dir}/`, '')).join(' ')}`, async () => {
      const { err, code, out } = await run(...args);
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.equal(err.split('\n').length, 1, err);
      assert.match(err, message);
    });
  }

  it('exits the real process with code 2 and one stderr line (a JSON object under --json)', () => {
    const script =
      "const { main } = await import('./src/cli/main.ts'); await main(['node', 'rmtkit', ...process.argv.slice(1)]);";
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
        'theory',
        '--cov',
        'ar1:0.5',
        '--d',
        'inf',
        '--alpha',
        '1',
        '--lambda',
        '-2',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    // Under --json the one line is a JSON object (src/cli/main.ts reportError).
    assert.deepEqual(JSON.parse(r.stderr.trim()), {
      error: 'InvalidArgumentError',
      message: 'invalid argument: --lambda must be ≥ 0. Value: -2.',
      argument: '--lambda',
      exitCode: 2,
    });
  });
});
