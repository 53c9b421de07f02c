import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from './run-cli.js';

describe('errors under --json', () => {
  it('are one JSON object on stderr naming the argument and the exit code', async () => {
    const { code, err } = await runCli(
      'theory',
      '--cov',
      'ar1:0.5',
      '--alpha',
      '2',
      '--lambda',
      '-1',
      '--json',
    );
    assert.equal(code, 2);
    const parsed = JSON.parse(err.trim());
    assert.equal(parsed.error, 'InvalidArgumentError');
    assert.equal(parsed.exitCode, 2);
    assert.match(parsed.message, /lambda/);
    assert.ok(typeof parsed.argument === 'string' && /lambda/.test(parsed.argument));
  });

  it('stay one plain line without --json', async () => {
    const { code, err } = await runCli(
      'theory',
      '--cov',
      'ar1:0.5',
      '--alpha',
      '2',
      '--lambda',
      '-1',
    );
    assert.equal(code, 2);
    assert.match(err.trim(), /^rmtkit: invalid argument: --lambda/);
  });
});
