import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar1GammaStar } from '../../src/pca/boundary.js';
import { runCli as run } from '../cli/run-cli.js';

describe('rmtkit compare-pca', () => {
  it('prints { ssrError, gammaStar, pca: [{ gamma, error }] } with --json', async () => {
    const { out, code } = await run(
      'compare-pca',
      '--cov',
      'ar1:0.5',
      '--alpha',
      'inf',
      '--gamma',
      '0.1,0.2',
      '--json',
    );
    assert.equal(code, 0);
    const result = JSON.parse(out);
    assert.deepEqual(Object.keys(result), ['ssrError', 'gammaStar', 'pca']);
    assert.ok(Math.abs(result.gammaStar - ar1GammaStar(0.5)) < 1e-4);
    assert.deepEqual(
      result.pca.map((p: { gamma: number }) => p.gamma),
      [0.1, 0.2],
    );
    assert.deepEqual(Object.keys(result.pca[0]), ['gamma', 'error']);
  });

  it('accepts a finite α with --lambda opt or a number, and explains errors in one line', async () => {
    assert.equal(
      (await run('compare-pca', '--cov', 'ar1:0.5', '--alpha', '2', '--lambda', '0.1', '--json'))
        .code,
      0,
    );
    const bad = await run('compare-pca', '--cov', 'ar1:0.5', '--alpha', '-2');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--alpha/);
    const text = await run('compare-pca', '--cov', 'ar1:0.5', '--alpha', 'inf');
    assert.match(text.out, /γ\* = 0\.151/);
  });
});
