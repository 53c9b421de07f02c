import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';

// What `npm pack` ships: what a user needs, nothing that points at files it does not ship.
describe('the published tarball', () => {
  it('holds the licence, README, compiled code and addon sources, and no source maps', () => {
    const raw = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [pack] = JSON.parse(raw.slice(raw.indexOf('['))) as [{ files: { path: string }[] }];
    const files = pack.files.map((f) => f.path);
    for (const needed of ['LICENSE', 'README.md', 'package.json', 'binding.gyp', 'bin/rmtkit.js'])
      assert.ok(files.includes(needed), needed);
    assert.ok(
      files.some((f) => f.startsWith('dist/') && f.endsWith('index.js')),
      'dist/index.js',
    );
    assert.deepEqual(
      files.filter((f) => f.endsWith('.map')),
      [],
      'source maps whose sources are not shipped',
    );
  });
});
